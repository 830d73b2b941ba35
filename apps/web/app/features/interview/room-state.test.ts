import type { ServerMessage, SessionView, TestRunView } from "@interviewlm/realtime";
import { describe, expect, it } from "vitest";
import { INITIAL_ROOM_STATE, roomReducer, runningTestRun, type RoomState } from "./room-state";

const session: SessionView = {
  sessionId: "s1",
  status: "ACTIVE",
  deadlineAt: 2_000_000,
  language: "python",
  aiAssistance: "OFF",
  testVisibility: "VISIBLE",
  question: { position: 0, count: 2, title: "Q", statement: "# Q", difficulty: "EASY", language: "python" },
};
const run = (runId: string, status: TestRunView["status"]): TestRunView => ({ runId, startedAt: 1, questionPosition: 0, status, result: null, error: null });
const welcome = (extra: Partial<Extract<ServerMessage, { type: "welcome" }>> = {}): ServerMessage => ({
  type: "welcome",
  role: "candidate",
  connectionId: "c1",
  serverTime: 1_000_500,
  session,
  participants: [{ connectionId: "c1", role: "candidate", userId: "u1", name: "Ada", joinedAt: 1 }],
  terminalScrollback: "",
  testRuns: [run("r1", "done")],
  ...extra,
});
const receive = (state: RoomState, message: ServerMessage, receivedAt = 1_000_000, rttMs?: number) =>
  roomReducer(state, { kind: "message", message, receivedAt, rttMs });

describe("roomReducer", () => {
  it("takes everything from the welcome and measures the clock offset", () => {
    const state = receive(INITIAL_ROOM_STATE, welcome());
    expect(state.connection).toBe("open");
    expect(state.role).toBe("candidate");
    expect(state.session).toEqual(session);
    expect(state.testRuns.map((r) => r.runId)).toEqual(["r1"]);
    expect(state.notes).toEqual([]);
    expect(state.serverOffsetMs).toBe(500);
  });

  it("replaces the previous state on a reconnect's welcome instead of merging", () => {
    let state = receive(INITIAL_ROOM_STATE, welcome({ role: "reviewer", notes: [{ id: "n1", authorId: "a", authorName: "A", text: "x", at: 1 }] }));
    state = receive(state, { type: "tests.update", run: run("r2", "running") });
    state = roomReducer(state, { kind: "closed" });
    expect(state.connection).toBe("reconnecting");
    state = receive(state, welcome({ role: "reviewer", testRuns: [], notes: [] }));
    expect(state.connection).toBe("open");
    expect(state.testRuns).toEqual([]);
    expect(state.notes).toEqual([]);
  });

  it("stays 'connecting' when the first attempt fails, 'reconnecting' after having been open", () => {
    expect(roomReducer(INITIAL_ROOM_STATE, { kind: "closed" }).connection).toBe("connecting");
    const open = receive(INITIAL_ROOM_STATE, welcome());
    expect(roomReducer(open, { kind: "closed" }).connection).toBe("reconnecting");
  });

  it("updates a test run in place and appends new ones", () => {
    let state = receive(INITIAL_ROOM_STATE, welcome());
    state = receive(state, { type: "tests.update", run: run("r2", "running") });
    expect(runningTestRun(state)?.runId).toBe("r2");
    state = receive(state, { type: "tests.update", run: run("r2", "done") });
    expect(state.testRuns.map((r) => `${r.runId}:${r.status}`)).toEqual(["r1:done", "r2:done"]);
    expect(runningTestRun(state)).toBeNull();
  });

  it("ignores a note it already has (the room may resend after a reconnect)", () => {
    const note = { id: "n1", authorId: "a", authorName: "A", text: "x", at: 1 };
    let state = receive(INITIAL_ROOM_STATE, welcome({ role: "reviewer", notes: [note] }));
    const same = receive(state, { type: "note", note });
    expect(same).toBe(state);
    state = receive(state, { type: "note", note: { ...note, id: "n2" } });
    expect(state.notes).toHaveLength(2);
  });

  it("corrects the clock offset by half the ping's round trip", () => {
    const state = receive(INITIAL_ROOM_STATE, { type: "pong", at: 900, serverTime: 10_000 }, 1000, 100);
    expect(state.serverOffsetMs).toBe(10_000 + 50 - 1000);
  });

  it("keeps the room's errors, presence, session changes and terminal status", () => {
    let state = receive(INITIAL_ROOM_STATE, welcome());
    state = receive(state, { type: "error", code: "rate_limited", message: "Slow down" }, 42);
    expect(state.lastError).toEqual({ code: "rate_limited", message: "Slow down", at: 42 });
    state = receive(state, { type: "presence", participants: [] });
    expect(state.participants).toEqual([]);
    state = receive(state, { type: "session", session: { ...session, status: "FINISHING" } });
    expect(state.session?.status).toBe("FINISHING");
    state = receive(state, { type: "terminal.status", state: "exited", message: "bye" });
    expect(state.terminal).toEqual({ state: "exited", message: "bye" });
  });

  it("leaves state untouched for the terminal stream and for agent events before any welcome", () => {
    const state = receive(INITIAL_ROOM_STATE, welcome());
    expect(receive(state, { type: "terminal.output", data: "x" })).toBe(state);
    expect(receive(state, { type: "agent.event", event: { kind: "reset", questionPosition: 0 } })).toBe(state);
  });
});
