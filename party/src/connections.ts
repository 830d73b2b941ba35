// The room's own registry of sockets. PartyKit's in-memory connection map is keyed by the
// client-chosen `_pk` id and loses the newer socket when an older one with the same id
// closes, so fan-out goes through this registry, keyed by the socket object itself.
// Every outbound message is checked against the shared schema once, then sent to many.
import { ServerMessageSchema, type Participant, type RoomTokenClaims, type ServerMessage } from "@interviewlm/realtime";
import type * as Party from "partykit/server";
import { CONTROL_BUDGET, RATE_LIMIT, RATE_LIMIT_ERROR_INTERVAL_MS } from "./limits.ts";
import { ConnectionBudget, TokenBucket } from "./rate-limit.ts";

export interface ControlConnection {
  conn: Party.Connection;
  claims: RoomTokenClaims;
  participant: Participant;
  bucket: TokenBucket;
  /** Spent: the connection is flooding and is closed. */
  budget: ConnectionBudget;
  lastErrorAt: number;
  /** The browser's id for this socket (`?rid=`): the room's calls made for its messages carry it. */
  requestId: string;
}

export type AddResult = { ok: true; entry: ControlConnection; replaced: ControlConnection | null } | { ok: false; reason: string };

export class Connections {
  private readonly control = new Map<Party.Connection, ControlConnection>();
  private readonly yjs = new Map<Party.Connection, RoomTokenClaims>();
  /** The wrapped sockets y-partykit sees (and uses as transaction origins), to their claims. */
  private readonly yjsOrigins = new WeakMap<object, RoomTokenClaims>();

  /** A reconnect (same connection id, same person) replaces the old socket; anyone else may not take an id in use. */
  addControl(conn: Party.Connection, claims: RoomTokenClaims, requestId: string): AddResult {
    let replaced: ControlConnection | null = null;
    for (const entry of this.control.values()) {
      if (entry.conn.id !== conn.id) continue;
      if (entry.claims.role !== claims.role || entry.claims.uid !== claims.uid) return { ok: false, reason: "connection id in use" };
      replaced = entry;
    }
    if (replaced) this.control.delete(replaced.conn);
    const entry: ControlConnection = {
      conn,
      claims,
      participant: { connectionId: conn.id, role: claims.role, userId: claims.uid, name: claims.name, joinedAt: replaced?.participant.joinedAt ?? Date.now() },
      bucket: new TokenBucket(RATE_LIMIT.capacity, RATE_LIMIT.refillPerSecond),
      budget: new ConnectionBudget(CONTROL_BUDGET),
      lastErrorAt: 0,
      requestId,
    };
    this.control.set(conn, entry);
    return { ok: true, entry, replaced };
  }

  /** Returns the entry if this socket was still registered (a replaced socket is not). */
  removeControl(conn: Party.Connection): ControlConnection | null {
    const entry = this.control.get(conn) ?? null;
    this.control.delete(conn);
    return entry;
  }

  controlEntries(): ControlConnection[] {
    return [...this.control.values()];
  }

  controlOf(conn: Party.Connection): ControlConnection | undefined {
    return this.control.get(conn);
  }

  addYjs(conn: Party.Connection, claims: RoomTokenClaims, origin: object): void {
    this.yjs.set(conn, claims);
    this.yjsOrigins.set(origin, claims);
  }

  removeYjs(conn: Party.Connection): void {
    this.yjs.delete(conn);
  }

  yjsClaimsOf(conn: Party.Connection): RoomTokenClaims | undefined {
    return this.yjs.get(conn);
  }

  /** Who made a document change, from y-partykit's transaction origin. */
  claimsOfOrigin(origin: unknown): RoomTokenClaims | undefined {
    return typeof origin === "object" && origin !== null ? this.yjsOrigins.get(origin) : undefined;
  }

  yjsConnections(): [Party.Connection, RoomTokenClaims][] {
    return [...this.yjs];
  }

  participants(): Participant[] {
    return [...this.control.values()].map((entry) => entry.participant).sort((a, b) => a.joinedAt - b.joinedAt);
  }

  get controlCount(): number {
    return this.control.size;
  }

  send(conn: Party.Connection, message: ServerMessage): void {
    sendRaw(conn, serialize(message));
  }

  /** To every control connection, or those `filter` accepts. */
  broadcast(message: ServerMessage, filter?: (entry: ControlConnection) => boolean): void {
    const text = serialize(message);
    for (const entry of this.control.values()) if (!filter || filter(entry)) sendRaw(entry.conn, text);
  }

  /** Reviewers only: notes and signals never reach a candidate's socket. */
  broadcastToReviewers(message: ServerMessage): void {
    this.broadcast(message, (entry) => entry.claims.role === "reviewer");
  }

  /** An `error` reply; rate-limit errors are themselves limited so a flood cannot echo back. */
  sendError(entry: ControlConnection, code: string, message: string): void {
    if (code === "rate_limited") {
      const now = Date.now();
      if (now - entry.lastErrorAt < RATE_LIMIT_ERROR_INTERVAL_MS) return;
      entry.lastErrorAt = now;
    }
    this.send(entry.conn, { type: "error", code, message });
  }
}

function serialize(message: ServerMessage): string {
  return JSON.stringify(ServerMessageSchema.parse(message));
}

function sendRaw(conn: Party.Connection, text: string): void {
  try {
    conn.send(text);
  } catch {
    // The socket closed between the loop and the send; onClose cleans up.
  }
}
