// The rooms' HTTP surface: the web app tells a room that someone's access changed, or that the
// session's data must be erased (docs/decisions/0170). Requests are signed like the rooms'
// requests to the web app (internal-auth.ts, with the shared ROOM_TOKEN_SECRET), so only the
// web app can revoke or erase. Everything else is 404.
import { requestJson } from "@interviewlm/infra/http";
import { z } from "zod";
import { signInternalRequest } from "./internal-auth.ts";

export const ROOM_ADMIN_PATHS = {
  /** POST RevokeAccessRequest: refuse the user's tokens issued for an older membership, close their sockets. */
  revokeAccess: (sessionId: string) => `/parties/main/${encodeURIComponent(sessionId)}/access/revoke`,
  /** POST EraseRoomRequest: close every socket, delete all room storage, refuse the room from then on. */
  erase: (sessionId: string) => `/parties/main/${encodeURIComponent(sessionId)}/erase`,
} as const;

export const EraseRoomRequestSchema = z.object({ reason: z.enum(["candidate_erased", "retention", "organization_deleted"]) });
export type EraseRoomRequest = z.infer<typeof EraseRoomRequestSchema>;

export const EraseRoomResponseSchema = z.object({
  /** Storage keys deleted by this call (0 when the room was already erased or never used). */
  keysDeleted: z.number().int().nonnegative(),
  /** Keys left besides the erased marker, read back after the delete: 0 unless the delete failed. */
  keysRemaining: z.number().int().nonnegative(),
});
export type EraseRoomResponse = z.infer<typeof EraseRoomResponseSchema>;

/** Close code for sockets of a room whose data was erased. */
export const CLOSE_ROOM_ERASED = 4410;

export const RevokeAccessRequestSchema = z.object({
  /** The reviewer's user id (the `uid` of their room tokens). */
  userId: z.string().min(1).max(64),
  /**
   * Tokens whose membership version (`mv`, ms) is below this are refused from now on: the
   * new version after a role change, or the time of removal (a later re-invitation makes a
   * newer membership, whose tokens are accepted again).
   */
  before: z.number().int().nonnegative(),
});
export type RevokeAccessRequest = z.infer<typeof RevokeAccessRequestSchema>;

export const RevokeAccessResponseSchema = z.object({ closed: z.number().int().nonnegative() });

/** Close code for sockets whose access was revoked (removed member, changed role). */
export const CLOSE_ACCESS_REVOKED = 4403;

export interface RoomAdminClient {
  /** Tells each room; resolves with the rooms that could not be told (after retries). */
  revokeAccess(sessionIds: readonly string[], request: RevokeAccessRequest): Promise<{ failed: string[] }>;
  /** Erases one room's storage; throws when the room cannot confirm it (the caller retries later). Idempotent. */
  eraseRoom(sessionId: string, request: EraseRoomRequest): Promise<EraseRoomResponse>;
}

const TIMEOUT_MS = 5000;
// Attempts after the first (through a network failure, a timeout or a 502/503/504).
const RETRIES = 2;
const PARALLEL = 8;

export function createRoomAdminClient(options: { baseUrl: string; secret: string; fetch?: typeof fetch }): RoomAdminClient {
  const base = options.baseUrl.replace(/\/+$/, "");

  async function revokeOne(sessionId: string, body: string): Promise<boolean> {
    const path = ROOM_ADMIN_PATHS.revokeAccess(sessionId);
    try {
      await requestJson({
        method: "POST",
        url: `${base}${path}`,
        headers: await signInternalRequest(options.secret, { method: "POST", path, body }),
        body,
        schema: RevokeAccessResponseSchema,
        // Revoking twice closes nothing more: the POST may be repeated.
        idempotent: true,
        retries: RETRIES,
        timeoutMs: TIMEOUT_MS,
        fetch: options.fetch,
      });
      return true;
    } catch {
      // Refused (bad signature, bad body), or still failing after the retries: the caller logs it.
      return false;
    }
  }

  return {
    async eraseRoom(sessionId, request) {
      const path = ROOM_ADMIN_PATHS.erase(sessionId);
      const body = JSON.stringify(EraseRoomRequestSchema.parse(request));
      const result = await requestJson({
        method: "POST",
        url: `${base}${path}`,
        headers: await signInternalRequest(options.secret, { method: "POST", path, body }),
        body,
        schema: EraseRoomResponseSchema,
        // Erasing an erased room deletes nothing more.
        idempotent: true,
        retries: RETRIES,
        timeoutMs: TIMEOUT_MS,
        fetch: options.fetch,
      });
      if (result.keysRemaining > 0) throw new Error(`room ${sessionId} still holds ${result.keysRemaining} storage key(s) after the erase`);
      return result;
    },

    async revokeAccess(sessionIds, request) {
      const body = JSON.stringify(RevokeAccessRequestSchema.parse(request));
      const failed: string[] = [];
      const queue = [...sessionIds];
      const worker = async () => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) if (!(await revokeOne(id, body))) failed.push(id);
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL, queue.length) }, worker));
      return { failed };
    },
  };
}
