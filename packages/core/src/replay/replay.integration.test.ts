// The replay against a real database: seeking to T through keyframes gives exactly what
// playing every event from the start to T gives (files, terminal screen, panels), for many
// random T; unusual content survives; the last frame holds the session's final files; and
// another organisation's session does not exist for the caller.
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestRecording } from "../interviews/recording-ingest.ts";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { ensureKeyframes } from "./keyframes.ts";
import { replayEvents, replayFrame, replaySummary, terminalCommands } from "./read.ts";
import { createHeadlessTerminal } from "./headless-terminal.ts";
import { ReplayState, SIDE_LIST_GROUPS, SIDE_LIST_LIMIT, type ReplaySideState } from "./replay-state.ts";
import { readNewestOfTypeGroups } from "./event-rows.ts";
import { frameStateAt, stateAt, type FrameTerminal } from "./seek.ts";
import { syntheticSession, type SyntheticSession } from "./synthetic-session.ts";

let db: TestDatabase;
let acme: OrgActor;
let rival: OrgActor;
let sessionId: string;
let recorded: SyntheticSession;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const DURATION = 12 * 60_000;

async function organization(name: string, role: OrgActor["role"]): Promise<OrgActor> {
  const org = await db.prisma.organization.create({ data: { name, slug: name.toLowerCase() } });
  const user = await db.prisma.user.create({ data: { name, email: `${name.toLowerCase()}@replay.test`, emailVerifiedAt: new Date() } });
  return { userId: user.id, organizationId: org.id, role };
}

async function session(actor: OrgActor, events: SyntheticSession["events"]): Promise<string> {
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: actor.organizationId, title: "Backend", role: "Backend engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" },
  });
  const candidate = await db.prisma.candidate.create({
    data: { organizationId: actor.organizationId, assessmentId: assessment.id, name: "Cara", email: `cara${Math.random()}@replay.test`, inviteNonce: String(Math.random()), expiresAt: new Date(START + 86_400_000) },
  });
  const { id } = await db.prisma.interviewSession.create({
    data: { organizationId: actor.organizationId, assessmentId: assessment.id, candidateId: candidate.id, status: "COMPLETED", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + DURATION), completedAt: new Date(START + DURATION) },
  });
  for (let i = 0; i < events.length; i += 2000) await ingestRecording(db.prisma, { sessionId: id, events: events.slice(i, i + 2000) });
  return id;
}

interface Snapshot {
  seq: number;
  files: { path: string; content: string }[];
  screen: string;
  rendered: { rows: string[]; cursorX: number; cursorY: number };
  side: ReplaySideState;
}

async function snapshot(state: ReplayState): Promise<Snapshot> {
  return { seq: state.seq, files: state.files(), screen: await state.screen(), rendered: state.terminal.rendered(), side: structuredClone(state.side) };
}

/** A frame's terminal drawn as the browser draws it: its screen, then its writes (output or resize) in order. */
async function drawFrameTerminal(terminal: FrameTerminal): Promise<{ screen: string; rendered: Snapshot["rendered"] }> {
  const xterm = createHeadlessTerminal(terminal.start.cols, terminal.start.rows);
  try {
    xterm.write(terminal.screen);
    for (const write of terminal.writes) {
      if (typeof write === "string") xterm.write(write);
      else xterm.resize(write.cols, write.rows);
    }
    await xterm.settled();
    return { screen: xterm.serialize(), rendered: xterm.rendered() };
  } finally {
    xterm.dispose();
  }
}

/** Where two long texts first differ, shortly, so a failure does not print megabytes. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i} of ${a.length}/${b.length}: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))} vs ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await organization("Acme", "VIEWER");
  rival = await organization("Rival", "OWNER");
  recorded = syntheticSession({ events: 8000, durationMs: DURATION, seed: 7, startAt: START, unusual: true });
  sessionId = await session(acme, recorded.events);
}, 120_000);
afterAll(() => db?.close());

describe("replay keyframes and seek", () => {
  it("builds keyframes every N events or M seconds, and building again adds nothing", async () => {
    const newest = await ensureKeyframes(db.prisma, sessionId);
    const count = await db.prisma.replayKeyframe.count({ where: { sessionId } });
    expect(count).toBeGreaterThanOrEqual(8);
    expect(newest).toBeGreaterThan(recorded.events.length - 2000);
    expect(await ensureKeyframes(db.prisma, sessionId)).toBe(newest);
    expect(await db.prisma.replayKeyframe.count({ where: { sessionId } })).toBe(count);
  }, 120_000);

  it("seeking to T equals playing from the start to T, for many random T", async () => {
    await ensureKeyframes(db.prisma, sessionId);
    let s = 12345;
    const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
    const times = Array.from({ length: 30 }, () => START + Math.floor(rand() * DURATION * 1.05)).concat([START, START + DURATION * 2]).sort((a, b) => a - b);
    // Playing: one pass over every event, a snapshot whenever the next event is later than T.
    const played: Snapshot[] = [];
    const state = ReplayState.empty();
    let next = 0;
    for (const at of times) {
      while (next < recorded.events.length && recorded.events[next]!.at <= at) state.apply(recorded.events[next++]!);
      played.push(await snapshot(state));
    }
    state.dispose();
    // The candidate's cursor is part of what is compared, and it moves during the session.
    expect(new Set(played.map((p) => JSON.stringify((p.side as { cursor?: unknown }).cursor ?? null))).size).toBeGreaterThan(5);
    for (const [i, at] of times.entries()) {
      const sought = await stateAt(db.prisma, sessionId, at);
      const got = await snapshot(sought);
      sought.dispose();
      expect(got.seq, `seq at ${at - START} ms`).toBe(played[i]!.seq);
      expect(got.files, `files at ${at - START} ms`).toEqual(played[i]!.files);
      expect(firstDifference(got.rendered.rows.join("\n"), played[i]!.rendered.rows.join("\n")), `terminal rows at ${at - START} ms`).toBeNull();
      expect([got.rendered.cursorX, got.rendered.cursorY], `cursor at ${at - START} ms`).toEqual([played[i]!.rendered.cursorX, played[i]!.rendered.cursorY]);
      expect(got.side, `panels at ${at - START} ms`).toEqual(played[i]!.side);
      // A frame takes the files from the keyframe's plain texts and edits, without the
      // document, and leaves the terminal to the browser: its screen and writes, drawn here.
      // Both ways a frame is read: the one query of replayFrame, and frameStateAt.
      for (const [how, frame] of [
        ["frameStateAt", await frameStateAt(db.prisma, sessionId, at)],
        ["replayFrame", await replayFrame(db.prisma, acme, { sessionId, t: at - START })],
      ] as const) {
        const drawn = await drawFrameTerminal(frame.terminal);
        expect(frame.seq, `${how} seq at ${at - START} ms`).toBe(played[i]!.seq);
        expect(frame.files, `${how} files at ${at - START} ms`).toEqual(played[i]!.files);
        expect(firstDifference(drawn.rendered.rows.join("\n"), played[i]!.rendered.rows.join("\n")), `${how} terminal rows at ${at - START} ms`).toBeNull();
        expect([drawn.rendered.cursorX, drawn.rendered.cursorY], `${how} terminal cursor at ${at - START} ms`).toEqual([played[i]!.rendered.cursorX, played[i]!.rendered.cursorY]);
        expect(drawn.screen, `${how} screen at ${at - START} ms`).toBe(played[i]!.screen);
        if ("side" in frame) expect(frame.side, `frame panels at ${at - START} ms`).toEqual(played[i]!.side);
        else {
          expect([frame.terminal.cols, frame.terminal.rows, frame.cursor], `replayFrame panels at ${at - START} ms`).toEqual([played[i]!.side.cols, played[i]!.side.rows, played[i]!.side.cursor ?? null]);
          // The side lists: the keyframe's plus those after it, as the newest read by seq.
          const [conversation, notes, signals] = await readNewestOfTypeGroups(db.prisma, sessionId, SIDE_LIST_GROUPS, frame.seq, SIDE_LIST_LIMIT);
          expect([frame.conversation.map((e) => e.seq), frame.notes.map((e) => e.seq), frame.signals.map((e) => e.seq)], `replayFrame lists at ${at - START} ms`).toEqual([conversation.map((e) => e.seq), notes.map((e) => e.seq), signals.map((e) => e.seq)]);
        }
      }
    }
  }, 300_000);

  it("every keyframe but the newest carries its files as text and the edits up to the next one", async () => {
    await ensureKeyframes(db.prisma, sessionId);
    const rows = await db.prisma.replayKeyframe.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true, state: true } });
    // The first is the empty state before the first event, so minute 0 needs no document either.
    expect(rows[0]).toMatchObject({ seq: 0, state: { files: [] } });
    for (const [i, row] of rows.entries()) {
      const state = row.state as { format?: number; files?: unknown[]; edits?: unknown[]; editsUntil?: number };
      expect(state.format).toBe(3);
      expect(Array.isArray(state.files)).toBe(true);
      if (i < rows.length - 1) expect(state.editsUntil).toBe(rows[i + 1]!.seq);
      else expect(state.edits).toBeUndefined();
    }
  }, 60_000);

  it("keyframes written in the older format are discarded and rebuilt", async () => {
    const other = await session(acme, recorded.events.slice(0, 3000));
    await ensureKeyframes(db.prisma, other);
    // The format before plain texts: the side state alone in the state column.
    for (const row of await db.prisma.replayKeyframe.findMany({ where: { sessionId: other }, select: { seq: true, state: true } })) {
      await db.prisma.replayKeyframe.update({ where: { sessionId_seq: { sessionId: other, seq: row.seq } }, data: { state: (row.state as { side: object }).side } });
    }
    await ensureKeyframes(db.prisma, other);
    const rows = await db.prisma.replayKeyframe.findMany({ where: { sessionId: other }, select: { state: true } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => (row.state as { format?: number }).format === 3)).toBe(true);
    const frame = await replayFrame(db.prisma, acme, { sessionId: other, t: DURATION * 2 });
    const played = ReplayState.empty();
    for (const event of recorded.events.slice(0, 3000)) played.apply(event);
    expect(frame.files).toEqual(played.files());
    played.dispose();
  }, 120_000);

  it("the frame at the end holds the final files byte for byte, unusual content included", async () => {
    const frame = await replayFrame(db.prisma, acme, { sessionId, t: DURATION * 2 });
    expect(frame.files).toEqual(recorded.finalFiles);
    expect(frame.files.some((f) => f.content.includes("\u0000"))).toBe(true);
    expect(frame.files.some((f) => f.path.startsWith("renamed_"))).toBe(true);
    expect(frame.tests.latest?.status).toMatch(/passed|failed/);
    expect(frame.terminal.screen.length + frame.terminal.writes.length).toBeGreaterThan(0);
    // The conversation so far: its newest 100 messages, oldest first.
    const messages = recorded.events.filter((e) => e.type === "agent.message").slice(-100);
    expect(messages.length).toBeGreaterThan(0);
    expect(frame.conversation.map((m) => [m.seq, m.text])).toEqual(messages.map((e) => [e.seq, String(e.payload.text ?? "")]));
  }, 60_000);

  it("summarises the timeline and pages events, searchable, typed commands included", async () => {
    const summary = await replaySummary(db.prisma, acme, sessionId);
    expect(summary.durationMs).toBeGreaterThanOrEqual(DURATION);
    expect(summary.counts["yjs.update"]).toBe(recorded.events.filter((e) => e.type === "yjs.update").length);
    expect(summary.markers.some((m) => m.type === "tests.finished" && m.status)).toBe(true);
    expect(summary.activity.typing.reduce((a, b) => a + b, 0)).toBe(summary.counts["yjs.update"]);

    const first = await replayEvents(db.prisma, acme, { sessionId, limit: 50 });
    expect(first.events).toHaveLength(50);
    const second = await replayEvents(db.prisma, acme, { sessionId, limit: 50, afterSeq: first.nextAfterSeq! });
    expect(second.events[0]!.seq).toBeGreaterThan(first.events.at(-1)!.seq);

    const tests = await replayEvents(db.prisma, acme, { sessionId, tracks: ["tests"], limit: 500 });
    expect(tests.events.every((e) => e.track === "tests")).toBe(true);
    const found = await replayEvents(db.prisma, acme, { sessionId, query: "EMPTY CASE", limit: 5 });
    expect(found.events[0]!.label).toContain("empty case");

    const commands = await terminalCommands(db.prisma, acme, sessionId);
    expect(commands.map((c) => c.command)).toContain("pytest -q");
    expect(commands.map((c) => c.command)).toContain("echo hél");
  }, 60_000);

  it("another organisation's session is not found, and nothing is built for it", async () => {
    for (const call of [
      () => replaySummary(db.prisma, rival, sessionId),
      () => replayFrame(db.prisma, rival, { sessionId, t: 0 }),
      () => replayEvents(db.prisma, rival, { sessionId, limit: 10 }),
      () => terminalCommands(db.prisma, rival, sessionId),
    ]) {
      const error = await call().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("NOT_FOUND");
    }
  });

  it("a session without events replays as empty", async () => {
    const empty = await session(rival, []);
    const summary = await replaySummary(db.prisma, rival, empty);
    expect(summary.markers).toEqual([]);
    const frame = await replayFrame(db.prisma, rival, { sessionId: empty, t: 0 });
    expect(frame.files).toEqual([]);
    expect(frame.tests.latest).toBeNull();
  });
});
