// Everything a frame reads, in one round trip: the session (checked against the caller's
// organisation in the query itself), the newest keyframe at or before T without its document,
// the events after it up to T that the side state folds (not the editor's updates: the
// keyframe's edits replace them; not keystrokes) with the conversation, notes and signals
// among them (the keyframe carries the newest before it), and the last seq up to T. Separate
// queries cost a frame more than everything else it does (docs/decisions/0080, "Measured").
// Another organisation's session yields no row at all.
import type { Db } from "@interviewlm/db";
import { decodeRecordingEvent, type RecordingEvent } from "@interviewlm/realtime";
import { keyframeFromRow, type StoredKeyframe } from "./keyframes.ts";
import { SIDE_LIST_TYPES, SIDE_STATE_TYPES } from "./replay-state.ts";
import { replaySessionFrom, type ReplaySession, type ReplaySessionRow } from "./replay-session.ts";

/** What a frame folds after a keyframe: the side state's events and the side lists' (the files come from the keyframe's edits). */
const FRAME_TYPES = [...SIDE_STATE_TYPES, ...SIDE_LIST_TYPES];

export interface FrameRead {
  session: ReplaySession;
  keyframe: StoredKeyframe | null;
  /**
   * The events after the keyframe up to T, in seq order: only those the side state folds
   * (SIDE_STATE_TYPES) — the files come from the keyframe's edits —, every one without a keyframe.
   */
  events: RecordingEvent[];
  /** The seq of the last event up to T (the keyframe's without events after it; 0 without either). */
  lastSeq: number;
  /** False when more events than `eventLimit` follow the keyframe up to T: `events` is then incomplete. */
  complete: boolean;
}

enum RowKind {
  Session = 0,
  Keyframe = 1,
  Event = 2,
}

interface FrameRow {
  kind: number;
  seq: number | null;
  at: Date | null;
  type: string | null;
  actor: string | null;
  /** Session: its fields as JSON; keyframe: the state column; event: its payload. */
  payload: unknown;
  /** Keyframe: the terminal column. */
  bytes: Uint8Array | null;
}

/** Null when the session does not exist in the organisation. `t` is ms from the session's origin (ReplaySession.originAt). */
export async function readFrame(db: Db, organizationId: string, sessionId: string, t: number, eventLimit: number): Promise<FrameRead | null> {
  // `until` is T as a timestamp: the origin is the session's start or its first event,
  // whichever came first (LEAST ignores a null first event), as replaySessionFrom computes it.
  const rows = await db.$queryRaw<FrameRow[]>`
    WITH sess AS (
      SELECT x."id", x."status"::text AS "status", x."startedAt", x."completedAt", x."candidateId", c."name" AS "candidateName", x."assessmentId", a."title" AS "assessmentTitle",
             (SELECT "at" FROM "RecordingEvent" WHERE "sessionId" = x."id" ORDER BY "seq" ASC LIMIT 1) AS "first",
             (SELECT "at" FROM "RecordingEvent" WHERE "sessionId" = x."id" ORDER BY "seq" DESC LIMIT 1) AS "last"
      FROM "InterviewSession" x JOIN "Candidate" c ON c."id" = x."candidateId" JOIN "Assessment" a ON a."id" = x."assessmentId"
      WHERE x."id" = ${sessionId} AND x."organizationId" = ${organizationId}
    ),
    upto AS (SELECT LEAST(sess."startedAt", sess."first") + ${t}::float8 * interval '1 millisecond' AS "until" FROM sess),
    kf AS (
      SELECT "seq", "at", "terminal", "state" FROM "ReplayKeyframe"
      WHERE "sessionId" = (SELECT "id" FROM sess) AND "at" <= (SELECT "until" FROM upto) ORDER BY "seq" DESC LIMIT 1
    ),
    after AS (
      SELECT "seq", "at", "type", "actor", "payload" FROM "RecordingEvent"
      WHERE "sessionId" = (SELECT "id" FROM sess) AND "seq" > COALESCE((SELECT "seq" FROM kf), 0) AND "at" <= (SELECT "until" FROM upto)
      ORDER BY "seq" LIMIT ${eventLimit + 1}
    ),
    span AS (SELECT max("seq") AS "seq", count(*) AS "n" FROM after),
    ev AS (SELECT * FROM after WHERE "type" = ANY(${FRAME_TYPES}) OR NOT EXISTS (SELECT 1 FROM kf)),
    last AS (SELECT COALESCE((SELECT "seq" FROM span), (SELECT "seq" FROM kf), 0) AS "seq")
    SELECT ${RowKind.Session}::int AS "kind", NULL::int AS "seq", NULL::timestamp(3) AS "at", NULL::text AS "type", NULL::text AS "actor",
           jsonb_build_object(
             'id', "id", 'status', "status", 'candidateId', "candidateId", 'candidateName', "candidateName", 'assessmentId', "assessmentId", 'assessmentTitle', "assessmentTitle",
             'startedAt', extract(epoch from "startedAt") * 1000, 'completedAt', extract(epoch from "completedAt") * 1000,
             'firstEventAt', extract(epoch from "first") * 1000, 'lastEventAt', extract(epoch from "last") * 1000,
             'frameSeq', (SELECT "seq" FROM last), 'frameEvents', (SELECT "n" FROM span)
           ) AS "payload", NULL::bytea AS "bytes" FROM sess
    UNION ALL SELECT ${RowKind.Keyframe}::int, "seq", "at", NULL, NULL, "state", "terminal" FROM kf
    UNION ALL SELECT ${RowKind.Event}::int, "seq", "at", "type", "actor", "payload", NULL FROM ev
    ORDER BY 1, 2`;

  const sessionRow = rows[0]?.kind === RowKind.Session ? (rows[0].payload as Record<string, unknown>) : null;
  if (!sessionRow) return null;
  let keyframe: StoredKeyframe | null = null;
  const events: RecordingEvent[] = [];
  for (const row of rows) {
    if (row.kind === RowKind.Keyframe) keyframe = keyframeFromRow({ seq: row.seq!, at: row.at!, terminal: row.bytes!, state: row.payload });
    else if (row.kind === RowKind.Event) events.push(decodeRecordingEvent(row as Parameters<typeof decodeRecordingEvent>[0]));
  }
  const complete = Number(sessionRow.frameEvents) <= eventLimit;
  return { session: replaySessionFrom(sessionFields(sessionRow)), keyframe, events: complete ? events : events.slice(0, eventLimit), lastSeq: Number(sessionRow.frameSeq), complete };
}

function sessionFields(json: Record<string, unknown>): ReplaySessionRow {
  const epoch = (value: unknown) => (value === null || value === undefined ? null : Math.round(Number(value)));
  return {
    id: String(json.id),
    status: String(json.status),
    startedAt: epoch(json.startedAt)!,
    completedAt: epoch(json.completedAt),
    candidateId: String(json.candidateId),
    candidateName: String(json.candidateName),
    assessmentId: String(json.assessmentId),
    assessmentTitle: String(json.assessmentTitle),
    firstEventAt: epoch(json.firstEventAt),
    lastEventAt: epoch(json.lastEventAt),
  };
}
