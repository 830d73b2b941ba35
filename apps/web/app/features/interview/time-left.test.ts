import { describe, expect, it } from "vitest";
import { describeRemaining, formatClock, remainingMs } from "./time-left";

describe("the interview clock", () => {
  it("counts against the room's clock", () => {
    // The browser is 30 s behind the room: 30 s less remain than its own clock suggests.
    expect(remainingMs(100_000, 30_000, 10_000)).toBe(60_000);
    expect(remainingMs(100_000, 0, 200_000)).toBe(0);
  });

  it("formats with hours only when needed, rounding up", () => {
    expect(formatClock(3_723_000)).toBe("1:02:03");
    expect(formatClock(299_001)).toBe("05:00");
    expect(formatClock(0)).toBe("00:00");
  });

  it("says the time left in words", () => {
    expect(describeRemaining(0)).toBe("Time is up");
    expect(describeRemaining(30_000)).toBe("Less than a minute left");
    expect(describeRemaining(5 * 60_000)).toBe("5 minutes left");
    expect(describeRemaining(61 * 60_000)).toBe("1 hour 1 minute left");
    expect(describeRemaining(120 * 60_000)).toBe("2 hours left");
  });
});
