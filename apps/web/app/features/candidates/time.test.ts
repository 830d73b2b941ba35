import { describe, expect, it } from "vitest";
import { formatAbsolute, formatRelative } from "./time";

const now = new Date("2030-03-10T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const MIN = 60_000;

describe("formatRelative", () => {
  it.each([
    [at(-10_000), "just now"],
    [at(-5 * MIN), "5 minutes ago"],
    [at(-3 * 60 * MIN), "3 hours ago"],
    [at(-26 * 60 * MIN), "yesterday"],
    [at(5 * 24 * 60 * MIN), "in 5 days"],
    [at(8 * 24 * 60 * MIN), "next week"],
    [at(-60 * 24 * 60 * MIN), "2 months ago"],
  ])("%s reads as %s", (date, text) => {
    expect(formatRelative(date, now)).toBe(text);
  });
});

describe("formatAbsolute", () => {
  it("prints the UTC time whatever the server's zone", () => {
    expect(formatAbsolute(now)).toBe("10 Mar 2030, 12:00 UTC");
  });
});
