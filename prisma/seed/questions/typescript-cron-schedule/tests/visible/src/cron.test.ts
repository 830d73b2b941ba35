import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CronSyntaxError, nextRun, nextRuns, parseCron } from "./cron";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("parseCron", () => {
  it("expands steps, ranges and stars", () => {
    assert.deepEqual(parseCron("*/20 9-17 * * 1-5"), {
      minutes: [0, 20, 40],
      hours: range(9, 17),
      daysOfMonth: range(1, 31),
      months: range(1, 12),
      daysOfWeek: [1, 2, 3, 4, 5],
      dayMatch: "both",
    });
  });

  it("rejects values out of range", () => {
    assert.throws(() => parseCron("60 * * * *"), CronSyntaxError);
  });
});

describe("nextRun", () => {
  it("finds the next quarter hour", () => {
    assert.deepEqual(nextRun("*/15 * * * *", new Date("2024-03-10T08:07:30Z")), new Date("2024-03-10T08:15:00Z"));
  });

  it("is strictly after the given time", () => {
    assert.deepEqual(nextRun("0 12 * * *", new Date("2024-03-10T12:00:00Z")), new Date("2024-03-11T12:00:00Z"));
  });

  it("lists several runs", () => {
    assert.deepEqual(nextRuns("30 9 * * 1", new Date("2024-03-10T00:00:00Z"), 2), [
      new Date("2024-03-11T09:30:00Z"),
      new Date("2024-03-18T09:30:00Z"),
    ]);
  });
});
