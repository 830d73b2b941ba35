// Removed members stop watching at once: the web app's signed revocation closes the user's
// open sockets (control and editor) and refuses their older tokens from then on, while a
// token for their new membership, and everyone else, keep working.
import { CLOSE_ACCESS_REVOKED, createRoomAdminClient, ROOM_ADMIN_PATHS } from "@interviewlm/realtime";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, roomToken, roomUrl } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** A raw editor socket: resolves its close code (the room closes it, or refuses it after opening). */
function yjsSocket(sessionId: string, token: string): { opened: Promise<void>; closed: Promise<number> } {
  const socket = new WebSocket(roomUrl(stack.party.url, sessionId, { token, channel: "yjs" }));
  return {
    opened: new Promise((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    }),
    closed: new Promise((resolve) => socket.on("close", (code) => resolve(code))),
  };
}

describe("revoking a member's access", () => {
  it("closes their open sockets at once, refuses their old token, and accepts a token for the new membership", async () => {
    const sessionId = await stack.newSession();
    const other = await stack.newSession();
    const oldToken = await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "user_gone", { mv: 1_000 });
    const watching = await ControlClient.connect(stack.party.url, sessionId, oldToken);
    await watching.waitFor("welcome");
    const editor = yjsSocket(sessionId, oldToken);
    await editor.opened;
    const bystander = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "user_stays", { mv: 1_000 }));
    await bystander.waitFor("welcome");
    const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    await candidate.waitFor("welcome");

    const rooms = createRoomAdminClient({ baseUrl: stack.party.url, secret: TEST_ROOM_SECRET });
    expect(await rooms.revokeAccess([sessionId, other], { userId: "user_gone", before: 2_000 })).toEqual({ failed: [] });

    expect((await watching.closed).code).toBe(CLOSE_ACCESS_REVOKED);
    expect(await editor.closed).toBe(CLOSE_ACCESS_REVOKED);
    await bystander.waitFor("presence", (m) => !m.participants.some((p) => p.userId === "user_gone"));

    // The old token still passes the edge (signature, expiry) but the room refuses it.
    const again = await ControlClient.connect(stack.party.url, sessionId, oldToken);
    expect((await again.closed).code).toBe(CLOSE_ACCESS_REVOKED);
    expect(again.ofType("welcome")).toEqual([]);
    expect(await yjsSocket(sessionId, oldToken).closed).toBe(CLOSE_ACCESS_REVOKED);

    // A token minted for the changed membership (e.g. after a role change) works.
    const renewed = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "user_gone", { mv: 2_000 }));
    await renewed.waitFor("welcome");

    // Everyone else kept working.
    bystander.send({ type: "ping", at: 7 });
    await bystander.waitFor("pong", (m) => m.at === 7);
    candidate.send({ type: "ping", at: 8 });
    await candidate.waitFor("pong", (m) => m.at === 8);
    await Promise.all([renewed.close(), bystander.close(), candidate.close()]);
  });

  it("keeps the revocation across a room restart", async () => {
    const sessionId = await stack.newSession();
    const rooms = createRoomAdminClient({ baseUrl: stack.party.url, secret: TEST_ROOM_SECRET });
    expect(await rooms.revokeAccess([sessionId], { userId: "user_old", before: 5_000 })).toEqual({ failed: [] });
    await stack.party.restart();
    const refused = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "user_old", { mv: 4_999 }));
    expect((await refused.closed).code).toBe(CLOSE_ACCESS_REVOKED);
  });

  it("refuses an unsigned or wrongly signed revocation and changes nothing", async () => {
    const sessionId = await stack.newSession();
    const path = ROOM_ADMIN_PATHS.revokeAccess(sessionId);
    const unsigned = await fetch(`${stack.party.url}${path}`, { method: "POST", body: JSON.stringify({ userId: "rev_1", before: Date.now() }) });
    expect(unsigned.status).toBe(401);
    const forged = createRoomAdminClient({ baseUrl: stack.party.url, secret: "not-the-room-secret-0123456789abcdefghijkl" });
    expect(await forged.revokeAccess([sessionId], { userId: "rev_1", before: Date.now() })).toEqual({ failed: [sessionId] });
    expect((await fetch(`${stack.party.url}/parties/main/${sessionId}/anything`)).status).toBe(404);

    const reviewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1", { mv: 1 }));
    await reviewer.waitFor("welcome");
    await reviewer.close();
  });
});
