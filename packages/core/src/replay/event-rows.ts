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

type RawEventRow = { group: number; seq: number; at: Date; type: string; actor: string; payload: unknown };

/**
 * For each of three groups of types, its newest `limit` events at or before `untilSeq`, oldest
 * first — in one round trip (a frame reads three such lists; separate queries cost it more
 * than everything else it does).
 */
export async function readNewestOfTypeGroups(db: Db, sessionId: string, groups: readonly [readonly string[], readonly string[], readonly string[]], untilSeq: number, limit: number): Promise<[RecordingEvent[], RecordingEvent[], RecordingEvent[]]> {
  const [a, b, c] = groups.map((types) => [...types]);
  const rows = await db.$queryRaw<RawEventRow[]>`
    (SELECT 0 AS "group", "seq", "at", "type", "actor", "payload" FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} AND "type" = ANY(${a}) AND "seq" <= ${untilSeq} ORDER BY "seq" DESC LIMIT ${limit})
    UNION ALL
    (SELECT 1 AS "group", "seq", "at", "type", "actor", "payload" FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} AND "type" = ANY(${b}) AND "seq" <= ${untilSeq} ORDER BY "seq" DESC LIMIT ${limit})
    UNION ALL
    (SELECT 2 AS "group", "seq", "at", "type", "actor", "payload" FROM "RecordingEvent" WHERE "sessionId" = ${sessionId} AND "type" = ANY(${c}) AND "seq" <= ${untilSeq} ORDER BY "seq" DESC LIMIT ${limit})`;
  const lists: [RecordingEvent[], RecordingEvent[], RecordingEvent[]] = [[], [], []];
  rows.sort((x, y) => x.seq - y.seq);
  for (const row of rows) lists[row.group as 0 | 1 | 2].push(decodeRecordingEvent(row as Parameters<typeof decodeRecordingEvent>[0]));
  return lists;
}
