// The AI assistant's conversation as the panel shows it, folded from the room's agent events:
// the welcome's history first (late joiners, reconnects), then each live event. Streamed text
// deltas append to the turn's last stretch of text; tool calls pair their start and finish.
import type { AgentBudgetView, AgentView, AgentWireEvent } from "@interviewlm/realtime";

export type AgentItem =
  | { kind: "text"; text: string }
  | {
      kind: "tool";
      toolId: string;
      name: string;
      input: unknown;
      /** null while the tool runs. */
      output: string | null;
      isError: boolean;
      durationMs: number | null;
      edit: { path: string; diff: string; created: boolean } | null;
      undone: boolean;
    };

export interface AgentTurnView {
  turnId: string;
  at: number;
  /** The candidate's message. */
  prompt: string;
  items: AgentItem[];
  /** null while the turn runs. */
  outcome: string | null;
  /** What to tell the candidate when the turn did not simply complete. */
  message: string | null;
  retrying: { attempt: number; delayMs: number; reason: string } | null;
}

export interface AgentPanelState {
  available: boolean;
  reason: string | null;
  mode: AgentView["mode"];
  helpLevel: AgentView["helpLevel"];
  busy: boolean;
  budget: AgentBudgetView | null;
  turns: AgentTurnView[];
}

export function agentFromWelcome(view: AgentView | undefined): AgentPanelState | null {
  if (!view) return null;
  const base: AgentPanelState = { available: view.available, reason: view.reason, mode: view.mode, helpLevel: view.helpLevel, busy: view.busy, budget: view.budget, turns: [] };
  return view.history.reduce(applyAgentEvent, base);
}

export function applyAgentBudget(state: AgentPanelState | null, budget: AgentBudgetView, busy: boolean): AgentPanelState | null {
  return state ? { ...state, budget, busy } : state;
}

export function applyAgentEvent(state: AgentPanelState, event: AgentWireEvent): AgentPanelState {
  switch (event.kind) {
    case "reset":
      return { ...state, turns: [], busy: false };
    case "turn_started":
      return { ...state, busy: true, turns: [...state.turns, { turnId: event.turnId, at: event.at, prompt: event.text, items: [], outcome: null, message: null, retrying: null }] };
    case "edit_undone":
      return {
        ...state,
        turns: state.turns.map((turn) => ({ ...turn, items: turn.items.map((item) => (item.kind === "tool" && item.toolId === event.toolId ? { ...item, undone: true } : item)) })),
      };
    default:
      return updateTurn(state, event.turnId, (turn) => {
        switch (event.kind) {
          case "text": {
            const last = turn.items.at(-1);
            const items = last?.kind === "text" ? [...turn.items.slice(0, -1), { kind: "text" as const, text: last.text + event.delta }] : [...turn.items, { kind: "text" as const, text: event.delta }];
            return { ...turn, items, retrying: null };
          }
          case "tool_started":
            return { ...turn, items: [...turn.items, { kind: "tool", toolId: event.toolId, name: event.name, input: event.input, output: null, isError: false, durationMs: null, edit: null, undone: false }] };
          case "tool_finished": {
            const done = { output: event.output, isError: event.isError, durationMs: event.durationMs, edit: event.edit ?? null };
            const found = turn.items.some((item) => item.kind === "tool" && item.toolId === event.toolId);
            const items = found
              ? turn.items.map((item) => (item.kind === "tool" && item.toolId === event.toolId ? { ...item, ...done } : item))
              : [...turn.items, { kind: "tool" as const, toolId: event.toolId, name: event.name, input: null, undone: false, ...done }];
            return { ...turn, items };
          }
          case "retrying":
            return { ...turn, retrying: { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason } };
          case "turn_finished":
            return { ...turn, outcome: event.outcome, message: event.message, retrying: null };
        }
      }, event.kind === "turn_finished");
  }
}

function updateTurn(state: AgentPanelState, turnId: string, update: (turn: AgentTurnView) => AgentTurnView, finished: boolean): AgentPanelState {
  const index = state.turns.findIndex((turn) => turn.turnId === turnId);
  // An event of a turn this client never saw start (it joined mid-turn after a reset): nothing to attach it to.
  if (index === -1) return state;
  const turns = state.turns.slice();
  turns[index] = update(turns[index]!);
  return { ...state, turns, busy: finished ? false : state.busy };
}
