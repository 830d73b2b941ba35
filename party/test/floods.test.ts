// Floods: a connection that spends its message or byte budget is disconnected with 4429 while
// everyone else keeps working, and a session's recorded terminal output stops at a cap with a
// `terminal.truncated` marker while the live terminal goes on.
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE_CODES } from "../src/limits.ts";
import { ControlClient, eventually, roomToken, roomUrl } from "./support/clients.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

const RECORDING_LIMIT = 4096;
let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack({ vars: { TERMINAL_RECORDING_LIMIT_CHARS: String(RECORDING_LIMIT) } });
});
afterAll(async () => {
  await stack?.stop();
});

async function pair(sessionId: string) {
  const bystander = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_calm"));
  const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
  await Promise.all([bystander.waitFor("welcome"), candidate.waitFor("welcome")]);
  return { bystander, candidate };
}

describe("per-connection budgets", () => {
  it("disconnects a control socket flooding messages with 4429; the bystander and the candidate keep working", async () => {
    const sessionId = await stack.newSession();
    const { bystander, candidate } = await pair(sessionId);
    const flooder = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_flood"));
    await flooder.waitFor("welcome");
    for (let i = 0; i < 5000 && flooder.socket.readyState === WebSocket.OPEN; i++) flooder.send({ type: "ping", at: i });
    const closed = await flooder.closed;
    expect(closed).toEqual({ code: CLOSE_CODES.flood, reason: "too many messages; disconnected" });
    await bystander.waitFor("presence", (m) => !m.participants.some((p) => p.userId === "rev_flood"));

    bystander.send({ type: "ping", at: -1 });
    await bystander.waitFor("pong", (m) => m.at === -1);
    candidate.send({ type: "ping", at: -2 });
    await candidate.waitFor("pong", (m) => m.at === -2);
    await Promise.all([bystander.close(), candidate.close()]);
  });

  it("disconnects a control socket flooding bytes with 4429", async () => {
    const sessionId = await stack.newSession();
    const flooder = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_bytes"));
    await flooder.waitFor("welcome");
    const chunk = "x".repeat(60 * 1024);
    for (let i = 0; i < 200 && flooder.socket.readyState === WebSocket.OPEN; i++) flooder.sendRaw(chunk);
    expect(await flooder.closed).toEqual({ code: CLOSE_CODES.flood, reason: "too many bytes; disconnected" });
  });

  it("disconnects an editor socket flooding frames with 4429", async () => {
    const sessionId = await stack.newSession();
    const { bystander } = await pair(sessionId);
    const socket = new WebSocket(roomUrl(stack.party.url, sessionId, { token: await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_yjs"), channel: "yjs" }));
    const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
    socket.on("error", () => undefined);
    await new Promise<void>((resolve) => socket.once("open", () => resolve()));
    const update = Buffer.from([0, 2, 1, 0]);
    for (let i = 0; i < 5000 && socket.readyState === WebSocket.OPEN; i++) socket.send(update);
    expect(await closed).toBe(CLOSE_CODES.flood);
    bystander.send({ type: "ping", at: -3 });
    await bystander.waitFor("pong", (m) => m.at === -3);
    await bystander.close();
  });
});

describe("the terminal recording cap", () => {
  it("records up to the cap, then one terminal.truncated marker; the live terminal keeps working", async () => {
    const sessionId = await stack.newSession();
    const { candidate, bystander } = await pair(sessionId);
    await candidate.waitFor("terminal.status", (m) => m.state === "ready");
    candidate.send({ type: "terminal.input", data: "for i in $(seq 1 400); do echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxx; done; echo done-$((40+2))\r" });
    await eventually(() => candidate.terminalText(), (text) => text.includes("done-42"), 30_000, "the output to finish");
    await eventually(() => stack.web.events(sessionId).some((e) => e.type === "terminal.truncated"), (seen) => seen, 30_000, "the truncation marker to be recorded");

    candidate.send({ type: "terminal.input", data: "echo still-$((20+1))-alive\r" });
    await eventually(() => candidate.terminalText(), (text) => text.includes("still-21-alive"), 15_000, "the live terminal after the cap");
    await eventually(() => bystander.terminalText(), (text) => text.includes("still-21-alive"), 15_000, "the reviewer's view after the cap");
    // Input is still recorded (it is small and bounded by the message budget); output is not.
    await eventually(() => stack.web.events(sessionId).filter((e) => e.type === "terminal.input").length, (n) => n >= 2, 15_000, "the second input to be recorded");

    const events = stack.web.events(sessionId);
    const markers = events.filter((e) => e.type === "terminal.truncated");
    expect(markers).toHaveLength(1);
    expect(markers[0]!.payload).toEqual({ limitChars: RECORDING_LIMIT });
    const output = events.filter((e) => e.type === "terminal.output").map((e) => String(e.payload.data));
    expect(output.join("").length).toBe(RECORDING_LIMIT);
    expect(output.join("")).not.toContain("still-21-alive");
    expect(events.findIndex((e) => e.type === "terminal.truncated")).toBeGreaterThan(events.findLastIndex((e) => e.type === "terminal.output"));
    await Promise.all([candidate.close(), bystander.close()]);
  });
});
