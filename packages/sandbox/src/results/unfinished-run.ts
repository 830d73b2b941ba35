import type { TestCaseResult, TestRunResult } from "../api/schemas.ts";
import type { LanguageDefinition } from "../languages/types.ts";
import type { DeclaredTest } from "../secret-tests/declared-tests.ts";
import { totalsOf } from "./totals.ts";

// A run the service stopped (time, CPU, memory or output limit, or a kill) did not finish, and
// what it reported depends on the runner: pytest streams a result per test, so a killed Python
// run lists the tests that ended before the kill; node:test reports per file, so a killed
// TypeScript run may list none. Either way the tests that did not report never ran to the end,
// and they are failures: every test declared in the injected files that has no result is added
// as an error. Python and TypeScript then count the same way, and a run that did not finish
// never looks complete (the test in progress at the kill is one of the added errors). The same
// holds for a test process that ended part-way by itself (os._exit, process.exit in the code
// under test): no limit was hit, but the tests after that point never ran.

export const DID_NOT_RUN_MESSAGE = "Did not run to the end: the run was stopped before this test reported a result.";

/**
 * True when the service stopped the run instead of the runner exiting by itself, or when the
 * test process ended part-way (status "error": the runner failed, or code under test exited
 * the process before the runner reported the end of the run).
 */
export function runDidNotFinish(result: Pick<TestRunResult, "termination" | "status">): boolean {
  return result.termination !== "exited" || result.status === "error";
}

export async function withUnreportedTests(language: LanguageDefinition, injected: readonly { path: string; content: Uint8Array }[], result: TestRunResult): Promise<TestRunResult> {
  if (!runDidNotFinish(result)) return result;
  const declared: DeclaredTest[] = [];
  for (const file of injected) {
    if (!language.isTestFile(file.path)) continue;
    declared.push(...(await Promise.resolve(language.declaredTests(file.path, new TextDecoder().decode(file.content))).catch(() => [])));
  }
  return addUnreported(result, declared);
}

export function addUnreported(result: TestRunResult, declared: readonly DeclaredTest[]): TestRunResult {
  const missing: TestCaseResult[] = declared
    .filter((test) => !result.tests.some((t) => t.file === test.file && test.matches(t.name)))
    .map((test) => ({ name: test.name, file: test.file, status: "error", durationMs: 0, message: DID_NOT_RUN_MESSAGE, details: null, output: "", hidden: true }));
  if (missing.length === 0) return result;
  const tests = [...result.tests, ...missing];
  return {
    ...result,
    tests,
    totals: totalsOf(tests),
  };
}
