import type { WorkspaceTestRun } from "./workspace-port.ts";

// The one place a stored evaluation becomes numbers (adaptive difficulty today; dashboards
// and scoring later read the same summary). Rules, so a score never rests on a run that did
// not finish:
// - only "passed" and "failed" runs finished by themselves; any other status (timeout, out of
//   memory, output limit, runner error, compile error, no tests) is an unfinished run;
// - a test counts only when it reported "passed"; skipped, failed, errored and tests that did
//   not run (the sandbox lists them as errors) do not;
// - an unfinished run always carries at least one failure — the run itself — so it can never
//   reach a full score, whatever the runner managed to report before it was stopped.

const FINISHED_STATUSES = new Set(["passed", "failed"]);

export interface EvaluationScore {
  /** Whether the test run ended by itself (passed or failed), not stopped by a limit or broken. */
  finished: boolean;
  /** Hidden tests that passed. */
  passed: number;
  /** Hidden tests counted, including the unfinished run's own failure. */
  total: number;
  /** passed / total; 0 when nothing could be counted. */
  ratio: number;
}

export function runFinished(status: string): boolean {
  return FINISHED_STATUSES.has(status);
}

export function scoreTestRun(run: Pick<WorkspaceTestRun, "status" | "tests">): EvaluationScore {
  const finished = runFinished(run.status);
  const hidden = run.tests.filter((t) => t.hidden);
  // A question without hidden tests is judged by all its tests.
  const counted = hidden.length > 0 ? hidden : run.tests;
  const passed = counted.filter((t) => t.status === "passed").length;
  let total = counted.length;
  if (!finished && passed >= total) total = passed + 1;
  if (total === 0) return { finished, passed: 0, total: 0, ratio: run.status === "passed" ? 1 : 0 };
  return { finished, passed, total, ratio: passed / total };
}
