// Keyframes: the replay state written down every KEYFRAME_EVERY_EVENTS events or
// KEYFRAME_EVERY_MS of session time, so a seek folds at most that many events instead of the
// whole session (docs/decisions/0080). Built on first replay and extended on later ones, from
// the newest keyframe on; several replays of one session in this process share one build.
import type { Db } from "@interviewlm/db";
import { fromStoredJson, toStoredJson } from "@interviewlm/realtime";
import * as Y from "yjs";
import { readEventsAfter } from "./event-rows.ts";
import { ReplayState, type ReplaySideState } from "./replay-state.ts";

export const KEYFRAME_EVERY_EVENTS = 2000;
export const KEYFRAME_EVERY_MS = 60_000;
const BUILD_PAGE = 2000;

export interface StoredKeyframe {
  seq: number;
  at: number;
  doc: Uint8Array;
  terminal: string;
  side: ReplaySideState;
}

/** The newest keyframe at or before `seq` (and `at`, when given), or null. */
export async function nearestKeyframe(db: Db, sessionId: string, limit: { seq?: number; at?: number } = {}): Promise<StoredKeyframe | null> {
  const row = await db.replayKeyframe.findFirst({
    where: { sessionId, ...(limit.seq !== undefined ? { seq: { lte: limit.seq } } : {}), ...(limit.at !== undefined ? { at: { lte: new Date(limit.at) } } : {}) },
    orderBy: { seq: "desc" },
    select: { seq: true, at: true, doc: true, terminal: true, state: true },
  });
  if (!row) return null;
  return {
    seq: row.seq,
    at: row.at.getTime(),
    doc: row.doc,
    terminal: Buffer.from(row.terminal).toString("utf16le"),
    side: fromStoredJson(row.state) as unknown as ReplaySideState,
  };
}

async function saveKeyframe(db: Db, sessionId: string, state: ReplayState): Promise<void> {
  const terminal = await state.screen();
  await db.replayKeyframe.createMany({
    data: [
      {
        sessionId,
        seq: state.seq,
        at: new Date(state.at),
        doc: new Uint8Array(Y.encodeStateAsUpdate(state.doc)),
        // UTF-16LE keeps every code unit, lone surrogates included (UTF-8 would not).
        terminal: Buffer.from(terminal, "utf16le"),
        state: toStoredJson(state.side) as object,
      },
    ],
    // Two replays building the same keyframe store it once.
    skipDuplicates: true,
  });
}

const building = new Map<string, Promise<number>>();

/**
 * Makes sure keyframes cover the session up to its latest contiguous event; answers the seq
 * of the newest keyframe. Stops at a gap in seq (events still in a dead letter, docs/decisions/0060):
 * a keyframe past a gap would be wrong once the gap is filled, so seeks past it fold from the last
 * keyframe before it instead.
 */
export function ensureKeyframes(db: Db, sessionId: string): Promise<number> {
  let job = building.get(sessionId);
  if (!job) {
    job = buildKeyframes(db, sessionId).finally(() => building.delete(sessionId));
    building.set(sessionId, job);
  }
  return job;
}

async function buildKeyframes(db: Db, sessionId: string): Promise<number> {
  const latest = await nearestKeyframe(db, sessionId);
  let lastKeyframe = latest ? { seq: latest.seq, at: latest.at } : { seq: 0, at: Number.NaN };
  let state: ReplayState | null = null;
  try {
    let cursor = lastKeyframe.seq;
    for (;;) {
      const events = await readEventsAfter(db, sessionId, cursor, BUILD_PAGE);
      if (events.length === 0) break;
      // Nothing new enough to deserve a keyframe: do not even restore the state.
      if (!state && events.length < KEYFRAME_EVERY_EVENTS && events.at(-1)!.at - (Number.isNaN(lastKeyframe.at) ? events[0]!.at : lastKeyframe.at) < KEYFRAME_EVERY_MS) break;
      state ??= latest ? await ReplayState.restore(latest) : ReplayState.empty();
      let gap = false;
      for (const event of events) {
        if (event.seq !== state.seq + 1) {
          gap = true;
          break;
        }
        state.apply(event);
        if (Number.isNaN(lastKeyframe.at)) lastKeyframe.at = event.at;
        const due = state.seq - lastKeyframe.seq >= KEYFRAME_EVERY_EVENTS || state.at - lastKeyframe.at >= KEYFRAME_EVERY_MS;
        if (due && (await state.settled(), state.terminal.atBoundary())) {
          await saveKeyframe(db, sessionId, state);
          lastKeyframe = { seq: state.seq, at: state.at };
        }
      }
      if (gap || events.length < BUILD_PAGE) break;
      cursor = events.at(-1)!.seq;
    }
  } finally {
    state?.dispose();
  }
  return lastKeyframe.seq;
}
