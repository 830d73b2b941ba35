import type { Prisma, PrismaClient } from "@interviewlm/db";
import type { IngestBatch, IngestResponse } from "@interviewlm/realtime";
import { notFound } from "../shared/errors.ts";

/**
 * Stores a batch of recorded events. Idempotent on (sessionId, seq): a batch retried after
 * a timeout or a room restart inserts only what is missing, so nothing is lost or doubled.
 */
export async function ingestRecording(prisma: PrismaClient, batch: IngestBatch): Promise<IngestResponse> {
  const session = await prisma.interviewSession.findUnique({ where: { id: batch.sessionId }, select: { id: true } });
  if (!session) throw notFound("Interview session", batch.sessionId);
  const { count } = await prisma.recordingEvent.createMany({
    data: batch.events.map((event) => ({
      sessionId: batch.sessionId,
      seq: event.seq,
      at: new Date(event.at),
      type: event.type,
      actor: event.actor,
      payload: event.payload as Prisma.InputJsonObject,
    })),
    skipDuplicates: true,
  });
  return { inserted: count, duplicates: batch.events.length - count };
}
