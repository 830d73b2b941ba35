// Who gets in and what is refused: tokens, malformed, oversized and forbidden messages,
// and the reviewer-only feed (notes never reach a candidate's socket).
import { MAX_CLIENT_MESSAGE_BYTES, signRoomToken } from "@interviewlm/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlClient, eventually, roomToken, roomUrl, upgradeStatus } from "./support/clients.ts";
import { logEntries } from "./support/room-log.ts";
import { startRoomStack, TEST_ROOM_SECRET, type RoomStack } from "./support/stack.ts";

let stack: RoomStack;
beforeAll(async () => {
  stack = await startRoomStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("connecting to a room", () => {
  it("refuses a missing, unsigned, expired or other-session token with 401", async () => {
    const sessionId = await stack.newSession();
    const other = await stack.newSession();
    const base = stack.party.url;
    const valid = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    const [version, payload] = valid.split(".");
    expect(await upgradeStatus(roomUrl(base, sessionId, { channel: "control" }))).toBe(401);
    expect(await upgradeStatus(roomUrl(base, sessionId, { token: `${version}.${payload}.not-the-signature`, channel: "control" }))).toBe(401);
    const wrongSecret = await signRoomToken("another-secret-that-is-long-enough-0123456789", { sid: sessionId, role: "candidate", uid: "c", name: "C" });
    expect(await upgradeStatus(roomUrl(base, sessionId, { token: wrongSecret, channel: "yjs" }))).toBe(401);
    const expired = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1", { ttlSeconds: 60, now: Date.now() - 3_600_000 });
    expect(await upgradeStatus(roomUrl(base, sessionId, { token: expired, channel: "control" }))).toBe(401);
    const forOther = await roomToken(TEST_ROOM_SECRET, other, "reviewer", "rev_1");
    expect(await upgradeStatus(roomUrl(base, sessionId, { token: forOther, channel: "control" }))).toBe(401);
    expect(await upgradeStatus(roomUrl(base, sessionId, { token: valid, channel: "control" }))).toBe(101);
  });

  it("logs each connection with the browser's request id, accepted or refused", async () => {
    const sessionId = await stack.newSession();
    const base = stack.party.url;
    const logStart = stack.party.output().length;
    expect(await upgradeStatus(roomUrl(base, sessionId, { channel: "control", rid: "browser-conn-refused-1" }))).toBe(401);
    const token = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    expect(await upgradeStatus(roomUrl(base, sessionId, { token, channel: "control", rid: "browser-conn-joined-1" }))).toBe(101);
    const refused = await eventually(() => logEntries(stack.party.output().slice(logStart), "connection.refused"), (entries) => entries.length > 0, 10_000, "the refusal line");
    expect(refused).toEqual([expect.objectContaining({ room: sessionId, requestId: "browser-conn-refused-1", status: 401, problem: "missing_token" })]);
    const joined = await eventually(() => logEntries(stack.party.output().slice(logStart), "connection.joined"), (entries) => entries.length > 0, 10_000, "the join line");
    expect(joined).toEqual([expect.objectContaining({ room: sessionId, requestId: "browser-conn-joined-1", role: "candidate" })]);
  });

  it("welcomes a candidate with the session and shows reviewers joining and leaving", async () => {
    const sessionId = await stack.newSession();
    const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    const welcome = await candidate.waitFor("welcome");
    expect(welcome.role).toBe("candidate");
    expect(welcome.session).toMatchObject({ sessionId, status: "ACTIVE", question: { position: 0, title: "Add two numbers" } });
    expect(welcome.notes).toBeUndefined();
    expect(welcome.signals).toBeUndefined();

    const reviewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"));
    await candidate.waitFor("presence", (m) => m.participants.length === 2);
    await reviewer.close();
    await candidate.waitFor("presence", (m) => m.participants.length === 1 && m.participants[0]!.role === "candidate");
    await candidate.close();
  });
});

describe("reconnecting", () => {
  it("replaces the old socket when the same person reconnects with the same id, and refuses anyone else that id", async () => {
    const sessionId = await stack.newSession();
    const token = await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1");
    const first = await ControlClient.connect(stack.party.url, sessionId, token, { id: "conn-abc" });
    await first.waitFor("welcome");
    const second = await ControlClient.connect(stack.party.url, sessionId, token, { id: "conn-abc" });
    await second.waitFor("welcome");
    expect((await first.closed).code).toBe(4001);
    const presence = await second.waitFor("presence");
    expect(presence.participants.map((p) => p.connectionId)).toEqual(["conn-abc"]);

    const intruder = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"), { id: "conn-abc" });
    expect((await intruder.closed).code).toBe(1008);
    second.send({ type: "ping", at: 1 });
    await second.waitFor("pong");
    await second.close();
  });
});

describe("messages", () => {
  it("refuses malformed, oversized and forbidden messages with an error and applies none of them", async () => {
    const sessionId = await stack.newSession();
    const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    const reviewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"));
    await candidate.waitFor("welcome");
    await reviewer.waitFor("welcome");

    candidate.sendRaw("{not json");
    await candidate.waitFor("error", (m) => m.code === "malformed");
    candidate.sendRaw(JSON.stringify({ type: "terminal.input", data: "" }));
    await candidate.waitFor("error", (m) => m.code === "invalid");
    candidate.sendRaw(JSON.stringify({ type: "no.such.message" }));
    await candidate.waitFor("error", (m) => m.code === "invalid" && candidate.ofType("error").length >= 2);
    candidate.sendRaw(JSON.stringify({ type: "signal.paste", path: "x".repeat(MAX_CLIENT_MESSAGE_BYTES), length: 1, lines: 1 }));
    await candidate.waitFor("error", (m) => m.code === "too_large");
    candidate.sendRaw(Buffer.from([1, 2, 3]));
    await candidate.waitFor("error", (m) => m.code === "not_text");

    // A reviewer may not type, run tests, move on, finish or raise candidate signals.
    for (const message of [
      { type: "terminal.input", data: "touch /tmp/reviewer-was-here\r" },
      { type: "tests.run" },
      { type: "question.next" },
      { type: "session.finish" },
      { type: "signal.focus", state: "lost" },
    ] as const) {
      reviewer.send(message);
    }
    await eventually(() => reviewer.ofType("error").filter((m) => m.code === "forbidden").length, (n) => n === 5);
    // …and a candidate may not write reviewer notes.
    candidate.send({ type: "note.add", text: "I am a great candidate" });
    await candidate.waitFor("error", (m) => m.code === "forbidden");

    // Nothing of it happened: no test run, still the first question, still active, no notes or signals.
    reviewer.send({ type: "ping", at: 1 });
    await reviewer.waitFor("pong");
    expect(candidate.ofType("tests.update")).toEqual([]);
    expect(reviewer.ofType("tests.update")).toEqual([]);
    expect(reviewer.ofType("session")).toEqual([]);
    expect(reviewer.ofType("note")).toEqual([]);
    expect(reviewer.ofType("signal")).toEqual([]);
    expect(stack.web.finishes).toEqual([]);
    expect(stack.web.info(sessionId).question?.position).toBe(0);
    expect(stack.party.output()).toMatch(/"event":"message.rejected".*"code":"forbidden"/);
    await candidate.close();
    await reviewer.close();
  });

  it("refuses a private note from a viewer (no notes:write in the token) and accepts a reviewer's", async () => {
    const sessionId = await stack.newSession();
    const viewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "viewer_1", { perms: [] }));
    const reviewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1", { perms: ["notes:write"] }));
    await viewer.waitFor("welcome");
    await reviewer.waitFor("welcome");
    viewer.send({ type: "note.add", text: "a viewer's note" });
    const refused = await viewer.waitFor("error", (m) => m.code === "forbidden");
    expect(refused.message).toContain("notes:write");
    reviewer.send({ type: "note.add", text: "a reviewer's note" });
    await viewer.waitFor("note", (m) => m.note.text === "a reviewer's note");
    await reviewer.waitFor("note", (m) => m.note.text === "a reviewer's note");
    expect(viewer.ofType("note").map((m) => m.note.text)).toEqual(["a reviewer's note"]);
    expect(reviewer.ofType("note").map((m) => m.note.text)).toEqual(["a reviewer's note"]);
    await Promise.all([viewer.close(), reviewer.close()]);
  });

  it("limits how fast one connection may send", async () => {
    const sessionId = await stack.newSession();
    const reviewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"));
    await reviewer.waitFor("welcome");
    for (let i = 0; i < 400; i++) reviewer.send({ type: "ping", at: i });
    await reviewer.waitFor("error", (m) => m.code === "rate_limited");
    const pongs = await eventually(() => reviewer.ofType("pong").length, (n) => n >= 200);
    expect(pongs).toBeLessThan(400);
    await reviewer.close();
  });
});

describe("the reviewer feed", () => {
  it("sends notes and signals to reviewers only, never to the candidate's connection", async () => {
    const sessionId = await stack.newSession();
    const candidate = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    const reviewer = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_1"));
    await candidate.waitFor("welcome");
    await reviewer.waitFor("welcome");
    reviewer.send({ type: "note.add", text: "Strong start, check edge cases" });
    candidate.send({ type: "signal.paste", path: "calc.py", length: 120, lines: 4 });
    candidate.send({ type: "signal.focus", state: "lost" });
    await reviewer.waitFor("note", (m) => m.note.text === "Strong start, check edge cases");
    await reviewer.waitFor("signal", (m) => m.signal.type === "focus");

    // A second reviewer joining later gets them in its welcome; a candidate reconnecting does not.
    const late = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "reviewer", "rev_2"));
    const lateWelcome = await late.waitFor("welcome");
    expect(lateWelcome.notes?.map((n) => n.text)).toEqual(["Strong start, check edge cases"]);
    expect(lateWelcome.signals?.map((s) => s.type)).toEqual(["paste", "focus"]);
    const again = await ControlClient.connect(stack.party.url, sessionId, await roomToken(TEST_ROOM_SECRET, sessionId, "candidate", "cand_1"));
    const againWelcome = await again.waitFor("welcome");

    candidate.send({ type: "ping", at: 2 });
    await candidate.waitFor("pong");
    for (const client of [candidate, again]) {
      expect(client.messages.some((m) => m.type === "note" || m.type === "signal")).toBe(false);
      expect(JSON.stringify(client.messages)).not.toContain("Strong start");
    }
    expect(againWelcome.notes).toBeUndefined();
    await Promise.all([candidate.close(), reviewer.close(), late.close(), again.close()]);
  });
});
