import type { TestCaseResult, TestRunResult, TestRunStatus, Termination } from "../api/schemas.ts";
import type { LanguageDefinition } from "../languages/types.ts";
import { parseRunnerEvents } from "./test-events.ts";
import { totalsOf } from "./totals.ts";

/** What a provider observed while running a language's test command. */
export interface RawTestRun {
  exitCode: number | null;
  termination: Termination;
  stdout: string;
  stderr: string;
  /** The runner's JSON-lines event stream. */
  events: string;
  durationMs: number;
  timeoutMs: number;
  memoryLimitBytes: number | null;
  outputLimitBytes: number;
  hiddenFiles: ReadonlySet<string>;
}

const MB = 1024 * 1024;

/** Turns a raw run into the API result; the resource-limit verdicts win over test outcomes. */
export function interpretTestRun(language: LanguageDefinition, raw: RawTestRun): TestRunResult {
  const parsed = parseRunnerEvents(language.translateEvents ? language.translateEvents(raw.events) : raw.events);
  const tests: TestCaseResult[] = parsed.tests.map((event) => ({
    name: event.name,
    file: event.file ?? null,
    status: event.status,
    durationMs: Math.round(event.durationMs * 1000) / 1000,
    message: event.message ?? null,
    details: event.details ?? null,
    output: event.output ?? "",
    hidden: event.file != null && raw.hiddenFiles.has(event.file),
  }));
  const totals = totalsOf(tests);

  let status: TestRunStatus;
  let summary: string;
  let compileOutput: string | null = null;
  const limitVerdict = verdictFromTermination(raw);
  const exitVerdict = limitVerdict ? null : language.statusFromExitCode(raw.exitCode, parsed.collectErrors.length > 0);
  if (limitVerdict) {
    [status, summary] = limitVerdict;
  } else if (exitVerdict === "compile_error") {
    status = "compile_error";
    compileOutput = parsed.collectErrors.length > 0
      ? parsed.collectErrors.map((e) => e.message ?? `could not load ${e.nodeid}`).join("\n\n")
      : raw.stderr.trim() || raw.stdout.trim();
    summary = "the code did not compile";
  } else if (exitVerdict === "no_tests") {
    status = "no_tests";
    summary = "no tests were found";
  } else if (exitVerdict === null && !parsed.ended) {
    // The runner reports the end of the run last; without it the process stopped part-way
    // (code under test called os._exit or process.exit, or the runtime crashed), even with exit
    // code 0. The tests it never reported did not run: the run did not finish.
    status = "error";
    summary = `${tests.length > 0 ? `${describeTotals(totals)}, then the` : "the"} test process ended before the run finished (exit code ${raw.exitCode ?? "none"}); did the code under test exit the process?`;
  } else if (exitVerdict === null && tests.length === 0 && raw.exitCode === 0) {
    status = "no_tests";
    summary = "no tests were found";
  } else if (exitVerdict === "error" || tests.length === 0) {
    status = "error";
    summary = `the test runner failed (exit code ${raw.exitCode ?? "none"}); see stderr`;
  } else if (totals.failed + totals.errored > 0) {
    status = "failed";
    summary = describeTotals(totals);
  } else if (raw.exitCode !== 0) {
    status = "error";
    summary = `${describeTotals(totals)}, but the runner exited with code ${raw.exitCode}; see stderr`;
  } else {
    status = "passed";
    summary = describeTotals(totals);
  }
  return {
    status,
    summary,
    tests,
    totals,
    compileOutput,
    exitCode: raw.exitCode,
    termination: raw.termination,
    durationMs: raw.durationMs,
    stdout: raw.stdout,
    stderr: raw.stderr,
  };
}

function verdictFromTermination(raw: RawTestRun): [TestRunStatus, string] | null {
  switch (raw.termination) {
    case "timeout":
      return ["timeout", `timed out after ${formatSeconds(raw.timeoutMs)}`];
    case "cpu_time_limit":
      return ["timeout", "exceeded the CPU time limit"];
    case "oom":
      return ["oom", raw.memoryLimitBytes ? `ran out of memory (limit ${Math.round(raw.memoryLimitBytes / MB)} MB)` : "ran out of memory"];
    case "output_limit":
      return ["output_limit", `output exceeded ${Math.round(raw.outputLimitBytes / 1024)} KB`];
    case "file_size_limit":
      return ["output_limit", "a file grew past the file size limit"];
    case "killed":
      return ["error", "the test process was killed"];
    case "exited":
      return null;
  }
}

function describeTotals(totals: TestRunResult["totals"]): string {
  const parts = [`${totals.passed} passed`];
  if (totals.failed) parts.push(`${totals.failed} failed`);
  if (totals.errored) parts.push(`${totals.errored} errored`);
  if (totals.skipped) parts.push(`${totals.skipped} skipped`);
  return parts.join(", ");
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
