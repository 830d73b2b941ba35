import { describe, expect, it } from "vitest";
import { hiddenPassRatio, type StoredEvaluation } from "./evaluate-question.ts";
import { scoreTestRun } from "./evaluation-score.ts";
import { nextDifficulty } from "./session-flow.ts";

const test = (name: string, status: string, hidden = true) => ({ name, file: hidden ? "tests/test_hidden.py" : "tests/test_visible.py", status, durationMs: 1, message: null, hidden });
const evaluation = (status: string, tests: ReturnType<typeof test>[]): Extract<StoredEvaluation, { ok: true }> => ({
  ok: true,
  at: "2025-01-01T00:00:00.000Z",
  status,
  summary: status,
  totals: { total: tests.length, passed: tests.filter((t) => t.status === "passed").length, failed: 0, errored: 0, skipped: 0 },
  tests,
  durationMs: 1,
});
const elevenPassed = Array.from({ length: 11 }, (_, i) => test(`test_${i}`, "passed"));

describe("scoring an evaluation", () => {
  it("never scores a timed-out run as a full pass, even when every reported hidden test passed", () => {
    // The audit's case: a Python run killed by the CPU limit after 11 of its hidden tests passed.
    expect(hiddenPassRatio(evaluation("timeout", elevenPassed))).toBeLessThan(1);
    expect(scoreTestRun(evaluation("timeout", elevenPassed))).toEqual({ finished: false, passed: 11, total: 12, ratio: 11 / 12 });
  });

  it("treats every way of not finishing the same", () => {
    for (const status of ["timeout", "oom", "output_limit", "error", "compile_error", "no_tests"]) {
      expect(hiddenPassRatio(evaluation(status, elevenPassed)), status).toBeLessThan(1);
      expect(hiddenPassRatio(evaluation(status, [])), status).toBe(0);
    }
  });

  it("counts tests the sandbox marked as not run as failures, for Python and TypeScript alike", () => {
    // Python reports what finished before the kill; TypeScript reports nothing; the sandbox adds the rest as errors.
    const python = evaluation("timeout", [test("test_a", "passed"), test("test_b", "passed"), test("test_c", "error")]);
    const typescript = evaluation("timeout", [test("a", "error"), test("b", "error"), test("c", "error")]);
    expect(hiddenPassRatio(python)).toBeCloseTo(2 / 3);
    expect(hiddenPassRatio(typescript)).toBe(0);
  });

  it("scores finished runs by their hidden tests; skipped tests are not passes", () => {
    expect(hiddenPassRatio(evaluation("passed", elevenPassed))).toBe(1);
    expect(hiddenPassRatio(evaluation("failed", [test("a", "passed"), test("b", "failed"), test("c", "skipped"), test("v", "passed", false)]))).toBeCloseTo(1 / 3);
    expect(hiddenPassRatio(evaluation("passed", [test("v", "passed", false)]))).toBe(1);
    expect(hiddenPassRatio({ ok: false, at: "2025-01-01T00:00:00.000Z", error: "sandbox down" })).toBeNull();
  });

  it("never moves a candidate up after a run that did not finish", () => {
    expect(nextDifficulty("MEDIUM", 11 / 12, false)).toBe("MEDIUM");
    expect(nextDifficulty("MEDIUM", 11 / 12, true)).toBe("HARD");
    expect(nextDifficulty("MEDIUM", 0.2, false)).toBe("EASY");
  });
});
