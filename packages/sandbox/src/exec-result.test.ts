import { describe, expect, it } from "vitest";
import { toExecResult } from "./exec-result.ts";

const encoder = new TextEncoder();

describe("exec results", () => {
  const run = { exitCode: 1, signal: null, termination: "exited" as const, stdout: encoder.encode("out ✓\n"), stderr: encoder.encode("err\n"), stdoutTruncated: false, stderrTruncated: true, durationMs: 12.5 };

  it("decodes output and carries resource accounting when the provider has it", () => {
    expect(toExecResult({ ...run, stats: { cpuTimeMs: 4, memoryPeakBytes: 1024, pidsLimitHit: true } })).toEqual({
      exitCode: 1, signal: null, termination: "exited", stdout: "out ✓\n", stderr: "err\n", stdoutTruncated: false, stderrTruncated: true, durationMs: 12.5, cpuTimeMs: 4, memoryPeakBytes: 1024, pidsLimitHit: true,
    });
  });

  it("reports unknown accounting as null, and no process-limit hit", () => {
    expect(toExecResult(run)).toMatchObject({ cpuTimeMs: null, memoryPeakBytes: null, pidsLimitHit: false });
  });
});
