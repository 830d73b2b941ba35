import type { TestCaseResult, TestRunResult } from "../api/schemas.ts";
import type { LanguageDefinition } from "../languages/types.ts";
import type { DeclaredTest } from "./declared-tests.ts";
import { totalsOf } from "../results/totals.ts";

// The result of a run whose injected tests are secret. Everything the test process reports is
// under the candidate's control (their code shares the process with the tests), so it is only
// used to pick each declared test's status; names come from the injected files, durations are
// rounded to a coarse series, and all text is the service's own. What the candidate can still
// steer is listed in docs/decisions/0030-sandbox-secret-test-runs.md.

/** Every per-test message a secret run can carry. */
export const SECRET_RUN_MESSAGES = {
  noResult: "No result: this test did not run to the end.",
} as const;

const SUMMARIES = {
  compile_error: "The tests could not load your code. Run it in the terminal to see the error (test output is not shown in this interview).",
  error: "No test reported a result. Run your code in the terminal to check that it starts (test output is not shown in this interview).",
} as const;

/** Verdicts the service observes itself (limits it enforced), kept with their own summaries. */
const HOST_VERDICTS = new Set<TestRunResult["status"]>(["timeout", "oom", "output_limit"]);

/** The secret result of a run of `injected` (the files RunTestsRequest.hiddenTests brought). */
export async function secretRunResult(language: LanguageDefinition, injected: readonly { path: string; content: Uint8Array }[], full: TestRunResult): Promise<TestRunResult> {
  const declared: DeclaredTest[] = [];
  for (const file of injected) {
    if (!language.isTestFile(file.path)) continue;
    // A test file that does not parse declares nothing; the run itself says it did not compile.
    declared.push(...(await Promise.resolve(language.declaredTests(file.path, new TextDecoder().decode(file.content))).catch(() => [])));
  }
  return secretTestResult(full, declared);
}

export function secretTestResult(full: TestRunResult, declared: readonly DeclaredTest[]): TestRunResult {
  const tests = declared.map((test) => secretCase(test, full.tests.filter((t) => t.file === test.file && test.matches(t.name)), full.durationMs));
  const totals = totalsOf(tests);
  const reported = tests.some((t) => t.message !== SECRET_RUN_MESSAGES.noResult);
  let status: TestRunResult["status"];
  let summary: string;
  if (HOST_VERDICTS.has(full.status)) [status, summary] = [full.status, full.summary];
  else if (full.status === "compile_error") [status, summary] = ["compile_error", SUMMARIES.compile_error];
  else if (tests.length === 0) [status, summary] = ["no_tests", "no tests were found"];
  else if (!reported) [status, summary] = ["error", SUMMARIES.error];
  else [status, summary] = [totals.passed + totals.skipped === totals.total ? "passed" : "failed", describeTotals(totals)];
  return {
    status,
    summary,
    tests,
    totals,
    compileOutput: null,
    exitCode: null,
    termination: full.termination,
    durationMs: full.durationMs,
    stdout: "",
    stderr: "",
  };
}

function secretCase(test: DeclaredTest, reports: readonly TestCaseResult[], runMs: number): TestCaseResult {
  const base = { name: test.name, file: test.file, output: "", details: null, hidden: true };
  if (reports.length === 0) return { ...base, status: "error", durationMs: 0, message: SECRET_RUN_MESSAGES.noResult };
  const statuses = new Set(reports.map((r) => r.status));
  // One failing case (or forged duplicate) fails the test; it passes only when every case passed.
  const status = statuses.has("failed") ? "failed" : statuses.has("error") ? "error" : statuses.has("passed") ? "passed" : "skipped";
  const reportedMs = reports.reduce((sum, r) => sum + r.durationMs, 0);
  return { ...base, status, durationMs: coarseDuration(Math.min(reportedMs, runMs)), message: null };
}

/** Rounds up to 1, 2, 5, 10, 20, 50 … ms: a reported duration carries about 4 bits, not 50. */
export function coarseDuration(ms: number): number {
  if (!(ms > 0)) return 0;
  for (let scale = 1; ; scale *= 10) {
    for (const step of [1, 2, 5]) if (ms <= step * scale) return step * scale;
  }
}

function describeTotals(totals: TestRunResult["totals"]): string {
  const parts = [`${totals.passed} passed`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.errored) parts.push(`${totals.errored} errored`);
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  return parts.join(", ");
}
