// The recording ingest end to end on a real database (PGlite; PostgreSQL with
// TEST_DATABASE_URL): signed HTTP requests to the Express route, what lands in
// "RecordingEvent", and the replay's decode function reading it back.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { readRecordingEvents, retryRecordingDeadLetter, listRecordingDeadLetters, ingestRecording } from "@interviewlm/core/interviews";
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { INTERNAL_PATHS, RECORDING_EVENT_TYPES, signInternalRequest, type RecordingEvent, type RecordingEventType } from "@interviewlm/realtime";
import { hostileString, randomBytes, seededRandom, type Random } from "@interviewlm/realtime/testing";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as deadLetterAction } from "../app/routes/internal.recordings.dead-letters.ts";
import { mountRecordingIngest } from "./recording-ingest-route.ts";

const SECRET = "ingest-test-room-secret-0123456789abcdefghijklmnop";

let db: TestDatabase;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const app = express();
  mountRecordingIngest(app, { db: db.prisma, roomTokenSecret: SECRET });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Prisma prepares each kind of query on first use (seconds on a loaded machine): here, not in a test.
  await newSession();
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.close();
});

let seeded = 0;
const organizations = new Map<string, string>();
/** The session's recording as the replay reads it, in its own organisation. */
const readBack = (sessionId: string, range?: { afterSeq?: number; limit?: number }) =>
  readRecordingEvents(db.prisma, { organizationId: organizations.get(sessionId)!, sessionId }, range);

async function newSession(): Promise<string> {
  const n = ++seeded;
  const organization = await db.prisma.organization.create({ data: { name: `Ingest Org ${n}`, slug: `ingest-org-${n}-${Date.now().toString(36)}` } });
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: organization.id, title: "Ingest", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL", testVisibility: "RESULTS_ONLY", aiAssistance: "OFF" },
  });
  const candidate = await db.prisma.candidate.create({
    data: { organizationId: organization.id, assessmentId: assessment.id, name: `Candidate ${n}`, email: `candidate-${n}@ingest.test`, inviteNonce: `nonce-${n}`, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const session = await db.prisma.interviewSession.create({
    data: { organizationId: organization.id, assessmentId: assessment.id, candidateId: candidate.id, status: "ACTIVE", language: "python", deadlineAt: new Date(Date.now() + 3_600_000) },
  });
  organizations.set(session.id, organization.id);
  return session.id;
}

async function post(path: string, body: string): Promise<{ status: number; json: unknown }> {
  const headers = await signInternalRequest(SECRET, { method: "POST", path, body });
  const response = await fetch(new URL(path, baseUrl), { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, json: await response.json() };
}

const ingest = (sessionId: string, events: RecordingEvent[]) => post(INTERNAL_PATHS.recordings, JSON.stringify({ sessionId, events }));

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

/** A payload of the event type's shape, every string in it hostile (and a hostile key besides). */
function hostilePayload(type: RecordingEventType, random: Random): Record<string, unknown> {
  const text = (max = 64) => hostileString(random, max);
  const shapes: Record<RecordingEventType, () => Record<string, unknown>> = {
    "yjs.update": () => ({ update: base64(randomBytes(random, 64)) }),
    "file.sync": () => ({ path: text(), kind: "modified", origin: "editor", renamedFrom: text() }),
    "terminal.output": () => ({ data: text(512) }),
    "terminal.input": () => ({ data: text(32) }),
    "terminal.resize": () => ({ cols: 120, rows: 30 }),
    "terminal.truncated": () => ({ limitChars: 1024 }),
    "tests.started": () => ({ runId: text(), questionPosition: 0 }),
    "tests.finished": () => ({ runId: text(), status: "failed", totals: { passed: 1, failed: 1 }, durationMs: 12, tests: [{ name: text(), status: "failed", durationMs: 3, message: text(256) }] }),
    "question.changed": () => ({ position: 1, questionId: text(), title: text() }),
    "presence.joined": () => ({ connectionId: text(), role: "candidate", userId: text(), name: text() }),
    "presence.left": () => ({ connectionId: text(), role: "reviewer", userId: text(), name: text() }),
    "signal.paste": () => ({ path: text(), length: 5, lines: 1 }),
    "signal.focus": () => ({ state: "lost" }),
    "note.added": () => ({ id: text(), authorId: text(), authorName: text(), text: text(256) }),
    "session.finished": () => ({ reason: "candidate" }),
    "agent.message": () => ({ role: "assistant", text: text(256), tokens: 3 }),
    "agent.tool": () => ({ tool: "run_command", input: { command: text(), env: { [text(8)]: text(8) }, args: [text(8), text(8)] }, output: text(256) }),
    "agent.usage": () => ({ turnId: text(), model: text(), promptVersion: text(), inputTokens: 10, outputTokens: 2, costMicroUsd: null, stopReason: text() }),
    "agent.undo": () => ({ toolId: text(), path: text() }),
    "agent.reset": () => ({ questionPosition: 1 }),
    "editor.cursor": () => ({ path: text(), anchor: 3, head: 7 }),
  };
  return { ...shapes[type](), [`extra ${text(8)}`]: text(16) };
}

describe("the recording ingest", { timeout: 20_000 }, () => {
  it("stores every event type with random bytes 0x00–0xFF and lone surrogates anywhere, and replays them equal", async () => {
    const sessionId = await newSession();
    const random = seededRandom(0x60);
    const events: RecordingEvent[] = [];
    for (let round = 0; round < 8; round++) {
      for (const type of RECORDING_EVENT_TYPES) {
        events.push({ seq: events.length + 1, at: 1_700_000_000_000 + Math.floor(random() * 1e10), type, actor: "candidate:cand_1", payload: hostilePayload(type, random) });
      }
    }
    // The exact inputs of the bug report, too.
    events.push({ seq: events.length + 1, at: Date.now(), type: "terminal.input", actor: "candidate:cand_1", payload: { data: "\u0000" } });
    events.push({ seq: events.length + 1, at: Date.now(), type: "terminal.output", actor: "room", payload: { data: "a\u0000b\n" } });
    events.push({ seq: events.length + 1, at: Date.now(), type: "terminal.input", actor: "candidate:cand_1", payload: { data: "\ud800" } });

    const answer = await ingest(sessionId, events);
    expect(answer).toEqual({ status: 200, json: { inserted: events.length, duplicates: 0 } });
    expect(await readBack(sessionId, { limit: 10_000 })).toStrictEqual(events);

    // Retried (a lost acknowledgement): nothing doubles, nothing changes.
    expect(await ingest(sessionId, events)).toEqual({ status: 200, json: { inserted: 0, duplicates: events.length } });
    expect(await readBack(sessionId, { afterSeq: events.length - 3 })).toStrictEqual(events.slice(-3));
  });

  it("reads a recording back only within the session's organisation", async () => {
    const mine = await newSession();
    const theirs = await newSession();
    await ingest(theirs, [{ seq: 1, at: Date.now(), type: "note.added", actor: "reviewer:r", payload: { id: "n1", authorId: "r", authorName: "R", text: "private" } }]);
    await expect(readRecordingEvents(db.prisma, { organizationId: organizations.get(mine)!, sessionId: theirs })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await readBack(theirs)).toHaveLength(1);
  });

  it("keeps ordinary payloads plain in the database, so SQL over them keeps working", async () => {
    const sessionId = await newSession();
    await ingest(sessionId, [{ seq: 1, at: Date.now(), type: "file.sync", actor: "room", payload: { path: "main.py", kind: "modified", origin: "editor" } }]);
    const rows = await db.prisma.$queryRaw<{ path: string }[]>`SELECT payload->>'path' AS path FROM "RecordingEvent" WHERE "sessionId" = ${sessionId}`;
    expect(rows).toEqual([{ path: "main.py" }]);
  });

  it("refuses what it cannot take with a 4xx that names the problem, and stores nothing of that batch", async () => {
    const sessionId = await newSession();
    const ok: RecordingEvent = { seq: 1, at: Date.now(), type: "terminal.input", actor: "candidate:c", payload: { data: "ls\r" } };
    let deep: unknown = "bottom";
    for (let i = 0; i < 100; i++) deep = [deep];
    const refusals: [RecordingEvent[], number, RegExp][] = [
      [[ok, { ...ok, seq: 2, payload: { deep } }], 400, /events\.1\.payload: must not be nested more than 64 levels deep/],
      [[ok, { ...ok, seq: 2_147_483_648 }], 400, /events\.1\.seq/],
      [[ok, { ...ok, seq: 2, actor: "candidate:\u0000" }], 400, /events\.1\.actor: must not contain NUL or a lone surrogate/],
    ];
    for (const [events, status, message] of refusals) {
      const answer = await ingest(sessionId, events);
      expect(answer.status).toBe(status);
      expect(answer.json).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringMatching(message) } });
    }
    expect(await ingest("sess_unknown", [ok])).toMatchObject({ status: 404, json: { error: { code: "NOT_FOUND" } } });
    expect(await post(INTERNAL_PATHS.recordings, "{not json")).toMatchObject({ status: 400, json: { error: { message: "The body is not JSON." } } });
    expect(await readBack(sessionId)).toEqual([]);
  });

  it("answers a batch the database refuses for its content with 400, not a 500 the room would retry forever", async () => {
    const sessionId = await newSession();
    // Past the schema (a caller that skipped it): the database's own data exception.
    const batch = { sessionId, events: [{ seq: 3_000_000_000, at: Date.now(), type: "signal.focus" as const, actor: "room", payload: { state: "lost" } }] };
    await expect(ingestRecording(db.prisma, batch)).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/SQLSTATE 22003/) });
  });

  it("answers a body over the limit with 413 in the same JSON shape as every other refusal", async () => {
    const answer = await post(INTERNAL_PATHS.recordings, JSON.stringify({ sessionId: "s", events: [], padding: "x".repeat(17 * 1024 * 1024) }));
    expect(answer).toMatchObject({ status: 413, json: { error: { code: "PAYLOAD_TOO_LARGE" } } });
  });

  it("refuses unsigned, badly signed and stale requests with 401", async () => {
    const body = JSON.stringify({ sessionId: "s", events: [] });
    const unsigned = await fetch(new URL(INTERNAL_PATHS.recordings, baseUrl), { method: "POST", body });
    expect(unsigned.status).toBe(401);
    const stale = await signInternalRequest(SECRET, { method: "POST", path: INTERNAL_PATHS.recordings, body }, Date.now() - 3_600_000);
    const answer = await fetch(new URL(INTERNAL_PATHS.recordings, baseUrl), { method: "POST", headers: stale, body });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.stringMatching(/timestamp/) } });
  });
});

describe("the recording's dead letters", { timeout: 20_000 }, () => {
  const context = () => ({ services: { env: { ROOM_TOKEN_SECRET: SECRET }, db } }) as unknown as Parameters<typeof deadLetterAction>[0]["context"];

  async function handOver(body: object): Promise<Response> {
    const text = JSON.stringify(body);
    const headers = await signInternalRequest(SECRET, { method: "POST", path: INTERNAL_PATHS.recordingDeadLetters, body: text });
    const request = new Request(`http://web.test${INTERNAL_PATHS.recordingDeadLetters}`, { method: "POST", headers, body: text });
    return deadLetterAction({ request, context: context(), params: {} });
  }

  it("keeps a refused batch byte for byte, once, and a retry stores it once the cause is gone", async () => {
    const sessionId = await newSession();
    const events: RecordingEvent[] = [{ seq: 4, at: Date.now(), type: "terminal.input", actor: "candidate:c", payload: { data: "a\u0000\ud800" } }];
    // A body the ingest refused (here: an unknown session id spelled differently), kept as sent.
    const refusedBody = JSON.stringify({ sessionId, events });
    const request = { sessionId, firstSeq: 4, lastSeq: 4, events: 1, status: 400, reason: "events.0: refused \u0000 for the test", body: refusedBody };
    const first = await handOver(request);
    expect(first.status).toBe(200);
    const { id } = (await first.json()) as { id: string };
    // The room retries a hand-over whose answer it lost: still one dead letter.
    expect(await (await handOver(request)).json()).toEqual({ id });

    const [letter] = (await listRecordingDeadLetters(db.prisma)).filter((l) => l.sessionId === sessionId);
    expect(letter).toMatchObject({ id, firstSeq: 4, lastSeq: 4, events: 1, status: 400, reason: "events.0: refused \\0 for the test", bytes: Buffer.byteLength(refusedBody), resolvedAt: null });

    expect(await retryRecordingDeadLetter(db.prisma, id)).toEqual({ id, ok: true, inserted: 1, duplicates: 0 });
    expect(await readBack(sessionId)).toStrictEqual(events);
    expect((await listRecordingDeadLetters(db.prisma)).some((l) => l.id === id)).toBe(false);
    expect((await listRecordingDeadLetters(db.prisma, { includeResolved: true })).find((l) => l.id === id)?.resolvedAt).toBeInstanceOf(Date);
  });

  it("notes why a retry failed and keeps the dead letter open", async () => {
    const request = { sessionId: "sess_gone", firstSeq: 1, lastSeq: 2, events: 2, status: 404, reason: "Interview session sess_gone was not found.", body: JSON.stringify({ sessionId: "sess_gone", events: [{ seq: 1, at: 1, type: "signal.focus", actor: "room", payload: { state: "lost" } }, { seq: 2, at: 2, type: "signal.focus", actor: "room", payload: { state: "regained" } }] }) };
    const { id } = (await (await handOver(request)).json()) as { id: string };
    expect(await retryRecordingDeadLetter(db.prisma, id)).toEqual({ id, ok: false, error: "Interview session sess_gone was not found." });
    const letter = (await listRecordingDeadLetters(db.prisma)).find((l) => l.id === id);
    expect(letter).toMatchObject({ retryError: "Interview session sess_gone was not found.", resolvedAt: null });
    expect(letter?.retriedAt).toBeInstanceOf(Date);
  });

  it("refuses an unsigned or malformed hand-over", async () => {
    const unsigned = await deadLetterAction({ request: new Request(`http://web.test${INTERNAL_PATHS.recordingDeadLetters}`, { method: "POST", body: "{}" }), context: context(), params: {} });
    expect(unsigned.status).toBe(401);
    const malformed = await handOver({ sessionId: "s", firstSeq: 0 });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.stringMatching(/firstSeq/) } });
  });
});
