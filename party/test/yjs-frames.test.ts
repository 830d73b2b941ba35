// Frames on the editor socket are checked before y-partykit buffers them: a read-only
// (reviewer) socket cannot start a chunked batch or send large frames, a writable one cannot
// declare or send an oversized batch — and a real large paste, which the provider chunks,
// still reaches everyone.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, roomUrl, YjsClient } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
const clients: { destroy(): void }[] = [];
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await stack?.stop();
});

const marker = (type: "start" | "end", size: number, count: number) => `y-pk-batch#${JSON.stringify({ id: "t1", type, size, count })}`;

async function rawYjs(sessionId: string, role: "candidate" | "reviewer", uid: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(roomUrl(stack.party.url, sessionId, { token: await roomToken(TEST_ROOM_SECRET, sessionId, role, uid), channel: "yjs" }));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  socket.on("error", () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("unexpected-response", () => reject(new Error("refused")));
  });
  return { socket, closed };
}

describe("the editor socket's frames", () => {
  it("closes a read-only socket that starts a batch or sends a large frame, before anything is buffered", async () => {
    const sessionId = await stack.newSession();
    const batcher = await rawYjs(sessionId, "reviewer", "rev_1");
    batcher.socket.send(marker("start", 900_000_000, 900));
    expect((await batcher.closed).code).toBe(1008);

    const big = await rawYjs(sessionId, "reviewer", "rev_2");
    big.socket.send(Buffer.alloc(512 * 1024, 7));
    expect((await big.closed).code).toBe(1009);
  });

  it("closes a writable socket that declares, or sends, more than the batch cap", async () => {
    const sessionId = await stack.newSession();
    const declared = await rawYjs(sessionId, "candidate", "cand_1");
    declared.socket.send(marker("start", 100 * 1024 * 1024, 100));
    expect((await declared.closed).code).toBe(1009);

    const lying = await rawYjs(sessionId, "candidate", "cand_1");
    lying.socket.send(marker("start", 1000, 1));
    lying.socket.send(Buffer.alloc(2000, 1));
    expect((await lying.closed).code).toBe(1009);
  });

  it("still syncs a large paste that the provider sends as a chunked batch, and the room keeps serving", async () => {
    const sessionId = await stack.newSession();
    const candidate = new YjsClient(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    const reviewer = new YjsClient(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"));
    clients.push(candidate, reviewer);
    await Promise.all([candidate.synced(), reviewer.synced()]);
    await eventually(() => candidate.text("calc.py"), (text) => text !== undefined);
    // Over y-partykit's 1 MB chunk size: sent as start marker, two chunks, end marker.
    const pasted = "x".repeat(1_500_000);
    candidate.files.get("calc.py")!.insert(0, pasted);
    await eventually(() => reviewer.text("calc.py")?.length ?? 0, (length) => length >= pasted.length, 30_000, "the reviewer to receive the paste");
    const control = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_2"));
    await control.waitFor("welcome");
    await control.close();
  });
});
