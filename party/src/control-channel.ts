// The control socket: welcome and presence on connect and close, then every message —
// already checked by parseClientMessage — dispatched to the part of the room it concerns.
// Refusals are answered with an `error`, logged, and change nothing.
import type { ClientMessage, RoomTokenClaims, ServerMessage } from "@interviewlm/realtime";
import type * as Party from "partykit/server";
import { actorOf } from "./auth.ts";
import type { ControlConnection } from "./connections.ts";
import { RoomError } from "./errors.ts";
import { parseClientMessage } from "./inbound.ts";
import { CLOSE_CODES } from "./limits.ts";
import { frameSize } from "./rate-limit.ts";
import { errorMessage } from "@interviewlm/infra/log";
import type { RoomRuntime } from "./room-runtime.ts";

export class ControlChannel {
  constructor(private readonly room: RoomRuntime) {}

  connect(conn: Party.Connection, claims: RoomTokenClaims, requestId: string): void {
    const { connections, recorder, log } = this.room;
    const added = connections.addControl(conn, claims, requestId);
    if (!added.ok) {
      log.warn("connection.refused", { connectionId: conn.id, requestId, role: claims.role, reason: added.reason });
      conn.close(1008, added.reason);
      return;
    }
    const welcome = this.welcome(added.entry);
    if (!welcome) {
      connections.removeControl(conn);
      connections.send(conn, { type: "error", code: "session_unavailable", message: "The interview could not be loaded; retrying shortly" });
      conn.close(1013, "session unavailable");
      return;
    }
    connections.send(conn, welcome);
    connections.send(conn, this.room.terminal.status());
    if (added.replaced) {
      added.replaced.conn.close(4001, "replaced by a newer connection");
    } else {
      const { participant } = added.entry;
      recorder.record("presence.joined", actorOf(claims), { connectionId: participant.connectionId, role: participant.role, userId: participant.userId, name: participant.name });
    }
    connections.broadcast({ type: "presence", participants: connections.participants() });
    log.info("connection.joined", { connectionId: conn.id, requestId, role: claims.role, userId: claims.uid, replaced: added.replaced !== null });
  }

  disconnect(conn: Party.Connection): void {
    const { connections, recorder } = this.room;
    const entry = connections.removeControl(conn);
    if (!entry) return;
    const { participant } = entry;
    recorder.record("presence.left", actorOf(entry.claims), { connectionId: participant.connectionId, role: participant.role, userId: participant.userId, name: participant.name });
    connections.broadcast({ type: "presence", participants: connections.participants() });
  }

  async receive(entry: ControlConnection, raw: string | ArrayBuffer | ArrayBufferView): Promise<void> {
    const exceeded = entry.budget.spend(frameSize(raw));
    if (exceeded) return this.disconnectFlood(entry, exceeded);
    const result = parseClientMessage(raw, entry.claims, entry.bucket);
    if (!result.ok) {
      this.room.log.warn("message.rejected", { connectionId: entry.conn.id, role: entry.claims.role, userId: entry.claims.uid, code: result.code, reason: result.message });
      this.room.connections.sendError(entry, result.code, result.message);
      return;
    }
    try {
      await this.dispatch(entry, result.message);
    } catch (error) {
      const known = error instanceof RoomError;
      this.room.log.warn("message.failed", { connectionId: entry.conn.id, type: result.message.type, code: known ? error.code : "internal", message: errorMessage(error) });
      this.room.connections.sendError(entry, known ? error.code : "internal", known ? error.message : "Something went wrong in the room; try again");
    }
  }

  /** Once: the entry is unregistered first, so the rest of a flood already in flight is ignored. */
  private disconnectFlood(entry: ControlConnection, budget: "messages" | "bytes"): void {
    const { connections, log } = this.room;
    if (!connections.controlOf(entry.conn)) return;
    log.warn("connection.flood", { connectionId: entry.conn.id, role: entry.claims.role, userId: entry.claims.uid, budget });
    this.disconnect(entry.conn);
    try {
      entry.conn.close(CLOSE_CODES.flood, `too many ${budget}; disconnected`);
    } catch {
      // already closing
    }
  }

  private async dispatch(entry: ControlConnection, message: ClientMessage): Promise<void> {
    const { room } = this;
    const actor = actorOf(entry.claims);
    switch (message.type) {
      case "ping":
        return room.connections.send(entry.conn, { type: "pong", at: message.at, serverTime: Date.now() });
      case "terminal.input":
        this.requireActive();
        return room.terminal.input(message.data, actor);
      case "terminal.resize":
        this.requireActive();
        return room.terminal.resize(message.cols, message.rows, actor);
      case "tests.run":
        return void (await room.visibleTests.run(actor));
      case "signal.paste":
        return room.feed.addSignal({ type: "paste", at: Date.now(), path: message.path, length: message.length, lines: message.lines }, actor);
      case "signal.focus":
        return room.feed.addSignal({ type: "focus", at: Date.now(), state: message.state }, actor);
      case "question.next":
        return room.flow.nextQuestion(actor, entry.requestId);
      case "session.finish":
        return room.flow.finish("candidate", actor, entry.requestId);
      case "note.add":
        return void room.feed.addNote(entry.claims, message.text);
      case "agent.message":
        this.requireActive();
        return room.agent.send(message.text, actor);
      case "agent.stop":
        return room.agent.stop(actor);
      case "agent.undo":
        this.requireActive();
        return room.agent.undo(message.toolId, actor);
    }
  }

  private requireActive(): void {
    if (!this.room.session.acceptsWork) throw new RoomError("session_finished", "The interview is finished; the workspace can no longer change");
  }

  private welcome(entry: ControlConnection): ServerMessage | null {
    const { room } = this;
    const session = room.session.view();
    if (!session) return null;
    return {
      type: "welcome",
      role: entry.claims.role,
      connectionId: entry.conn.id,
      serverTime: Date.now(),
      session,
      participants: room.connections.participants(),
      terminalScrollback: room.terminal.scrollback.text(),
      testRuns: room.tests.history(),
      agent: room.agent.view(),
      ...(entry.claims.role === "reviewer" ? room.feed.welcome() : {}),
    };
  }
}
