// What the replay page reads: the session's timeline summary, events a page at a time, the
// commands typed in the terminal, and the frame at time T. Scoped to the caller's
// organisation: another organisation's session is NOT_FOUND, never FORBIDDEN.
import type { Db } from "@interviewlm/db";
import { decodeRecordingEvent, type RecordingEventType } from "@interviewlm/realtime";
import type { OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { readEventsOfTypes, readNewestOfTypeGroups } from "./event-rows.ts";
import { ensureKeyframes } from "./keyframes.ts";
import type { ReplayCursor, ReplaySideState, ReplayTestRun } from "./replay-state.ts";
import type { ReplayEventsInput } from "./schemas.ts";
import { FRAME_EVENT_LIMIT, frameFromKeyframe, frameFromStart, frameStateAt, type FrameState, type FrameTerminal } from "./seek.ts";
import { readFrame } from "./frame-read.ts";
import { SIDE_LIST_GROUPS, SIDE_LIST_LIMIT } from "./replay-state.ts";
import { replaySessionFrom, type ReplaySession } from "./replay-session.ts";
import { DENSE_TYPES, eventLabel, MARKER_TYPES, REPLAY_TRACKS, TRACK_OF, typesOfTracks, type ReplayTrack } from "./tracks.ts";

export type { ReplaySession } from "./replay-session.ts";

export async function requireReplaySession(db: Db, actor: OrgActor, sessionId: string): Promise<ReplaySession> {
  requirePermission(actor, "sessions:watch");
  // The first and last event are read alongside, in one query; nothing of them is used or
  // answered unless the session is the caller's organisation's.
  const [session, span] = await Promise.all([
    db.interviewSession.findFirst({
      // An erased candidate's session (docs/decisions/0170) has no recording left to replay.
      where: { id: sessionId, organizationId: actor.organizationId, candidate: { erasureRequestedAt: null } },
      select: { id: true, status: true, startedAt: true, completedAt: true, candidate: { select: { id: true, name: true } }, assessment: { select: { id: true, title: true } } },
    }),
    db.$queryRaw<{ first: Date | null; last: Date | null }[]>`
      SELECT (SELECT "at" FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} ORDER BY "seq" ASC LIMIT 1) AS "first",
             (SELECT "at" FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} ORDER BY "seq" DESC LIMIT 1) AS "last"`,
  ]);
  const [{ first, last } = { first: null, last: null }] = span;
  if (!session) throw notFound("Interview session", sessionId);
  return replaySessionFrom({
    id: session.id,
    status: session.status,
    startedAt: session.startedAt.getTime(),
    completedAt: session.completedAt?.getTime() ?? null,
    candidateId: session.candidate.id,
    candidateName: session.candidate.name,
    assessmentId: session.assessment.id,
    assessmentTitle: session.assessment.title,
    firstEventAt: first?.getTime() ?? null,
    lastEventAt: last?.getTime() ?? null,
  });
}

export interface ReplayMarker {
  seq: number;
  t: number;
  type: RecordingEventType;
  track: ReplayTrack;
  label: string;
  /** tests.finished: passed / failed / error…; otherwise absent. */
  status?: string;
}

export interface ReplaySummary extends ReplaySession {
  counts: Partial<Record<RecordingEventType, number>>;
  bucketMs: number;
  /** Events per bucket for the dense tracks (typing, terminal). */
  activity: { typing: number[]; terminal: number[] };
  markers: ReplayMarker[];
  markersTruncated: boolean;
}

const BUCKETS = 240;
const MAX_MARKERS = 5000;

/** The timeline: duration, counts per type, activity of dense tracks and one marker per discrete event. Builds missing keyframes. */
export async function replaySummary(db: Db, actor: OrgActor, sessionId: string): Promise<ReplaySummary> {
  const session = await requireReplaySession(db, actor, sessionId);
  await ensureKeyframes(db, session.id);
  const bucketMs = Math.max(1000, Math.ceil(session.durationMs / BUCKETS));
  const [grouped, buckets, markerRows] = await Promise.all([
    db.recordingEvent.groupBy({ by: ["type"], where: { sessionId: session.id }, _count: { _all: true } }),
    db.$queryRaw<{ bucket: number; type: string; n: number }[]>`
      SELECT floor((extract(epoch from "at") * 1000 - ${session.originAt}) / ${bucketMs})::int AS bucket, "type", count(*)::int AS n
      FROM "RecordingEvent" WHERE "sessionId" = ${session.id} AND "type" = ANY(${[...DENSE_TYPES]})
      GROUP BY 1, 2`,
    readEventsOfTypes(db, session.id, MARKER_TYPES, { limit: MAX_MARKERS + 1 }),
  ]);
  const counts: ReplaySummary["counts"] = {};
  for (const row of grouped) counts[row.type as RecordingEventType] = row._count._all;
  const activity = { typing: new Array<number>(BUCKETS).fill(0), terminal: new Array<number>(BUCKETS).fill(0) };
  for (const row of buckets) {
    const i = Math.min(BUCKETS - 1, Math.max(0, row.bucket));
    activity[row.type === "yjs.update" ? "typing" : "terminal"][i]! += row.n;
  }
  const markers = markerRows.slice(0, MAX_MARKERS).map((event) => ({
    seq: event.seq,
    t: event.at - session.originAt,
    type: event.type,
    track: TRACK_OF[event.type],
    label: eventLabel(event),
    ...(event.type === "tests.finished" ? { status: String(event.payload.status ?? "unknown") } : {}),
  }));
  return { ...session, counts, bucketMs, activity, markers, markersTruncated: markerRows.length > MAX_MARKERS };
}

export interface ReplayEventItem {
  seq: number;
  t: number;
  type: RecordingEventType;
  track: ReplayTrack;
  actor: string;
  label: string;
}

/** Rows one call reads at most: a search over a long session answers in several pages. */
const SCAN_ROWS = 5000;

/** One page of the events list, oldest first; never the whole session. */
export async function replayEvents(db: Db, actor: OrgActor, input: ReplayEventsInput & { limit: number }): Promise<{ events: ReplayEventItem[]; nextAfterSeq: number | null }> {
  const session = await requireReplaySession(db, actor, input.sessionId);
  const afterSeq = input.afterSeq ?? input.cursor ?? 0;
  const needle = input.query?.trim().toLowerCase() || null;
  let types = input.tracks?.length ? typesOfTracks(input.tracks) : undefined;
  // Editor updates are binary (base64): their text never matches what a reviewer searches for.
  if (needle) types = (types ?? typesOfTracks(REPLAY_TRACKS)).filter((type) => type !== "yjs.update");
  const rows = await db.recordingEvent.findMany({
    where: {
      sessionId: session.id,
      seq: { gt: afterSeq },
      ...(types ? { type: { in: types } } : {}),
      ...(input.fromT !== undefined ? { at: { gte: new Date(session.originAt + input.fromT) } } : {}),
    },
    orderBy: { seq: "asc" },
    // A search filters after decoding (payload strings may be stored escaped), so it reads wider.
    take: needle ? SCAN_ROWS : input.limit + 1,
    select: { seq: true, at: true, type: true, actor: true, payload: true },
  });
  const items: ReplayEventItem[] = [];
  let scannedTo = afterSeq;
  for (const row of rows) {
    if (items.length === input.limit) return { events: items, nextAfterSeq: scannedTo };
    const event = decodeRecordingEvent(row);
    scannedTo = event.seq;
    const label = eventLabel(event);
    if (needle && !label.toLowerCase().includes(needle) && !JSON.stringify(event.payload).toLowerCase().includes(needle)) continue;
    items.push({ seq: event.seq, t: event.at - session.originAt, type: event.type, track: TRACK_OF[event.type], actor: event.actor, label });
  }
  const exhausted = needle ? rows.length < SCAN_ROWS : rows.length <= input.limit;
  return { events: items, nextAfterSeq: exhausted ? null : scannedTo };
}

export interface TerminalCommand {
  seq: number;
  t: number;
  command: string;
}

const MAX_INPUT_EVENTS = 50_000;

/**
 * The lines the candidate entered in the terminal, assembled from the keystrokes
 * (terminal.input arrives a key or a paste at a time): Enter ends a line, Backspace removes a
 * character, Ctrl-C and Ctrl-U drop the line. Searchable and jumpable like events.
 */
export async function terminalCommands(db: Db, actor: OrgActor, sessionId: string): Promise<TerminalCommand[]> {
  const session = await requireReplaySession(db, actor, sessionId);
  const inputs = await readEventsOfTypes(db, session.id, ["terminal.input"], { limit: MAX_INPUT_EVENTS });
  const commands: TerminalCommand[] = [];
  let line = "";
  for (const event of inputs) {
    const data = typeof event.payload.data === "string" ? event.payload.data : "";
    // Escape sequences (arrow keys, history) cannot be followed without the shell's state.
    // eslint-disable-next-line no-control-regex -- terminal escape sequences are what this removes
    for (const ch of data.replace(/\x1b(\[[0-?]*[ -/]*[@-~]|O.)/g, "")) {
      if (ch === "\r" || ch === "\n") {
        if (line.trim()) commands.push({ seq: event.seq, t: event.at - session.originAt, command: line.trim() });
        line = "";
      } else if (ch === "\u007f" || ch === "\b") line = line.slice(0, -1);
      else if (ch === "\u0003" || ch === "\u0015") line = "";
      else if (ch >= " ") line += ch;
    }
  }
  return commands;
}

export interface ReplayFrame {
  t: number;
  /** The last event included. */
  seq: number;
  files: { path: string; content: string }[];
  /**
   * The terminal at t: `screen` (a keyframe's, serialized at `start`'s size) then `writes` in
   * order — recorded output, or a resize — drawn by the browser's xterm; `cols` × `rows` is the
   * candidate's size at t.
   */
  terminal: FrameTerminal & { cols: number; rows: number; truncated: boolean };
  tests: { running: ReplaySideState["testsRunning"]; latest: (ReplayTestRun & { t: number }) | null };
  question: ReplaySideState["question"];
  /** Where the candidate's caret and selection were (offsets into that file's text in `files`), or null. */
  cursor: ReplayCursor | null;
  finished: boolean;
  conversation: { seq: number; t: number; role: string; text: string }[];
  notes: { seq: number; t: number; author: string; text: string }[];
  signals: { seq: number; t: number; label: string }[];
}


/**
 * Every panel at time t: files, terminal, tests, question, and the conversation, notes and
 * signals so far. One query reads all of it (frame-read.ts); only a frame its keyframe's edits
 * do not cover reads again, with the document.
 */
export async function replayFrame(db: Db, actor: OrgActor, input: { sessionId: string; t: number }): Promise<ReplayFrame> {
  requirePermission(actor, "sessions:watch");
  const read = await readFrame(db, actor.organizationId, input.sessionId, input.t, FRAME_EVENT_LIMIT);
  if (!read) throw notFound("Interview session", input.sessionId);
  const { session } = read;
  let framed: FrameState | null = null;
  if (read.complete) framed = read.keyframe ? frameFromKeyframe(read.keyframe, read.events, read.lastSeq) : await frameFromStart(read.events);
  framed ??= await frameStateAt(db, session.id, session.originAt + input.t);
  const { side, files } = framed;
  const [conversation, notes, signals] = framed.lists ?? (await readNewestOfTypeGroups(db, session.id, SIDE_LIST_GROUPS, framed.seq, SIDE_LIST_LIMIT));
  const t = (at: number) => at - session.originAt;
  const latest = side.latestTestRun;
  return {
    t: input.t,
    seq: framed.seq,
    files,
    terminal: { ...framed.terminal, cols: side.cols, rows: side.rows, truncated: side.terminalTruncated },
    tests: { running: side.testsRunning, latest: latest ? { ...latest, t: t(latest.at) } : null },
    question: side.question,
    cursor: side.cursor ?? null,
    finished: side.finished !== null,
    conversation: conversation.map((e) => ({ seq: e.seq, t: t(e.at), role: String(e.payload.role ?? ""), text: String(e.payload.text ?? "") })),
    notes: notes.map((e) => ({ seq: e.seq, t: t(e.at), author: String(e.payload.authorName ?? ""), text: String(e.payload.text ?? "") })),
    signals: signals.map((e) => ({ seq: e.seq, t: t(e.at), label: eventLabel(e) })),
  };
}

/** The session a candidate interviewed in, for the "Replay" link on their page; null before they start. */
export async function replaySessionOfCandidate(db: Db, actor: OrgActor, candidateId: string): Promise<{ sessionId: string; inProgress: boolean } | null> {
  requirePermission(actor, "sessions:watch");
  const session = await db.interviewSession.findFirst({ where: { candidateId, organizationId: actor.organizationId, candidate: { erasureRequestedAt: null } }, select: { id: true, status: true } });
  return session ? { sessionId: session.id, inProgress: session.status !== "COMPLETED" } : null;
}
