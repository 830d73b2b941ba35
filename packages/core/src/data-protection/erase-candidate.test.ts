import { describe, expect, it } from "vitest";
import { erasureRetryDelayMs } from "./erase-candidate.ts";

describe("erasureRetryDelayMs", () => {
  it("waits a minute after the first failure, doubling, and never more than six hours", () => {
    expect([1, 2, 3, 4].map(erasureRetryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(erasureRetryDelayMs(0)).toBe(60_000);
    expect(erasureRetryDelayMs(50)).toBe(6 * 60 * 60_000);
  });
});
