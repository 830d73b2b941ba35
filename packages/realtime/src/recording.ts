// The session recording: semantic events with a per-session sequence number, buffered by
// the room and ingested by the web app idempotently on (sessionId, seq). Payload strings may
// hold anything (NUL, lone surrogates…): JSON carries them exactly, and recording-codec.ts
// stores them so. A batch the web app refuses for good is set aside as a dead letter so
// the events behind it keep flowing (docs/decisions/0060).
import { z } from "zod";

export const RECORDING_EVENT_TYPES = [
  "yjs.update", // payload { update: base64 } — the editor document
  "file.sync", // payload { path, kind: created|modified|deleted, origin: editor|sandbox }
  "terminal.output", // payload { data } — coalesced chunks of the text the sandbox's PTY stream delivers
  "terminal.input", // payload { data } — exactly what the candidate's terminal sent
  "terminal.resize", // payload { cols, rows }
  "terminal.truncated", // payload { limitChars } — the session's recording cap was reached: no terminal.output is recorded after it
  "tests.started", // payload { runId, questionPosition }
  "tests.finished", // payload { runId, status, totals, durationMs, tests: [{name, status, durationMs}] }
  "question.changed", // payload { position, questionId, title }
  "presence.joined", // payload { connectionId, role, userId, name }
  "presence.left", // payload { connectionId, role, userId, name }
  "signal.paste", // payload { path, length, lines }
  "signal.focus", // payload { state }
  "note.added", // payload { id, authorId, authorName, text }
  "session.finished", // payload { reason: candidate|timeout }
  "agent.message", // payload { turnId, role: candidate|assistant, text, outcome? } — candidate messages and each finished answer
  "agent.tool", // payload { turnId, toolId, tool, input, output, isError, durationMs, edit?: { path, diff, created } }
  "agent.usage", // payload { turnId, model, promptVersion, inputTokens, outputTokens, cacheCreationInputTokens, cacheReadInputTokens, timeToFirstTokenMs, totalMs, stopReason, costMicroUsd, retries }
  "agent.undo", // payload { toolId, path } — the candidate undid an agent edit
  "agent.reset", // payload { questionPosition } — a new question starts a fresh conversation
  "editor.cursor", // payload { path, anchor, head } — the candidate's selection (anchor = head: a caret) as UTF-16 offsets into the file's text at this point of the recording; throttled
] as const;
export const RecordingEventTypeSchema = z.enum(RECORDING_EVENT_TYPES);
export type RecordingEventType = z.infer<typeof RecordingEventTypeSchema>;

/** NUL or a UTF-16 surrogate without its partner: what PostgreSQL text and jsonb cannot hold. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `text` as it is (no NUL, no lone surrogate). */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * PostgreSQL parses jsonb recursively, and so does the storage encoding: a payload nested
 * deeper than this is refused up front with a clear message instead of failing deep inside.
 */
export const MAX_PAYLOAD_DEPTH = 64;

/** Recursion stops at `limit` levels, so checking a hostile payload cannot overflow the stack. */
function nestedWithin(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (limit === 0) return false;
  if (Array.isArray(value)) return value.every((item) => nestedWithin(item, limit - 1));
  for (const key in value) if (!nestedWithin((value as Record<string, unknown>)[key], limit - 1)) return false;
  return true;
}

/** PostgreSQL `integer`, the column seq is stored in. */
const MAX_SEQ = 2_147_483_647;
/** The latest instant a JavaScript Date can hold. */
const MAX_EPOCH_MS = 8_640_000_000_000_000;

export const RecordingSeqSchema = z.number().int().positive().max(MAX_SEQ);

export const RecordingEventSchema = z.object({
  /** 1, 2, 3… per session, assigned by the room, never reused. */
  seq: RecordingSeqSchema,
  /** Milliseconds since the epoch, room clock. */
  at: z.number().int().nonnegative().max(MAX_EPOCH_MS),
  type: RecordingEventTypeSchema,
  /** "candidate:<id>", "reviewer:<userId>", "room" or "agent" — an identifier, stored as plain text. */
  actor: z
    .string()
    .max(120)
    .refine(isStorableText, "must not contain NUL or a lone surrogate"),
  /** Any JSON object; every string in it is kept exactly. */
  payload: z
    .record(z.string(), z.unknown())
    .refine((payload) => nestedWithin(payload, MAX_PAYLOAD_DEPTH), `must not be nested more than ${MAX_PAYLOAD_DEPTH} levels deep`),
});
export type RecordingEvent = z.infer<typeof RecordingEventSchema>;

export const MAX_INGEST_BATCH_EVENTS = 2000;

export const IngestBatchSchema = z.object({
  sessionId: z.string().min(1).max(64),
  events: z.array(RecordingEventSchema).min(1).max(MAX_INGEST_BATCH_EVENTS),
});
export type IngestBatch = z.infer<typeof IngestBatchSchema>;

/** Every event of the batch is stored once it answers 2xx (duplicates are not stored twice). */
export const IngestResponseSchema = z.object({
  inserted: z.number().int(),
  duplicates: z.number().int(),
});
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

/**
 * Events the ingest refused for good (4xx), handed to the web app to keep aside: `body` is the
 * refused request body exactly as sent, whatever it holds. Idempotent on (sessionId, firstSeq, lastSeq).
 */
export const RecordingDeadLetterRequestSchema = z.object({
  sessionId: z.string().min(1).max(200),
  firstSeq: RecordingSeqSchema,
  lastSeq: RecordingSeqSchema,
  events: z.number().int().positive().max(MAX_INGEST_BATCH_EVENTS),
  /** The ingest's answer: HTTP status and what it said. */
  status: z.number().int().min(400).max(499),
  reason: z.string().max(2000),
  body: z.string().max(64 * 1024 * 1024),
});
export type RecordingDeadLetterRequest = z.infer<typeof RecordingDeadLetterRequestSchema>;

export const RecordingDeadLetterResponseSchema = z.object({ id: z.string() });
