// Test runs of the session: one at a time per room, every run kept (one storage key each,
// the newest TEST_RUN_HISTORY) and sent in `welcome`, every state change fanned out to all.
import type { TestRunView } from "@interviewlm/realtime";
import type { TestRunResult } from "@interviewlm/sandbox/client";
import type { Connections } from "./connections.ts";
import { TEST_RUN_HISTORY } from "./limits.ts";
import { describeSandboxProblem } from "./editor/sandbox-ref.ts";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import type { Recorder } from "./recording/recorder.ts";
import { deleteText, listItems, putText, readStored, seqKey, type Storage } from "./storage.ts";

const PREFIX = "testrun:";

export interface TestRunsDeps {
  storage: Storage;
  connections: Connections;
  recorder: Recorder;
  log: Logger;
}

export class TestRuns {
  private runs: { key: string; value: unknown; view: TestRunView }[] = [];
  private current: TestRunView | null = null;

  constructor(private readonly deps: TestRunsDeps) {}

  async load(): Promise<void> {
    for (const [key, value] of await listItems(this.deps.storage, PREFIX)) {
      const json = await readStored(this.deps.storage, key, value);
      if (!json) continue;
      let view = JSON.parse(json) as TestRunView;
      let stored = value;
      if (view.status === "running") {
        // The room stopped while this run was in flight; its result never came back.
        view = { ...view, status: "error", error: "The run was interrupted by a room restart" };
        stored = putText(this.deps.storage, key, JSON.stringify(view));
      }
      this.runs.push({ key, value: stored, view });
    }
  }

  get running(): boolean {
    return this.current !== null;
  }

  history(): TestRunView[] {
    return this.runs.map((run) => run.view);
  }

  /** Runs `execute` as the room's one test run; the caller has flushed the editor first. */
  async run(actor: string, questionPosition: number, execute: () => Promise<TestRunResult>): Promise<TestRunView> {
    if (this.current) throw new Error("a test run is already in progress");
    const runId = crypto.randomUUID();
    const startedAt = Date.now();
    const key = `${seqKey(PREFIX, startedAt)}:${runId}`;
    this.current = { runId, startedAt, questionPosition, status: "running", result: null, error: null };
    this.save(key, this.current);
    this.deps.recorder.record("tests.started", actor, { runId, questionPosition });
    let done: TestRunView;
    try {
      const result = await execute();
      done = { ...this.current, status: "done", result };
      this.deps.recorder.record("tests.finished", "room", {
        runId,
        status: result.status,
        totals: result.totals,
        durationMs: result.durationMs,
        tests: result.tests.map((test) => ({ name: test.name, status: test.status, durationMs: test.durationMs })),
      });
    } catch (error) {
      this.deps.log.warn("tests.failed", { runId, message: errorMessage(error) });
      done = { ...this.current, status: "error", error: describeSandboxProblem(error, "tests") };
      this.deps.recorder.record("tests.finished", "room", { runId, status: "error", error: errorMessage(error) });
    } finally {
      this.current = null;
    }
    this.save(key, done);
    return done;
  }

  private save(key: string, view: TestRunView): void {
    const value = putText(this.deps.storage, key, JSON.stringify(view));
    const existing = this.runs.find((run) => run.key === key);
    if (existing) Object.assign(existing, { value, view });
    else this.runs.push({ key, value, view });
    while (this.runs.length > TEST_RUN_HISTORY) {
      const oldest = this.runs.shift()!;
      deleteText(this.deps.storage, oldest.key, oldest.value);
    }
    this.deps.connections.broadcast({ type: "tests.update", run: view });
  }
}
