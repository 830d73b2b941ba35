// Scripted recordings for the evaluation's tests and validity fixtures: the room's document and
// the candidate's editor are two Y.Docs kept in sync, as in a live interview, so the candidate's
// and the agent's insertions carry different Yjs clients; each step is recorded as the room
// records it (yjs.update per actor, paste and focus signals, test runs, agent events).
import type { RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";

export const CANDIDATE = "candidate:c1";

export class ScriptedSession {
  readonly events: RecordingEvent[] = [];
  at: number;
  private readonly room = new Y.Doc();
  private readonly editor = new Y.Doc();
  private runs = 0;
  private turns = 0;
  private question = 0;

  constructor(readonly startAt = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.at = startAt;
    this.room.clientID = 1;
    this.editor.clientID = 2;
  }

  private push(type: RecordingEvent["type"], actor: string, payload: Record<string, unknown>): number {
    const seq = this.events.length + 1;
    this.events.push({ seq, at: this.at, type, actor, payload });
    return seq;
  }

  wait(ms: number): this {
    this.at += ms;
    return this;
  }

  /** Changes one doc in separate transactions, records the merged update as `actor`, syncs the other doc. */
  private edit(doc: Y.Doc, actor: string, steps: ((files: Y.Map<Y.Text>) => void)[]): number {
    const updates: Uint8Array[] = [];
    const listen = (update: Uint8Array) => updates.push(update);
    doc.on("update", listen);
    for (const step of steps) doc.transact(() => step(doc.getMap<Y.Text>("files")));
    doc.off("update", listen);
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    Y.applyUpdate(doc === this.room ? this.editor : this.room, merged);
    return this.push("yjs.update", actor, { update: Buffer.from(merged).toString("base64") });
  }

  starter(files: Record<string, string>, title = "Question 1"): this {
    this.edit(this.room, "room", [(map) => Object.entries(files).forEach(([path, content]) => map.set(path, new Y.Text(content)))]);
    this.push("question.changed", "room", { position: this.question, questionId: `q${this.question + 1}`, title });
    return this;
  }

  nextQuestion(files: Record<string, string>, title: string): this {
    this.question++;
    return this.starter(files, title);
  }

  /** The candidate types `text` at `index` (end of file by default), a key at a time. */
  type(path: string, text: string, index?: number): this {
    const start = index ?? this.text(path).length;
    this.edit(this.editor, CANDIDATE, [...text].map((ch, i) => (map) => map.get(path)!.insert(start + i, ch)));
    return this;
  }

  /** The candidate deletes `length` characters at `index`. */
  erase(path: string, index: number, length: number): this {
    this.edit(this.editor, CANDIDATE, [(map) => map.get(path)!.delete(index, length)]);
    return this;
  }

  paste(path: string, text: string, index?: number): this {
    this.push("signal.paste", CANDIDATE, { path, length: text.length, lines: text.split("\n").length });
    const start = index ?? this.text(path).length;
    this.edit(this.editor, CANDIDATE, [(map) => map.get(path)!.insert(start, text)]);
    return this;
  }

  /** The candidate asks the agent, which answers and writes `text` into the file (appended, or at `index`). */
  agentWrites(path: string, prompt: string, text: string, index?: number): number {
    this.turns++;
    const turnId = `t${this.turns}`;
    this.push("agent.message", CANDIDATE, { turnId, role: "candidate", text: prompt });
    this.wait(2000);
    const start = index ?? this.text(path).length;
    const seq = this.edit(this.room, "agent", [(map) => map.get(path)!.insert(start, text)]);
    this.push("agent.tool", "agent", { turnId, toolId: `tool${this.turns}`, tool: "edit_file", input: { path }, output: "ok", isError: false, durationMs: 5, edit: { path, diff: text, created: false } });
    this.push("agent.usage", "agent", { turnId, model: "claude-sonnet-5-5", promptVersion: "agent-v1", inputTokens: 1000, outputTokens: 200, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, timeToFirstTokenMs: 300, totalMs: 2000, stopReason: "end_turn", costMicroUsd: 6000, retries: 0 });
    this.push("agent.message", "agent", { turnId, role: "assistant", text: `I wrote ${text.split("\n").length} lines in ${path}.`, outcome: "done" });
    return seq;
  }

  runTests(passed: number, total: number, by: string = CANDIDATE): this {
    this.runs++;
    const runId = `r${this.runs}`;
    this.push("tests.started", by, { runId, questionPosition: this.question });
    this.wait(1500);
    this.push("tests.finished", "room", {
      runId,
      status: passed === total ? "passed" : "failed",
      totals: { passed, failed: total - passed, total },
      durationMs: 1500,
      tests: Array.from({ length: total }, (_, i) => ({ name: `test_${i}`, status: i < passed ? "passed" : "failed", durationMs: 3 })),
    });
    return this;
  }

  focusLost(ms: number): this {
    this.push("signal.focus", CANDIDATE, { state: "lost" });
    this.wait(ms);
    this.push("signal.focus", CANDIDATE, { state: "regained" });
    return this;
  }

  finish(): this {
    this.push("session.finished", "room", { reason: "candidate" });
    return this;
  }

  text(path: string): string {
    return this.room.getMap<Y.Text>("files").get(path)?.toString() ?? "";
  }
}

/** A stored hidden evaluation as finishInterview writes it, with `passed` of `total` hidden tests passing. */
export function hiddenResult(passed: number, total: number, status = passed === total ? "passed" : "failed") {
  return {
    ok: true,
    at: "2026-01-05T10:00:00.000Z",
    status,
    summary: `${passed}/${total}`,
    totals: { passed, failed: total - passed, total },
    durationMs: 900,
    tests: Array.from({ length: total }, (_, i) => ({ name: `hidden_${i}`, file: "tests/test_hidden.py", status: i < passed ? "passed" : "failed", durationMs: 2, message: null, hidden: true })),
  };
}
