import type { Signal } from "@interviewlm/realtime";
import { expect, it } from "vitest";
import { describeSignal, meaningfulSignals, summarizeSignals } from "./signal-summary";

it("adds up pastes and time away, counting an ongoing absence", () => {
  const signals: Signal[] = [
    { type: "paste", at: 1, path: "a.py", length: 120, lines: 4 },
    { type: "focus", at: 1000, state: "lost" },
    { type: "focus", at: 1500, state: "lost" },
    { type: "focus", at: 4000, state: "regained" },
    { type: "paste", at: 5000, path: "b.py", length: 30, lines: 1 },
    { type: "focus", at: 9000, state: "lost" },
  ];
  expect(summarizeSignals(signals, 10_000)).toEqual({ pastes: 2, pastedCharacters: 150, focusLosses: 2, awayMs: 4000, awayNow: true });
});

it("describes signals neutrally", () => {
  expect(describeSignal({ type: "paste", at: 0, path: "src/a.ts", length: 1234, lines: 1 })).toBe("Pasted 1,234 characters (1 line) into src/a.ts");
  expect(describeSignal({ type: "focus", at: 0, state: "lost" })).toBe("Left the interview tab");
});

it("keeps one line per change of focus, dropping the repeats sent on reconnect", () => {
  const signals: Signal[] = [
    { type: "focus", at: 1, state: "regained" },
    { type: "focus", at: 2, state: "lost" },
    { type: "focus", at: 3, state: "lost" },
    { type: "paste", at: 4, path: "a.py", length: 1, lines: 1 },
    { type: "focus", at: 5, state: "regained" },
    { type: "focus", at: 6, state: "regained" },
  ];
  expect(meaningfulSignals(signals).map((s) => s.at)).toEqual([2, 4, 5]);
});
