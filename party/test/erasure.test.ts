// Erasing a room (docs/decisions/0170): the web app's signed erase closes every socket, deletes
// all the room stored, and the room refuses connections from then on — also after a restart.
import { CLOSE_ROOM_ERASED, createRoomAdminClient, ROOM_ADMIN_PATHS } from "@interviewlm/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, roomToken } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("erasing a room", () => {
  it("closes the sockets, deletes every stored key, and refuses connections from then on, also after a restart", async () => {
    const sessionId = await stack.newSession();
    const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    await candidate.waitFor("welcome");
    candidate.send({ type: "ping", at: 1 });
    await candidate.waitFor("pong");

    const rooms = createRoomAdminClient({ baseUrl: stack.party.url, secret: TEST_ROOM_SECRET });
    const first = await rooms.eraseRoom(sessionId, { reason: "candidate_erased" });
    expect(first.keysDeleted).toBeGreaterThan(0);
    expect(first.keysRemaining).toBe(0);
    expect((await candidate.closed).code).toBe(CLOSE_ROOM_ERASED);

    // Idempotent: a retry deletes nothing more and still succeeds.
    expect(await rooms.eraseRoom(sessionId, { reason: "retention" })).toEqual({ keysDeleted: 0, keysRemaining: 0 });

    const again = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    expect((await again.closed).code).toBe(CLOSE_ROOM_ERASED);
    expect(again.ofType("welcome")).toEqual([]);

    await stack.party.restart();
    const afterRestart = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"));
    expect((await afterRestart.closed).code).toBe(CLOSE_ROOM_ERASED);
    expect(await rooms.eraseRoom(sessionId, { reason: "retention" })).toEqual({ keysDeleted: 0, keysRemaining: 0 });
  });

  it("refuses an unsigned or wrongly signed erase and keeps the room working", async () => {
    const sessionId = await stack.newSession();
    const path = ROOM_ADMIN_PATHS.erase(sessionId);
    const unsigned = await fetch(`${stack.party.url}${path}`, { method: "POST", body: JSON.stringify({ reason: "retention" }) });
    expect(unsigned.status).toBe(401);
    const forged = createRoomAdminClient({ baseUrl: stack.party.url, secret: "not-the-room-secret-0123456789abcdefghijkl" });
    await expect(forged.eraseRoom(sessionId, { reason: "retention" })).rejects.toThrow();

    const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    await candidate.waitFor("welcome");
    await candidate.close();
  });
});
