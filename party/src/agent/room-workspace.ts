// The agent's workspace in a room: files are the shared editor document (so edits appear live
// in every editor, with the agent as their origin, and reach the sandbox through the mirror
// like typing does); commands and tests run in the sandbox after the editor is flushed to it.
import type { AgentWorkspace, CommandResult } from "@interviewlm/ai";
import type { TestRunResult } from "@interviewlm/sandbox/client";
import * as Y from "yjs";
import type { FilesMap } from "../editor/editor-doc.ts";
import type { SandboxRef } from "../editor/sandbox-ref.ts";
import { applyTextChange } from "../editor/text-diff.ts";
import { RoomError } from "../errors.ts";

/** Transaction origin of the agent's edits: the recording attributes them to "agent". */
export const AGENT_ORIGIN = "interviewlm:agent";
/** Transaction origin of the candidate undoing an agent edit. */
export const AGENT_UNDO_ORIGIN = "interviewlm:agent-undo";

export interface RoomWorkspaceDeps {
  doc: Y.Doc;
  files: FilesMap;
  sandbox: () => SandboxRef | null;
  flushEditor: () => Promise<void>;
  /** The room's own visible test run (shown in the tests panel to everyone, like the candidate's). */
  runVisibleTests: () => Promise<TestRunResult>;
  /** false once the interview is finishing or finished: the workspace is what was submitted. */
  acceptsWork: () => boolean;
}

export class RoomWorkspace implements AgentWorkspace {
  constructor(private readonly deps: RoomWorkspaceDeps) {}

  async listFiles(): Promise<string[]> {
    return [...this.deps.files.keys()];
  }

  async readFile(path: string): Promise<string | null> {
    return this.deps.files.get(path)?.toString() ?? null;
  }

  async writeFile(path: string, content: string): Promise<void> {
    const { doc, files } = this.deps;
    if (!this.deps.acceptsWork()) throw new RoomError("session_finished", "The interview is finishing; files can no longer change");
    doc.transact(() => {
      const text = files.get(path);
      if (text) applyTextChange(text, content);
      else files.set(path, new Y.Text(content));
    }, AGENT_ORIGIN);
  }

  /** Puts a file back as it was before an agent edit; null deletes a file the agent created. */
  restore(path: string, content: string | null): void {
    const { doc, files } = this.deps;
    doc.transact(() => {
      if (content === null) files.delete(path);
      else {
        const text = files.get(path);
        if (text) applyTextChange(text, content);
        else files.set(path, new Y.Text(content));
      }
    }, AGENT_UNDO_ORIGIN);
  }

  async runTests(): Promise<string> {
    return formatTestRun(await this.deps.runVisibleTests());
  }

  async runCommand(command: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult> {
    const sandbox = this.deps.sandbox();
    if (!sandbox) throw new RoomError("workspace_unavailable", "The workspace is not ready yet");
    await this.deps.flushEditor();
    if (signal.aborted) throw signal.reason;
    // The sandbox client cannot cancel an exec: on Stop the turn moves on at once and the
    // command ends at its own timeout in the sandbox.
    const result = await untilAborted(sandbox.client.exec(sandbox.workspaceId, { command: ["/bin/bash", "-c", command], timeoutMs }), signal);
    const output = [result.stdout, result.stderr].filter(Boolean).join(result.stdout.endsWith("\n") || !result.stdout ? "" : "\n");
    const notes = [
      result.stdoutTruncated || result.stderrTruncated ? "[the sandbox cut the output at its limit]" : "",
      result.termination !== "exited" && result.termination !== "timeout" ? `[the process ended: ${result.termination}]` : "",
    ].filter(Boolean);
    return { exitCode: result.exitCode, output: [output, ...notes].filter(Boolean).join("\n"), timedOut: result.termination === "timeout" };
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => (signal.removeEventListener("abort", onAbort), resolve(value)),
      (error: unknown) => (signal.removeEventListener("abort", onAbort), reject(error)),
    );
  });
}

function formatTestRun(result: TestRunResult): string {
  const { totals } = result;
  const lines = [`${result.status}: ${result.summary}`, `${totals.passed} passed, ${totals.failed} failed, ${totals.errored} errors, ${totals.skipped} skipped`];
  for (const test of result.tests) lines.push(`${test.status.toUpperCase()} ${test.name}${test.message ? ` — ${test.message}` : ""}`);
  if (result.compileOutput) lines.push("", result.compileOutput);
  const output = [result.stdout, result.stderr].filter(Boolean).join("\n");
  if (output) lines.push("", output);
  return lines.join("\n");
}
