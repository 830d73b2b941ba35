// Words and tones for test runs, shared by the panel, its history and the live announcement.
import type { BadgeTone } from "@interviewlm/ui";
import type { TestRunView } from "@interviewlm/realtime";

type RunResult = NonNullable<TestRunView["result"]>;

const STATUS_TEXT: Record<RunResult["status"], string> = {
  passed: "All tests passed",
  failed: "Some tests failed",
  compile_error: "The code did not compile",
  timeout: "The run timed out",
  oom: "The run ran out of memory",
  output_limit: "The run printed too much output",
  no_tests: "No tests were found",
  error: "The test runner failed",
};

export function runHeadline(run: TestRunView): string {
  if (run.status === "running") return "Running tests…";
  if (run.status === "error" || !run.result) return run.error ?? "The tests could not be run";
  return STATUS_TEXT[run.result.status];
}

export function runTone(run: TestRunView): BadgeTone {
  if (run.status === "running") return "info";
  if (run.result?.status === "passed") return "success";
  if (run.status === "error" || !run.result) return "warning";
  return "danger";
}

export function runTotals(run: TestRunView): string | null {
  const totals = run.result?.totals;
  if (!totals || totals.total === 0) return null;
  const parts = [`${totals.passed} of ${totals.total} passed`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.errored) parts.push(`${totals.errored} errored`);
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  return parts.join(", ");
}

/** What a screen reader hears when a run ends. */
export function runAnnouncement(run: TestRunView): string {
  const totals = runTotals(run);
  return totals ? `Tests finished: ${totals}.` : `Tests finished: ${runHeadline(run)}.`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

export function formatClockTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
}
