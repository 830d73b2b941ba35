// Revoked access: when a member is removed or their role changes, the web app tells the rooms
// of the organisation's live sessions (room-admin.ts). From then on the room refuses that
// user's tokens minted for an older membership (`mv` below `before`) — the edge worker cannot
// read room storage, so the check runs as each socket reaches the room — and it closes the
// user's open sockets at once. Kept in storage: a restart must not let old tokens back in.
import { CLOSE_ACCESS_REVOKED, RevokeAccessRequestSchema, ROOM_ADMIN_PATHS, verifyInternalRequest, type RoomTokenClaims } from "@interviewlm/realtime";
import type { KeyInput } from "@interviewlm/tokens";
import type { Connections } from "./connections.ts";
import type { Logger } from "@interviewlm/infra/log";
import { guard, type Storage } from "./storage.ts";

const PREFIX = "revoked:";

export class RevokedAccess {
  private readonly before = new Map<string, number>();

  constructor(
    private readonly storage: Storage,
    private readonly connections: Connections,
    private readonly log: Logger,
  ) {}

  async load(): Promise<void> {
    for (const [key, value] of await this.storage.list<number>({ prefix: PREFIX })) this.before.set(key.slice(PREFIX.length), value);
  }

  /** Candidates' access ends with the session, not with a membership. */
  isRevoked(claims: RoomTokenClaims): boolean {
    if (claims.role !== "reviewer") return false;
    const before = this.before.get(claims.uid);
    return before !== undefined && (claims.mv ?? 0) < before;
  }

  /** Records the revocation (never moving it back) and closes the sockets it covers; returns how many. */
  revoke(userId: string, before: number): number {
    const next = Math.max(before, this.before.get(userId) ?? 0);
    this.before.set(userId, next);
    guard(this.storage.put(`${PREFIX}${userId}`, next));
    let closed = 0;
    const close = (conn: { close(code?: number, reason?: string): void }) => {
      closed++;
      try {
        conn.close(CLOSE_ACCESS_REVOKED, "access revoked");
      } catch {
        // already closing
      }
    };
    for (const entry of this.connections.controlEntries()) if (this.isRevoked(entry.claims)) close(entry.conn);
    for (const [conn, claims] of this.connections.yjsConnections()) if (this.isRevoked(claims)) close(conn);
    this.log.info("access.revoked", { userId, before: next, closed });
    return closed;
  }

  /** The signed POST from the web app; anything unsigned, stale or malformed changes nothing. */
  async handle(request: Request, sessionId: string, secret: KeyInput): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== "POST" || url.pathname !== ROOM_ADMIN_PATHS.revokeAccess(sessionId)) return json(404, { error: "not found" });
    const body = await request.text();
    const verified = await verifyInternalRequest(secret, { method: request.method, path: url.pathname, body, headers: request.headers });
    if (!verified.ok) {
      this.log.warn("access.revoke_refused", { reason: verified.reason });
      return json(401, { error: `request refused: ${verified.reason}` });
    }
    let parsed;
    try {
      parsed = RevokeAccessRequestSchema.safeParse(JSON.parse(body));
    } catch {
      return json(400, { error: "body is not JSON" });
    }
    if (!parsed.success) return json(400, { error: `body does not match the contract: ${parsed.error.issues[0]?.message ?? "invalid"}` });
    return json(200, { closed: this.revoke(parsed.data.userId, parsed.data.before) });
  }
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
}
