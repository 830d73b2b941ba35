// Reading recorded events for the replay: always a bounded page, always decoded through the
// recording's one way back (decodeRecordingEvent, docs/decisions/0060). Callers have already
// checked that the session belongs to the caller's organisation.
import type { Db } from "@interviewlm/db";
import { decodeRecordingEvent, type RecordingEvent } from "@interviewlm/realtime";

const EVENT_SELECT = { seq: true, at: true, type: true, actor: true, payload: true } as const;

/** Events after `afterSeq` in seq order, at most `limit`, optionally none later than `untilAt`. */
export async function readEventsAfter(db: Db, sessionId: string, afterSeq: number, limit: number, untilAt?: number): Promise<RecordingEvent[]> {
  const rows = await db.recordingEvent.findMany({
    where: { sessionId, seq: { gt: afterSeq }, ...(untilAt !== undefined ? { at: { lte: new Date(untilAt) } } : {}) },
    orderBy: { seq: "asc" },
    take: limit,
    select: EVENT_SELECT,
  });
  return rows.map(decodeRecordingEvent);
}

/** Events of the given types in (afterSeq, untilSeq], oldest first, at most `limit`. */
export async function readEventsOfTypes(db: Db, sessionId: string, types: readonly string[], range: { afterSeq?: number; untilSeq?: number; limit: number; newestFirst?: boolean }): Promise<RecordingEvent[]> {
  const rows = await db.recordingEvent.findMany({
    where: { sessionId, type: { in: [...types] }, seq: { gt: range.afterSeq ?? 0, ...(range.untilSeq !== undefined ? { lte: range.untilSeq } : {}) } },
    orderBy: { seq: range.newestFirst ? "desc" : "asc" },
    take: range.limit,
    select: EVENT_SELECT,
  });
  const events = rows.map(decodeRecordingEvent);
  return range.newestFirst ? events.reverse() : events;
}
