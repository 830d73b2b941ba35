// The session recording: semantic events with a per-session sequence number, buffered by
// the room and ingested by the web app idempotently on (sessionId, seq).
import { z } from "zod";

export const RECORDING_EVENT_TYPES = [
  "yjs.update", // payload { update: base64 } — the editor document
  "file.sync", // payload { path, kind: created|modified|deleted, origin: editor|sandbox }
  "terminal.output", // payload { data } — coalesced chunks
  "terminal.input", // payload { data }
  "terminal.resize", // payload { cols, rows }
  "tests.started", // payload { runId, questionPosition }
  "tests.finished", // payload { runId, status, totals, durationMs, tests: [{name, status, durationMs}] }
  "question.changed", // payload { position, questionId, title }
  "presence.joined", // payload { connectionId, role, userId, name }
  "presence.left", // payload { connectionId, role, userId, name }
  "signal.paste", // payload { path, length, lines }
  "signal.focus", // payload { state }
  "note.added", // payload { id, authorId, authorName, text }
  "session.finished", // payload { reason: candidate|timeout }
  "agent.message", // payload { role, text, tokens?, latencyMs? }
  "agent.tool", // payload { tool, input, output?, durationMs? }
] as const;
export const RecordingEventTypeSchema = z.enum(RECORDING_EVENT_TYPES);
export type RecordingEventType = z.infer<typeof RecordingEventTypeSchema>;

export const RecordingEventSchema = z.object({
  /** 1, 2, 3… per session, assigned by the room, never reused. */
  seq: z.number().int().positive(),
  /** Milliseconds since the epoch, room clock. */
  at: z.number().int().nonnegative(),
  type: RecordingEventTypeSchema,
  /** "candidate:<id>", "reviewer:<userId>", "room" or "agent". */
  actor: z.string().max(120),
  payload: z.record(z.string(), z.unknown()),
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
