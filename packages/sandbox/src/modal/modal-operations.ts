import type { Sandbox } from "modal";
import type { FileChangeEvent, TestRunResult } from "../api/schemas.ts";
import { AsyncQueue } from "../async-queue.ts";
import { newRunId } from "../ids.ts";
import type { LanguageDefinition } from "../languages/index.ts";
import type { ResourceLimits } from "../limits.ts";
import { interpretTestRun } from "../results/interpret-test-run.ts";
import { WORKSPACE_ROOT } from "./modal-files.ts";
import { MODAL_RUNNERS_DIR } from "./modal-images.ts";
import { limitedArgv, runInSandbox } from "./modal-process.ts";

const RESULTS_BYTES = 4 * 1024 * 1024;

/**
 * A test run in a Modal sandbox: the language's runner works on a copy of /workspace in a
 * per-run directory under /tmp, with hidden tests beside it, and writes its events to a file
 * read back afterwards. Nothing is written into /workspace.
 */
export async function runModalTests(
  sandbox: Sandbox,
  language: LanguageDefinition,
  hidden: { path: string; content: Uint8Array }[],
  settings: { limits: ResourceLimits; timeoutMs: number },
): Promise<TestRunResult> {
  const runDir = `/tmp/interviewlm-${newRunId()}`;
  const resultsPath = `${runDir}/results.jsonl`;
  try {
    for (const file of hidden) await sandbox.filesystem.writeBytes(file.content, `${runDir}/hidden/${file.path}`);
    const { argv, env } = language.testCommand({
      sourceDir: WORKSPACE_ROOT,
      workDir: `${runDir}/work`,
      hiddenDir: hidden.length > 0 ? `${runDir}/hidden` : null,
      runnersDir: MODAL_RUNNERS_DIR,
      tools: { ...language.modalImage.tools },
    });
    const run = await runInSandbox(sandbox, limitedArgv(["/bin/sh", "-c", 'mkdir -p "$WORK_DIR" && exec "$@"', "run-tests", ...argv], settings.limits), {
      env: { ...env, RESULTS_PATH: resultsPath, HOME: WORKSPACE_ROOT, LANG: "C.UTF-8" },
      timeoutMs: settings.timeoutMs,
      outputBytes: settings.limits.outputBytes,
      workdir: WORKSPACE_ROOT,
    });
    let events = "";
    const info = await sandbox.filesystem.stat(resultsPath).catch(() => null);
    if (info && info.size <= RESULTS_BYTES) events = await sandbox.filesystem.readText(resultsPath);
    const decoder = new TextDecoder();
    return interpretTestRun(language, {
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
  } finally {
    await sandbox
      .exec(["rm", "-rf", runDir])
      .then((p) => p.wait())
      .catch(() => undefined);
  }
}

/** Modal's recursive filesystem watch, as batches of our change events. */
export function watchModalFiles(sandbox: Sandbox, signal: AbortSignal | undefined, release: () => void): AsyncIterable<FileChangeEvent[]> {
  const queue = new AsyncQueue<FileChangeEvent[]>();
  const iterator = sandbox.filesystem.watch(WORKSPACE_ROOT, { recursive: true })[Symbol.asyncIterator]();
  const stop = () => {
    queue.close();
    void iterator.return?.();
    release();
  };
  if (signal?.aborted) stop();
  else signal?.addEventListener("abort", stop, { once: true });
  void (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        const events = toChangeEvents(next.value.eventType, next.value.paths);
        if (events.length > 0) queue.push(events);
      }
    } catch {
      // the sandbox ended
    } finally {
      stop();
    }
  })();
  return (async function* () {
    try {
      yield* queue;
    } finally {
      stop();
    }
  })();
}

export function toChangeEvents(eventType: string, paths: string[]): FileChangeEvent[] {
  const relative = paths.filter((p) => p.startsWith(`${WORKSPACE_ROOT}/`)).map((p) => p.slice(WORKSPACE_ROOT.length + 1));
  if (eventType === "Create") return relative.map((path) => ({ path, kind: "created", type: null }));
  if (eventType === "Remove") return relative.map((path) => ({ path, kind: "deleted", type: null }));
  if (eventType === "Modify" && paths.length === 2) {
    // a rename inside the workspace: [source, destination]
    const [from, to] = paths as [string, string];
    const events: FileChangeEvent[] = [];
    if (from.startsWith(`${WORKSPACE_ROOT}/`)) events.push({ path: from.slice(WORKSPACE_ROOT.length + 1), kind: "deleted", type: null });
    if (to.startsWith(`${WORKSPACE_ROOT}/`)) events.push({ path: to.slice(WORKSPACE_ROOT.length + 1), kind: "created", type: null });
    return events;
  }
  if (eventType === "Modify") return relative.map((path) => ({ path, kind: "modified", type: null }));
  return [];
}
