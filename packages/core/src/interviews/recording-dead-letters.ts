// The recording's dead letters: events the ingest refused for good, set aside by the room so
// the events behind them keep flowing (docs/decisions/0060). The room hands them over with the exact request body the
// ingest refused; an operator lists them and retries them once the cause is fixed
// (`npm run recording:dead-letters`). Retrying goes through the same ingest, which is idempotent,
// so a retry can never double an event.
import type { Db, Prisma } from "@interviewlm/db";
import { IngestBatchSchema, isStorableText, type RecordingDeadLetterRequest } from "@interviewlm/realtime";
import { notFound } from "../shared/errors.ts";
import { ingestRecording } from "./recording-ingest.ts";

export interface RecordingDeadLetterSummary {
  id: string;
  sessionId: string;
  firstSeq: number;
  lastSeq: number;
  events: number;
  status: number;
  reason: string;
  bytes: number;
  createdAt: Date;
  retriedAt: Date | null;
  retryError: string | null;
  resolvedAt: Date | null;
}

/** Messages are for people: cut to a readable length and to text PostgreSQL can hold. */
function storableMessage(message: string): string {
  const text = message.slice(0, 2000);
  if (isStorableText(text)) return text;
  return text.replaceAll("\u0000", "\\0").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Keeps a refused batch. Idempotent on (sessionId, firstSeq, lastSeq): a room that retries the hand-over stores it once. */
export async function deadLetterRecording(db: Db, input: RecordingDeadLetterRequest): Promise<{ id: string }> {
  const key = { sessionId: input.sessionId, firstSeq: input.firstSeq, lastSeq: input.lastSeq };
  const body = Buffer.from(input.body, "utf8");
  const row = await db.recordingDeadLetter.upsert({
    where: { sessionId_firstSeq_lastSeq: key },
    create: { ...key, eventCount: input.events, status: input.status, reason: storableMessage(input.reason), body, bodyBytes: body.byteLength },
    update: {},
    select: { id: true },
  });
  return row;
}

const summarySelect = {
  id: true,
  sessionId: true,
  firstSeq: true,
  lastSeq: true,
  eventCount: true,
  status: true,
  reason: true,
  bodyBytes: true,
  createdAt: true,
  retriedAt: true,
  retryError: true,
  resolvedAt: true,
} satisfies Prisma.RecordingDeadLetterSelect;

function toSummary({ eventCount, bodyBytes, ...row }: Prisma.RecordingDeadLetterGetPayload<{ select: typeof summarySelect }>): RecordingDeadLetterSummary {
  return { ...row, events: eventCount, bytes: bodyBytes };
}

/** Oldest first; resolved ones only when asked. */
export async function listRecordingDeadLetters(db: Db, options: { includeResolved?: boolean } = {}): Promise<RecordingDeadLetterSummary[]> {
  const rows = await db.recordingDeadLetter.findMany({
    where: options.includeResolved ? {} : { resolvedAt: null },
    orderBy: { createdAt: "asc" },
    select: summarySelect,
  });
  return rows.map(toSummary);
}

/** The refused request body, byte for byte as the room sent it. */
export async function recordingDeadLetterBody(db: Db, id: string): Promise<string> {
  const row = await db.recordingDeadLetter.findUnique({ where: { id }, select: { body: true } });
  if (!row) throw notFound("Recording dead letter", id);
  return Buffer.from(row.body).toString("utf8");
}

export type RetryOutcome = { id: string; ok: true; inserted: number; duplicates: number } | { id: string; ok: false; error: string };

/** Sends a dead-lettered batch through the ingest again; marks it resolved when it is stored, or notes why not. */
export async function retryRecordingDeadLetter(db: Db, id: string): Promise<RetryOutcome> {
  const body = await recordingDeadLetterBody(db, id);
  let outcome: RetryOutcome;
  try {
    const batch = IngestBatchSchema.parse(JSON.parse(body));
    const result = await ingestRecording(db, batch);
    outcome = { id, ok: true, ...result };
  } catch (error) {
    outcome = { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const now = new Date();
  await db.recordingDeadLetter.update({
    where: { id },
    data: outcome.ok ? { retriedAt: now, retryError: null, resolvedAt: now } : { retriedAt: now, retryError: storableMessage(outcome.error) },
  });
  return outcome;
}
