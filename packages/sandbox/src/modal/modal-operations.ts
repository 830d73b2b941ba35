import { TOOLCHAIN_ENV } from "../languages/toolchain-env.ts";
import type { Sandbox } from "modal";
import type { FileChangeEvent, FileEntry, TestRunResult } from "../api/schemas.ts";
import { AsyncQueue } from "../async-queue.ts";
import { newRunId } from "../ids.ts";
import type { LanguageDefinition } from "../languages/index.ts";
import type { ResourceLimits } from "../limits.ts";
import { diffScans } from "../local/file-watcher.ts";
import type { ScannedEntry } from "../local/safe-fs.ts";
import { interpretTestRun } from "../results/interpret-test-run.ts";
import { withUnreportedTests } from "../results/unfinished-run.ts";
import { WORKSPACE_ROOT, listModalFiles } from "./modal-files.ts";
import { MODAL_RUNNERS_DIR } from "./modal-images.ts";
import { limitedArgv, runInSandbox } from "./modal-process.ts";

const RESULTS_BYTES = 4 * 1024 * 1024;

/**
 * A test run in a Modal sandbox: the language's runner works on a copy of /workspace in a
 * per-run directory under /tmp, with hidden tests beside it, and writes its events (fd 3) to a
 * file read back afterwards. Nothing is written into /workspace.
 */
export async function runModalTests(
  sandbox: Sandbox,
  language: LanguageDefinition,
  hidden: { path: string; content: Uint8Array }[],
  settings: { limits: ResourceLimits; timeoutMs: number; onlyHidden: boolean },
): Promise<TestRunResult> {
  const runDir = `/tmp/interviewlm-${newRunId()}`;
  const resultsPath = `${runDir}/results.jsonl`;
  try {
    for (const file of hidden) await sandbox.filesystem.writeBytes(file.content, `${runDir}/hidden/${file.path}`);
    const { argv, env } = language.testCommand({
      sourceDir: WORKSPACE_ROOT,
      workDir: `${runDir}/work`,
      hiddenDir: hidden.length > 0 ? `${runDir}/hidden` : null,
      onlyHidden: settings.onlyHidden,
      runnersDir: MODAL_RUNNERS_DIR,
      tools: { ...language.modalImage.tools },
    });
    // The runner writes its events to descriptor 3, opened on the results file, exactly as
    // locally (where it is a pipe): code under test that writes to fd 3 meets the same thing
    // on both providers instead of a descriptor of node's own.
    const run = await runInSandbox(sandbox, limitedArgv(["/bin/sh", "-c", 'mkdir -p "$WORK_DIR" && exec "$@" 3>"$0"', resultsPath, ...argv], settings.limits), {
      env: { ...TOOLCHAIN_ENV, ...env, HOME: WORKSPACE_ROOT, LANG: "C.UTF-8" },
      timeoutMs: settings.timeoutMs,
      outputBytes: settings.limits.outputBytes,
      workdir: WORKSPACE_ROOT,
    });
    let events = "";
    const info = await sandbox.filesystem.stat(resultsPath).catch(() => null);
    if (info && info.size <= RESULTS_BYTES) events = await sandbox.filesystem.readText(resultsPath);
    const decoder = new TextDecoder();
    const interpreted = interpretTestRun(language, {
      exitCode: run.exitCode,
      termination: info && info.size > RESULTS_BYTES ? "output_limit" : run.termination,
      stdout: decoder.decode(run.stdout),
      stderr: decoder.decode(run.stderr),
      events,
      durationMs: run.durationMs,
      timeoutMs: settings.timeoutMs,
      memoryLimitBytes: settings.limits.memoryBytes,
      outputLimitBytes: settings.limits.outputBytes,
      hiddenFiles: new Set(hidden.map((file) => file.path)),
    });
    return await withUnreportedTests(language, hidden, interpreted);
  } finally {
    await sandbox
      .exec(["rm", "-rf", runDir])
      .then((p) => p.wait())
      .catch(() => undefined);
  }
}

/**
 * File changes in a Modal sandbox, by listing the workspace (one `find` exec) every
 * `intervalMs` and diffing, like the local provider. Modal's native watch starts
 * asynchronously with no signal that it is ready, so changes made right after subscribing
 * could be missed; a listing taken before returning is an exact baseline.
 */
export async function watchModalFiles(sandbox: Sandbox, signal: AbortSignal | undefined, release: () => void, intervalMs = 1000): Promise<AsyncIterable<FileChangeEvent[]>> {
  let previous = toScan(await listModalFiles(sandbox));
  const queue = new AsyncQueue<FileChangeEvent[]>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (timer) clearTimeout(timer);
    queue.close();
    release();
  };
  const tick = async () => {
    try {
      const next = toScan(await listModalFiles(sandbox));
      const events = diffScans(previous, next);
      previous = next;
      if (events.length > 0) queue.push(events);
    } catch {
      return stop(); // the sandbox ended
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), intervalMs);
  if (signal?.aborted) stop();
  else signal?.addEventListener("abort", stop, { once: true });
  return (async function* () {
    try {
      yield* queue;
    } finally {
      stop();
    }
  })();
}

function toScan(entries: FileEntry[]): Map<string, ScannedEntry> {
  return new Map(entries.map((entry) => [entry.path, { ...entry, changeKey: `${entry.size}:${entry.mtimeMs}` }]));
}
