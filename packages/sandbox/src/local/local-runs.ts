import fs from "node:fs";
import path from "node:path";
import { ExecRequestSchema, RunTestsRequestSchema, type ExecRequest, type ExecResult, type RunTestsRequest, type TestRunResult } from "../api/schemas.ts";
import { toExecResult } from "../exec-result.ts";
import { decodeFileInput } from "../file-content.ts";
import { newRunId } from "../ids.ts";
import type { LanguageDefinition } from "../languages/index.ts";
import { clampTimeout, type ResourceLimits, type StorageLimits } from "../limits.ts";
import { interpretTestRun } from "../results/interpret-test-run.ts";
import { withUnreportedTests } from "../results/unfinished-run.ts";
import { secretRunResult } from "../secret-tests/secret-result.ts";
import type { HostRuntime } from "./host-runtime.ts";
import type { PreparedCommand, SandboxRunner, WorkspaceRef } from "./sandbox-runner.ts";

const RESULTS_BYTES = 4 * 1024 * 1024;
const decoder = new TextDecoder();

export async function runExec(runner: SandboxRunner, workspace: WorkspaceRef, request: ExecRequest, limits: ResourceLimits, track: (prepared: PreparedCommand) => void): Promise<ExecResult> {
  const input = ExecRequestSchema.parse(request);
  const argv = typeof input.command === "string" ? ["/bin/sh", "-c", input.command] : input.command;
  const prepared = runner.prepareExec(workspace, argv, input.env ?? {}, { terminal: false });
  track(prepared);
  const run = await runner.run(prepared, {
    stdin: input.stdin === undefined ? undefined : new TextEncoder().encode(input.stdin),
    timeoutMs: clampTimeout(limits, input.timeoutMs),
  });
  return toExecResult(run);
}

export async function runTestSuite(
  runner: SandboxRunner,
  workspace: WorkspaceRef,
  language: LanguageDefinition,
  request: RunTestsRequest,
  settings: { limits: ResourceLimits; storage: StorageLimits; runsDir: string },
  track: (prepared: PreparedCommand) => void,
): Promise<TestRunResult> {
  const input = RunTestsRequestSchema.parse(request);
  const hidden = input.hiddenTests.map((file) => decodeFileInput(file, settings.storage.apiFileBytes));
  const timeoutMs = clampTimeout(settings.limits, input.timeoutMs ?? language.defaultTestTimeoutMs);
  // Hidden tests go to a per-run directory outside the workspace, readable only by this
  // workspace's uid, mounted read-only beside the scratch copy for this run only.
  const runDir = hidden.length > 0 ? path.join(settings.runsDir, newRunId()) : null;
  try {
    let hiddenDir: string | null = null;
    if (runDir) {
      hiddenDir = path.join(runDir, "hidden");
      for (const file of hidden) {
        const target = path.join(hiddenDir, file.path);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o750 });
        fs.writeFileSync(target, file.content, { mode: 0o640 });
      }
      restrictToGroup(runDir, workspace.gid);
    }
    const prepared = runner.prepareTests(workspace, hiddenDir, (layout) =>
      language.testCommand({
        sourceDir: layout.sourceDir,
        workDir: layout.workDir,
        hiddenDir: layout.hiddenDir,
        onlyHidden: input.secretTests,
        runnersDir: layout.runnersDir,
        tools: { ...language.localTools, ...(layout.esbuild ? { esbuild: layout.esbuild } : {}) },
      }),
    );
    track(prepared);
    const run = await runner.run(prepared, { timeoutMs, resultsBytes: RESULTS_BYTES });
    const interpreted = interpretTestRun(language, {
      exitCode: run.exitCode,
      termination: run.termination === "exited" && (run.results?.length ?? 0) >= RESULTS_BYTES ? "output_limit" : run.termination,
      stdout: decoder.decode(run.stdout),
      stderr: decoder.decode(run.stderr),
      events: run.results ? decoder.decode(run.results) : "",
      durationMs: run.durationMs,
      timeoutMs,
      memoryLimitBytes: settings.limits.memoryBytes,
      outputLimitBytes: settings.limits.outputBytes,
      hiddenFiles: new Set(hidden.map((file) => file.path)),
    });
    // A secret result already lists every declared test, unreported ones with its own message.
    return input.secretTests ? await secretRunResult(language, hidden, interpreted) : await withUnreportedTests(language, hidden, interpreted);
  } finally {
    if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
  }
}

/** Runs the assembled chain once at start-up; returns a problem description or null. */
export async function runSelfTest(runner: SandboxRunner, runtime: HostRuntime, uid: number, isRoot: boolean): Promise<string | null> {
  const root = path.join(path.dirname(runtime.etcDir), "selftest");
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { mode: 0o755 });
  if (isRoot) fs.chownSync(root, uid, uid);
  try {
    const prepared = runner.prepareExec({ root, uid, gid: uid }, ["/bin/sh", "-c", "id -u; cat /etc/shadow >/dev/null 2>&1 && echo shadow-readable; echo ok"], {}, { terminal: false });
    const run = await runner.run(prepared, { timeoutMs: 10_000 });
    const lines = decoder.decode(run.stdout).trim().split("\n");
    if (lines.at(-1) !== "ok") return `sandbox self-test failed (exit ${run.exitCode}): ${decoder.decode(run.stderr).trim().slice(0, 500)}`;
    if (lines.includes("shadow-readable")) return "sandbox self-test: /etc/shadow is readable inside the sandbox";
    if (isRoot && lines[0] === "0") return "sandbox self-test: code runs as root inside the sandbox";
    return null;
  } catch (error) {
    return `sandbox self-test could not start: ${(error as Error).message}`;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

function restrictToGroup(dir: string, gid: number): void {
  if (process.getuid?.() !== 0) return;
  fs.chownSync(dir, 0, gid);
  fs.chmodSync(dir, 0o750);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) restrictToGroup(full, gid);
    else fs.chownSync(full, 0, gid);
  }
}
