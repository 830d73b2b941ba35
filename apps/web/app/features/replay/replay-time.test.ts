import { describe, expect, it } from "vitest";
import { adjacentMarker, formatOffset, nextSpeed, offsetFromParam, skipIdle } from "./replay-time";

describe("replay time helpers", () => {
  it("formats offsets as m:ss and h:mm:ss", () => {
    expect(formatOffset(0)).toBe("0:00");
    expect(formatOffset(65_400)).toBe("1:05");
    expect(formatOffset(3_725_000)).toBe("1:02:05");
  });

  it("reads ?t= as seconds, clamped to the session, and ignores nonsense", () => {
    expect(offsetFromParam("90", 600_000)).toBe(90_000);
    expect(offsetFromParam("9999", 600_000)).toBe(600_000);
    expect(offsetFromParam("-3", 600_000)).toBe(0);
    expect(offsetFromParam("abc", 600_000)).toBe(0);
    expect(offsetFromParam(null, 600_000)).toBe(0);
  });

  it("finds the next and previous marker of a track", () => {
    const markers = [
      { seq: 1, t: 1000, track: "tests" as const },
      { seq: 2, t: 5000, track: "ai" as const },
      { seq: 3, t: 9000, track: "tests" as const },
    ];
    expect(adjacentMarker(markers, 1000, 1)?.seq).toBe(2);
    expect(adjacentMarker(markers, 1000, 1, ["tests"])?.seq).toBe(3);
    expect(adjacentMarker(markers, 9000, -1, ["tests"])?.seq).toBe(1);
    expect(adjacentMarker(markers, 9000, 1)).toBeNull();
  });

  it("skips a long quiet stretch to the next activity, and not a short one", () => {
    const activity = { typing: [1, 0, 0, 0, 0, 2], terminal: [0, 0, 0, 0, 0, 0] };
    expect(skipIdle(1000, 1000, activity, [], 3000)).toBe(5000);
    expect(skipIdle(1000, 1000, { typing: [1, 0, 3, 0, 0, 0], terminal: activity.terminal }, [], 3000)).toBe(1000);
    expect(skipIdle(100, 1000, activity, [], 3000)).toBe(100);
  });

  it("steps speeds between 0.5× and 16×", () => {
    expect(nextSpeed(1, 1)).toBe(2);
    expect(nextSpeed(16, 1)).toBe(16);
    expect(nextSpeed(0.5, -1)).toBe(0.5);
  });
});
