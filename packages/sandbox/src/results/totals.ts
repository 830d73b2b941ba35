import type { TestCaseResult, TestRunResult } from "../api/schemas.ts";

/** A run's totals, always derived from its list of tests so the two can never disagree. */
export function totalsOf(tests: readonly Pick<TestCaseResult, "status">[]): TestRunResult["totals"] {
  const count = (status: TestCaseResult["status"]) => tests.filter((test) => test.status === status).length;
  return { total: tests.length, passed: count("passed"), failed: count("failed"), errored: count("error"), skipped: count("skipped") };
}
