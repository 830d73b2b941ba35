import type { PrismaClient } from "@interviewlm/db";
import type { IngestBatch, IngestResponse } from "@interviewlm/realtime";
import { notFound } from "../shared/errors.ts";

/**
 * Stores a batch of recorded events. Idempotent on (sessionId, seq): a batch retried after
 * a timeout or a room restart inserts only what is missing, so nothing is lost or doubled.
 *
 * One statement for the whole batch: the events travel as a single JSON parameter and are
 * unpacked by jsonb_to_recordset, which is several times faster than a multi-row INSERT
 * with one bind parameter per column per row (see bench/room).
 */
export async function ingestRecording(prisma: PrismaClient, batch: IngestBatch): Promise<IngestResponse> {
  const events = JSON.stringify(batch.events);
  let inserted: number;
  try {
    inserted = await prisma.$executeRaw`
      INSERT INTO "RecordingEvent" ("sessionId", "seq", "at", "type", "actor", "payload")
      SELECT ${batch.sessionId}, e.seq, to_timestamp(e.at / 1000.0) AT TIME ZONE 'UTC', e.type, e.actor, e.payload
      FROM jsonb_to_recordset(${events}::jsonb) AS e(seq integer, at bigint, type text, actor text, payload jsonb)
      ON CONFLICT ("sessionId", "seq") DO NOTHING`;
  } catch (error) {
    // The foreign key refuses events of an unknown session; checked only on this rare path
    // so the common one is a single statement.
    const session = await prisma.interviewSession.findUnique({ where: { id: batch.sessionId }, select: { id: true } });
    if (!session) throw notFound("Interview session", batch.sessionId);
    throw error;
  }
  return { inserted, duplicates: batch.events.length - inserted };
}
