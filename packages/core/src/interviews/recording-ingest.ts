import type { Db } from "@interviewlm/db";
import { decodeRecordingEvent, toStoredJson, type IngestBatch, type IngestResponse, type RecordingEvent } from "@interviewlm/realtime";
import { badRequest, notFound } from "../shared/errors.ts";

/**
 * Stores a batch of recorded events. Idempotent on (sessionId, seq): a batch retried after
 * a timeout or a room restart inserts only what is missing, so nothing is lost or doubled.
 *
 * One statement for the whole batch: the events travel as a single JSON parameter and are
 * unpacked by jsonb_to_recordset, which is several times faster than a multi-row INSERT
 * with one bind parameter per column per row (see bench/room). Payload strings jsonb cannot
 * hold (NUL, lone surrogates) are encoded first (recording-codec), never dropped.
 *
 * A batch the database refuses for its content (a data exception or a program limit, e.g. a
 * payload nested too deeply) is a BAD_REQUEST: retrying it cannot help, so the room sets it
 * aside instead of retrying it forever. Anything else stays an internal error, retried.
 */
export async function ingestRecording(db: Db, batch: IngestBatch): Promise<IngestResponse> {
  const events = JSON.stringify(
    batch.events.map((event) => {
      const payload = toStoredJson(event.payload);
      return payload === event.payload ? event : { ...event, payload };
    }),
  );
  let inserted: number;
  try {
    inserted = await db.$executeRaw`
      INSERT INTO "RecordingEvent" ("sessionId", "seq", "at", "type", "actor", "payload")
      SELECT ${batch.sessionId}, e.seq, to_timestamp(e.at / 1000.0) AT TIME ZONE 'UTC', e.type, e.actor, e.payload
      FROM jsonb_to_recordset(${events}::jsonb) AS e(seq integer, at bigint, type text, actor text, payload jsonb)
      ON CONFLICT ("sessionId", "seq") DO NOTHING`;
  } catch (error) {
    const sqlState = sqlStateOf(error);
    if (sqlState && (sqlState.startsWith("22") || sqlState.startsWith("54"))) {
      throw badRequest(`The database cannot store events ${batch.events[0]!.seq}–${batch.events.at(-1)!.seq} of session ${batch.sessionId} (SQLSTATE ${sqlState}).`);
    }
    // The foreign key refuses events of an unknown session; checked only on this rare path
    // so the common one is a single statement.
    const session = await db.interviewSession.findUnique({ where: { id: batch.sessionId }, select: { id: true } });
    if (!session) throw notFound("Interview session", batch.sessionId);
    throw error;
  }
  return { inserted, duplicates: batch.events.length - inserted };
}

/** The SQLSTATE of a failed raw query, as Prisma's driver adapters report it. */
function sqlStateOf(error: unknown): string | null {
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta?.driverAdapterError?.cause;
  return typeof cause?.originalCode === "string" ? cause.originalCode : null;
}

/**
 * A session's recording in seq order, each event exactly as the room recorded it — the one
 * way the replay reads events. Scoped to the caller's organisation: another organisation's
 * session is NOT_FOUND.
 */
export async function readRecordingEvents(
  db: Db,
  scope: { organizationId: string; sessionId: string },
  range: { afterSeq?: number; limit?: number } = {},
): Promise<RecordingEvent[]> {
  const session = await db.interviewSession.findFirst({ where: { id: scope.sessionId, organizationId: scope.organizationId }, select: { id: true } });
  if (!session) throw notFound("Interview session", scope.sessionId);
  const rows = await db.recordingEvent.findMany({
    where: { sessionId: session.id, seq: { gt: range.afterSeq ?? 0 } },
    orderBy: { seq: "asc" },
    take: range.limit ?? 1000,
    select: { seq: true, at: true, type: true, actor: true, payload: true },
  });
  return rows.map(decodeRecordingEvent);
}
