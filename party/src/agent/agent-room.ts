// The candidate's AI agent inside the room (decision 0070): a message from the candidate runs
// one agent turn here, next to the document, the sandbox bridge, the fan-out and the recorder.
// Every streamed delta and tool call goes to all connections as it happens and into the
// history late joiners receive; finished answers, tool calls and every model call's usage go
// into the recording. One turn at a time; Stop aborts it; a new question starts afresh.
import {
  AGENT_PROMPT_VERSION,
  AgentToolbox,
  BudgetTracker,
  buildAgentSystemPrompt,
  createAnthropicClient,
  DEFAULT_AGENT_BUDGET,
  runAgentTurn,
  truncateMiddle,
  type AgentEvent,
  type AgentTurnResult,
  type Anthropic,
} from "@interviewlm/ai";
import type { AgentView, AgentWireEvent, RoomSessionInfo } from "@interviewlm/realtime";
import { RoomError } from "../errors.ts";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import type { Connections } from "../connections.ts";
import type { RoomEnv } from "../env.ts";
import type { Recorder } from "../recording/recorder.ts";
import type { SessionState } from "../session/session-state.ts";
import type { Storage } from "../storage.ts";
import { AgentStore } from "./agent-store.ts";
import type { RoomWorkspace } from "./room-workspace.ts";

/** Tool output shown in the conversation (the model and the recording get it whole). */
const SHOWN_OUTPUT_CHARS = 4000;
const SHOWN_DIFF_CHARS = 20_000;

export interface AgentRoomDeps {
  env: RoomEnv;
  storage: Storage;
  session: SessionState;
  connections: Connections;
  recorder: Recorder;
  log: Logger;
  workspace: RoomWorkspace;
}

interface Turn {
  id: string;
  questionPosition: number;
  controller: AbortController;
  /** Text streamed since the last tool call: sent to late joiners as one piece. */
  partial: string;
  /** Every piece of answer text of the turn, for the recording. */
  answer: string;
}

export class AgentRoom {
  private readonly store: AgentStore;
  private client: Anthropic | null = null;
  private turn: Turn | null = null;

  constructor(private readonly deps: AgentRoomDeps) {
    this.store = new AgentStore(deps.storage);
  }

  async load(): Promise<void> {
    await this.store.load();
    const interrupted = this.store.interruptedTurn;
    if (interrupted) {
      this.store.appendLog({ kind: "turn_finished", turnId: interrupted, outcome: "interrupted", message: "The room restarted during this answer. Send your message again." });
      this.store.markTurn(null);
    }
  }

  /** Why the agent cannot be used in this session, or null. */
  private unavailableReason(info: RoomSessionInfo | null): string | null {
    if (!info || info.aiAssistance === "OFF") return "AI assistance is off for this interview.";
    if (!this.deps.env.ai.enabled) return this.deps.env.ai.reason;
    return null;
  }

  private budget(info: RoomSessionInfo): BudgetTracker {
    const { questionPosition: _position, ...spent } = this.store.spent;
    return new BudgetTracker(info.aiBudget ?? DEFAULT_AGENT_BUDGET, spent);
  }

  view(): AgentView {
    const info = this.deps.session.info;
    const reason = this.unavailableReason(info);
    const history = [...this.store.log];
    if (this.turn?.partial) history.push({ kind: "text", turnId: this.turn.id, delta: this.turn.partial });
    return {
      available: reason === null,
      reason,
      mode: info?.aiAssistance ?? "OFF",
      helpLevel: info?.aiHelpLevel ?? "GUIDE",
      busy: this.turn !== null,
      budget: info && reason === null ? this.budgetView(this.budget(info)) : null,
      history: reason === null ? history : [],
    };
  }

  private budgetView(budget: BudgetTracker) {
    const left = budget.remaining;
    return { messagesLeftThisQuestion: left.messagesThisQuestion, tokensLeft: left.sessionTokens, costLeftMicroUsd: left.sessionCostMicroUsd, costMicroUsd: budget.spent.sessionCostMicroUsd };
  }

  /** The candidate's message: starts a turn and returns; the turn streams to everyone. */
  send(text: string, actor: string): void {
    const info = this.deps.session.info;
    const reason = this.unavailableReason(info);
    if (reason || !info || info.aiAssistance === "OFF" || !this.deps.env.ai.enabled) throw new RoomError("agent_unavailable", reason ?? "AI assistance is unavailable");
    if (this.turn) throw new RoomError("agent_busy", "The assistant is still answering; stop it or wait for it to finish");
    const refusal = this.budget(info).messageRefusal();
    if (refusal) throw new RoomError("agent_budget", refusal);
    this.client ??= createAnthropicClient(this.deps.env.ai);
    const turn: Turn = { id: crypto.randomUUID(), questionPosition: info.question?.position ?? 0, controller: new AbortController(), partial: "", answer: "" };
    this.turn = turn;
    this.store.markTurn(turn.id);
    this.publish(turn, { kind: "turn_started", turnId: turn.id, at: Date.now(), questionPosition: turn.questionPosition, text });
    this.deps.recorder.record("agent.message", actor, { turnId: turn.id, role: "candidate", text, mode: info.aiAssistance, helpLevel: info.aiHelpLevel ?? "GUIDE" });
    void this.run(turn, info, this.client, text).catch((error: unknown) => {
      this.deps.log.error("agent.turn_failed", { turnId: turn.id, message: errorMessage(error) });
      this.finish(turn, { outcome: "provider_error", message: "The assistant failed unexpectedly. Try again." });
    });
  }

  stop(_actor: string): void {
    this.turn?.controller.abort();
  }

  /** The candidate undoes an agent edit — only while the file is still as the agent left it. */
  async undo(toolId: string, actor: string): Promise<void> {
    const edit = await this.store.edit(toolId);
    if (!edit) throw new RoomError("agent_undo_unknown", "That edit is not part of this question's conversation (or was already undone)");
    const current = await this.deps.workspace.readFile(edit.path);
    if (current !== edit.after) throw new RoomError("agent_undo_conflict", `${edit.path} changed after the assistant's edit; undo it in the editor instead`);
    this.deps.workspace.restore(edit.path, edit.before);
    this.store.forgetEdit(toolId);
    this.deps.recorder.record("agent.undo", actor, { toolId, path: edit.path });
    const event: AgentWireEvent = { kind: "edit_undone", toolId, path: edit.path };
    this.store.appendLog(event);
    this.deps.connections.broadcast({ type: "agent.event", event });
  }

  /** Called whenever the session info changes: a new question starts a fresh conversation. */
  async onInfo(info: RoomSessionInfo): Promise<void> {
    const position = info.question?.position ?? 0;
    if (position === this.store.spent.questionPosition) return;
    this.turn?.controller.abort();
    this.turn = null;
    await this.store.reset(position);
    this.deps.recorder.record("agent.reset", "room", { questionPosition: position });
    this.deps.connections.broadcast({ type: "agent.event", event: { kind: "reset", questionPosition: position } });
    this.broadcastBudget(info);
  }

  /** The interview finished: an answer in progress stops. */
  onCompleted(): void {
    this.turn?.controller.abort();
  }

  private async run(turn: Turn, info: RoomSessionInfo, client: Anthropic, text: string): Promise<void> {
    const mode = info.aiAssistance === "CHAT" ? "CHAT" : "AGENT";
    const budget = this.budget(info);
    const question = info.question ? { title: info.question.title, statement: info.question.statement, language: info.question.language } : null;
    const result = await runAgentTurn({
      client,
      model: this.deps.env.ai.model,
      promptVersion: AGENT_PROMPT_VERSION,
      system: buildAgentSystemPrompt({ mode, helpLevel: info.aiHelpLevel ?? "GUIDE", question }),
      // The injected test files are the secret ones: the toolbox makes them unreachable.
      toolbox: new AgentToolbox({ mode, workspace: this.deps.workspace, secrets: info.runTestFiles }),
      history: this.store.conversation,
      userText: text,
      budget,
      signal: turn.controller.signal,
      onEvent: (event) => this.onEvent(turn, event, budget, info),
    });
    this.finish(turn, result);
  }

  private onEvent(turn: Turn, event: AgentEvent, budget: BudgetTracker, info: RoomSessionInfo): void {
    if (!this.current(turn)) return;
    switch (event.type) {
      case "text":
        turn.partial += event.delta;
        turn.answer += event.delta;
        return this.deps.connections.broadcast({ type: "agent.event", event: { kind: "text", turnId: turn.id, delta: event.delta } });
      case "tool_start":
        this.settleText(turn);
        return this.publish(turn, { kind: "tool_started", turnId: turn.id, toolId: event.id, name: event.name, input: event.input });
      case "tool_end": {
        if (event.edit) this.store.saveEdit(event.id, { path: event.edit.path, before: event.edit.before, after: event.edit.after });
        const edit = event.edit ? { path: event.edit.path, diff: truncateMiddle(event.edit.diff, SHOWN_DIFF_CHARS), created: event.edit.before === null } : undefined;
        this.publish(turn, { kind: "tool_finished", turnId: turn.id, toolId: event.id, name: event.name, output: truncateMiddle(event.output, SHOWN_OUTPUT_CHARS), isError: event.isError, durationMs: event.durationMs, ...(edit ? { edit } : {}) });
        this.deps.recorder.record("agent.tool", "agent", { turnId: turn.id, toolId: event.id, tool: event.name, output: event.output, isError: event.isError, durationMs: event.durationMs, ...(edit ? { edit: { ...edit, diff: event.edit!.diff } } : {}) });
        return;
      }
      case "usage":
        this.deps.recorder.record("agent.usage", "agent", { turnId: turn.id, ...event.usage });
        this.store.saveSpent({ ...budget.spent, questionPosition: this.store.spent.questionPosition });
        return this.broadcastBudget(info, budget);
      case "retrying":
        return this.deps.connections.broadcast({ type: "agent.event", event: { kind: "retrying", turnId: turn.id, attempt: event.attempt, delayMs: event.delayMs, reason: event.reason } });
    }
  }

  private finish(turn: Turn, result: Pick<AgentTurnResult, "outcome" | "message"> & Partial<AgentTurnResult>): void {
    if (!this.current(turn)) return;
    if (result.failureDetail) this.deps.log.warn("agent.provider_error", { turnId: turn.id, kind: result.failureKind, detail: result.failureDetail });
    this.settleText(turn);
    if (result.history) this.store.saveConversation(result.history);
    if (turn.answer) this.deps.recorder.record("agent.message", "agent", { turnId: turn.id, role: "assistant", text: turn.answer, outcome: result.outcome });
    this.publish(turn, { kind: "turn_finished", turnId: turn.id, outcome: result.outcome, message: result.message });
    this.turn = null;
    this.store.markTurn(null);
    const info = this.deps.session.info;
    if (info) this.broadcastBudget(info);
  }

  /** A turn of an earlier question (reset meanwhile) must not write into the new conversation. */
  private current(turn: Turn): boolean {
    return this.turn === turn && turn.questionPosition === this.store.spent.questionPosition;
  }

  private settleText(turn: Turn): void {
    if (!turn.partial) return;
    this.store.appendLog({ kind: "text", turnId: turn.id, delta: turn.partial });
    turn.partial = "";
  }

  /** Sent to everyone and kept for late joiners. */
  private publish(_turn: Turn, event: AgentWireEvent): void {
    this.store.appendLog(event);
    this.deps.connections.broadcast({ type: "agent.event", event });
  }

  private broadcastBudget(info: RoomSessionInfo, budget = this.budget(info)): void {
    if (this.unavailableReason(info)) return;
    this.deps.connections.broadcast({ type: "agent.budget", budget: this.budgetView(budget), busy: this.turn !== null });
  }
}
