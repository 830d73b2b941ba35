// Erasing a room (docs/decisions/0170): the web app's signed POST closes every socket, deletes
// all of the room's storage (editor document, recording buffer, terminal, notes, agent state)
// and its alarm, and leaves one marker key so the room refuses connections from then on — a
// restarted room must not rebuild a workspace or re-send a recording for an erased candidate.
import { CLOSE_ROOM_ERASED, EraseRoomRequestSchema, ROOM_ADMIN_PATHS, verifyInternalRequest, type EraseRoomResponse } from "@interviewlm/realtime";
import type { KeyInput } from "@interviewlm/tokens";
import type * as Party from "partykit/server";
import type { Logger } from "@interviewlm/infra/log";

export const ERASED_KEY = "meta:erased";

export function isEraseRequest(request: { method: string; url: string }, sessionId: string): boolean {
  return request.method === "POST" && new URL(request.url).pathname === ROOM_ADMIN_PATHS.erase(sessionId);
}

export async function isRoomErased(storage: Party.Storage): Promise<boolean> {
  return (await storage.get<boolean>(ERASED_KEY)) === true;
}

/** Verifies the web app's request, then erases; anything unsigned, stale or malformed changes nothing. */
export async function handleEraseRequest(request: Request, room: Party.Room, secret: KeyInput, log: Logger, onVerified: () => void = () => undefined): Promise<Response> {
  const url = new URL(request.url);
  const body = await request.text();
  const verified = await verifyInternalRequest(secret, { method: request.method, path: url.pathname, body, headers: request.headers });
  if (!verified.ok) {
    log.warn("room.erase_refused", { reason: verified.reason });
    return json(401, { error: `request refused: ${verified.reason}` });
  }
  let parsed;
  try {
    parsed = EraseRoomRequestSchema.safeParse(JSON.parse(body));
  } catch {
    return json(400, { error: "body is not JSON" });
  }
  if (!parsed.success) return json(400, { error: `body does not match the contract: ${parsed.error.issues[0]?.message ?? "invalid"}` });
  // From here the room is erased for every handler: a socket closing below must not record its leaving.
  onVerified();
  const result = await eraseRoomStorage(room);
  log.info("room.erased", { reason: parsed.data.reason, ...result });
  return json(200, result satisfies EraseRoomResponse);
}

async function eraseRoomStorage(room: Party.Room): Promise<EraseRoomResponse> {
  for (const conn of room.getConnections()) {
    try {
      conn.close(CLOSE_ROOM_ERASED, "the interview's data was erased");
    } catch {
      // already closing
    }
  }
  const before = await room.storage.list();
  const keysDeleted = [...before.keys()].filter((key) => key !== ERASED_KEY).length;
  await room.storage.deleteAlarm();
  await room.storage.deleteAll();
  await room.storage.put(ERASED_KEY, true);
  // A write already in flight when the erase began (a handler past its erased check) can land
  // after deleteAll: look again, a few turns of the event loop later, and delete what came back.
  let after = await room.storage.list();
  for (let pass = 0; pass < 3; pass++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    after = await room.storage.list();
    const late = [...after.keys()].filter((key) => key !== ERASED_KEY);
    if (late.length === 0) break;
    await room.storage.delete(late);
  }
  after = await room.storage.list();
  return { keysDeleted, keysRemaining: [...after.keys()].filter((key) => key !== ERASED_KEY).length };
}

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });
}
