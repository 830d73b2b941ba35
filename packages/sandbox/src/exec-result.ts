import type { ExecResult, Termination } from "./api/schemas.ts";

// What every provider observes of a finished command, and the one mapping to the API's
// ExecResult (so the local and Modal providers cannot report the same run differently).

export interface FinishedCommand {
  exitCode: number | null;
  signal: string | null;
  termination: Termination;
  stdout: Uint8Array;
  stderr: Uint8Array;
  stdoutTruncated: boolean;
  stderrTruncated: boolean;
  durationMs: number;
  /** Resource accounting, where the provider has it (local cgroups); null on Modal. */
  stats?: { cpuTimeMs: number | null; memoryPeakBytes: number | null; pidsLimitHit: boolean } | null;
}

const decoder = new TextDecoder();

export function toExecResult(run: FinishedCommand): ExecResult {
  return {
    exitCode: run.exitCode,
    signal: run.signal,
    termination: run.termination,
    stdout: decoder.decode(run.stdout),
    stderr: decoder.decode(run.stderr),
    stdoutTruncated: run.stdoutTruncated,
    stderrTruncated: run.stderrTruncated,
    durationMs: run.durationMs,
    cpuTimeMs: run.stats?.cpuTimeMs ?? null,
    memoryPeakBytes: run.stats?.memoryPeakBytes ?? null,
    pidsLimitHit: run.stats?.pidsLimitHit ?? false,
  };
}
