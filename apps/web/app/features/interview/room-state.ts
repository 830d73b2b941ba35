// The live room as the browser knows it: folded from the room's messages by one pure
// reducer, so reconnects (a fresh `welcome`) and every update are easy to test.
import type { Note, Participant, RoomRole, ServerMessage, SessionView, Signal, TestRunView } from "@interviewlm/realtime";
import { agentFromWelcome, applyAgentBudget, applyAgentEvent, type AgentPanelState } from "./agent-state";

export type ConnectionStatus =
  /** First attempt, nothing received yet. */
  | "connecting"
  /** Socket open and the room's welcome received. */
  | "open"
  /** Lost after having been open (or refused); partysocket retries with backoff. */
  | "reconnecting";

export type TerminalState = "connecting" | "ready" | "exited" | "unavailable";

export interface RoomError {
  code: string;
  message: string;
  at: number;
}

export interface RoomState {
  connection: ConnectionStatus;
  /** Set by the room's welcome; null until then. */
  role: RoomRole | null;
  connectionId: string | null;
  session: SessionView | null;
  participants: Participant[];
  /** Oldest first, as the room keeps them. */
  testRuns: TestRunView[];
  /** Reviewers only; stays empty on the candidate's connection. */
  notes: Note[];
  signals: Signal[];
  terminal: { state: TerminalState; message: string | null };
  /** Room clock minus this browser's clock, so the timer agrees with the room. */
  serverOffsetMs: number;
  lastError: RoomError | null;
  /** The AI assistant; null until the welcome says (or when the room does not carry it). */
  agent: AgentPanelState | null;
}

export const INITIAL_ROOM_STATE: RoomState = {
  connection: "connecting",
  role: null,
  connectionId: null,
  session: null,
  participants: [],
  testRuns: [],
  notes: [],
  signals: [],
  terminal: { state: "connecting", message: null },
  serverOffsetMs: 0,
  lastError: null,
  agent: null,
};

export type RoomEvent =
  | { kind: "message"; message: ServerMessage; receivedAt: number; /** Round trip of the ping this answers. */ rttMs?: number }
  | { kind: "closed" };

/** How many runs the browser keeps; the room sends its own (bounded) history on welcome. */
const MAX_TEST_RUNS = 50;

export function roomReducer(state: RoomState, event: RoomEvent): RoomState {
  if (event.kind === "closed") {
    return state.connection === "connecting" ? state : { ...state, connection: "reconnecting" };
  }
  const { message, receivedAt } = event;
  switch (message.type) {
    case "welcome":
      // A welcome replaces everything: after a reconnect it is the whole truth again.
      return {
        ...INITIAL_ROOM_STATE,
        connection: "open",
        role: message.role,
        connectionId: message.connectionId,
        session: message.session,
        participants: message.participants,
        testRuns: message.testRuns.slice(-MAX_TEST_RUNS),
        notes: message.notes ?? [],
        signals: message.signals ?? [],
        terminal: state.terminal,
        serverOffsetMs: message.serverTime - receivedAt,
        agent: agentFromWelcome(message.agent),
      };
    case "presence":
      return { ...state, participants: message.participants };
    case "session":
      return { ...state, session: message.session };
    case "tests.update":
      return { ...state, testRuns: upsertRun(state.testRuns, message.run) };
    case "note":
      return state.notes.some((n) => n.id === message.note.id) ? state : { ...state, notes: [...state.notes, message.note] };
    case "signal":
      return { ...state, signals: [...state.signals, message.signal] };
    case "terminal.status":
      return { ...state, terminal: { state: message.state, message: message.message ?? null } };
    case "pong":
      // The room stamped serverTime about half a round trip before we received it.
      return { ...state, serverOffsetMs: message.serverTime + (event.rttMs ?? 0) / 2 - receivedAt };
    case "error":
      return { ...state, lastError: { code: message.code, message: message.message, at: receivedAt } };
    case "agent.event":
      return state.agent ? { ...state, agent: applyAgentEvent(state.agent, message.event) } : state;
    case "agent.budget":
      return { ...state, agent: applyAgentBudget(state.agent, message.budget, message.busy) };
    case "terminal.output":
      // A stream, not state: the terminal stream consumes it.
      return state;
  }
}

function upsertRun(runs: TestRunView[], run: TestRunView): TestRunView[] {
  const index = runs.findIndex((r) => r.runId === run.runId);
  if (index === -1) return [...runs, run].slice(-MAX_TEST_RUNS);
  const next = runs.slice();
  next[index] = run;
  return next;
}

/** The run in progress, if any: the Run button waits for it. */
export function runningTestRun(state: Pick<RoomState, "testRuns">): TestRunView | null {
  return state.testRuns.findLast((run) => run.status === "running") ?? null;
}
