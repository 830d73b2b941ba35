// Keyframes: the replay state written down every KEYFRAME_EVERY_EVENTS events or
// KEYFRAME_EVERY_MS of session time, so a seek folds at most that many events instead of the
// whole session (docs/decisions/0080). Built on first replay and extended on later ones, from
// the newest keyframe on; several replays of one session in this process share one build.
import type { Db } from "@interviewlm/db";
import { fromStoredJson, toStoredJson } from "@interviewlm/realtime";
import * as Y from "yjs";
import { readEventsAfter } from "./event-rows.ts";
import { watchFileEdits, type FileEdit } from "./file-edits.ts";
import { addToSideLists, ReplayState, type ReplaySideState, type SideLists } from "./replay-state.ts";

export const KEYFRAME_EVERY_EVENTS = 2000;
export const KEYFRAME_EVERY_MS = 60_000;
const BUILD_PAGE = 2000;

/**
 * What a keyframe row's `state` column holds since format 2: the side state, the files as plain
 * text, and — once the next keyframe exists — the plain-text edits up to it, so a frame needs
 * neither the document nor its decoding. Since format 3 a session's keyframes begin with one at
 * seq 0 — the state before the first event, at that event's time — whose edits cover the
 * interval before the first full keyframe, so a frame early in the session does not fold the
 * document from empty either; and every keyframe carries the newest conversation, notes and
 * signals up to it, so a frame reads only those recorded after it. Rows of an older format (format 1 held the side state alone;
 * format 2 had no keyframe at seq 0) are discarded and rebuilt (ensureKeyframes).
 */
const KEYFRAME_FORMAT = 3;
interface StoredState {
  format: typeof KEYFRAME_FORMAT;
  side: ReplaySideState;
  files: [path: string, content: string][];
  /** The edits of the events after this keyframe up to and including `editsUntil` (the next keyframe's seq). */
  edits?: FileEdit[];
  editsUntil?: number;
  /** The newest conversation, notes and signals up to this keyframe (SIDE_LIST_GROUPS): a frame adds those after it. */
  lists: SideLists;
}

export interface StoredKeyframe {
  seq: number;
  at: number;
  /** Absent when read for a frame (`withDocument: false`). */
  doc?: Uint8Array;
  terminal: string;
  side: ReplaySideState;
  /** Format 2 rows only. */
  files?: [path: string, content: string][];
  edits?: FileEdit[];
  editsUntil?: number;
  lists?: SideLists;
}

/** The newest keyframe at or before `seq` (and `at`, when given), or null. A frame reads it without the document. */
export async function nearestKeyframe(db: Db, sessionId: string, limit: { seq?: number; at?: number; withDocument?: boolean } = {}): Promise<StoredKeyframe | null> {
  const withDocument = limit.withDocument ?? true;
  const row = await db.replayKeyframe.findFirst({
    where: { sessionId, ...(limit.seq !== undefined ? { seq: { lte: limit.seq } } : {}), ...(limit.at !== undefined ? { at: { lte: new Date(limit.at) } } : {}) },
    orderBy: { seq: "desc" },
    select: { seq: true, at: true, doc: withDocument, terminal: true, state: true },
  });
  return row ? keyframeFromRow(row) : null;
}

/** A keyframe row as read (the document column only when it was selected). */
export function keyframeFromRow(row: { seq: number; at: Date; doc?: Uint8Array; terminal: Uint8Array; state: unknown }): StoredKeyframe {
  const stored = fromStoredJson(row.state) as unknown as StoredState | ReplaySideState;
  const current = "format" in stored && stored.format === KEYFRAME_FORMAT ? stored : null;
  return {
    seq: row.seq,
    at: row.at.getTime(),
    ...(row.doc ? { doc: row.doc } : {}),
    terminal: Buffer.from(row.terminal).toString("utf16le"),
    side: current ? current.side : (stored as ReplaySideState),
    ...(current ? { files: current.files, edits: current.edits, editsUntil: current.editsUntil, lists: current.lists } : {}),
  };
}

function storedState(side: ReplaySideState, files: [string, string][], lists: SideLists, edits?: { edits: FileEdit[]; until: number }): object {
  const state: StoredState = { format: KEYFRAME_FORMAT, side, files, lists, ...(edits ? { edits: edits.edits, editsUntil: edits.until } : {}) };
  return toStoredJson(state) as object;
}

function fileTexts(state: ReplayState): [string, string][] {
  return state.files().map(({ path, content }) => [path, content]);
}

async function saveKeyframe(db: Db, sessionId: string, state: ReplayState, files: [string, string][], lists: SideLists): Promise<void> {
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
        state: storedState(state.side, files, lists),
      },
    ],
    // Two replays building the same keyframe store it once.
    skipDuplicates: true,
  });
}

/** Writes the edits between a keyframe and the next one into the earlier keyframe's row. */
async function saveEdits(db: Db, sessionId: string, from: { seq: number; side: ReplaySideState; files: [string, string][]; lists: SideLists }, edits: FileEdit[], until: number): Promise<void> {
  // updateMany: a row deleted meanwhile (another process rebuilding an older format) is no error.
  await db.replayKeyframe.updateMany({
    where: { sessionId, seq: from.seq },
    data: { state: storedState(from.side, from.files, from.lists, { edits, until }) },
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
  let latest = await nearestKeyframe(db, sessionId);
  if (latest && (!latest.files || !latest.lists)) {
    // Written in an older format: rebuilt from the start (keyframes are derived data).
    await db.replayKeyframe.deleteMany({ where: { sessionId } });
    latest = null;
  }
  let lastKeyframe = latest ? { seq: latest.seq, at: latest.at } : { seq: 0, at: Number.NaN };
  // The keyframe whose row receives the edits made until the next one (none before the first).
  let previous = latest ? { seq: latest.seq, side: latest.side, files: latest.files!, lists: latest.lists! } : null;
  const lists: SideLists = latest?.lists ? structuredClone(latest.lists) : [[], [], []];
  let edits: FileEdit[] = [];
  let state: ReplayState | null = null;
  let unwatch = () => {};
  try {
    let cursor = lastKeyframe.seq;
    for (;;) {
      const events = await readEventsAfter(db, sessionId, cursor, BUILD_PAGE);
      if (events.length === 0) break;
      // Nothing new enough to deserve a keyframe: do not even restore the state.
      if (!state && events.length < KEYFRAME_EVERY_EVENTS && events.at(-1)!.at - (Number.isNaN(lastKeyframe.at) ? events[0]!.at : lastKeyframe.at) < KEYFRAME_EVERY_MS) break;
      if (!state) {
        const restored = latest ? await ReplayState.restore(latest) : ReplayState.empty();
        state = restored;
        unwatch = watchFileEdits(restored.doc, () => restored.seq, (edit) => edits.push(edit));
        if (!latest) {
          // The keyframe at seq 0 (format 3): the empty state, which receives the edits made
          // before the first full keyframe.
          restored.at = events[0]!.at;
          await saveKeyframe(db, sessionId, restored, [], lists);
          lastKeyframe = { seq: 0, at: restored.at };
          previous = { seq: 0, side: structuredClone(restored.side), files: [], lists: structuredClone(lists) };
        }
      }
      let gap = false;
      for (const event of events) {
        if (event.seq !== state.seq + 1) {
          gap = true;
          break;
        }
        state.apply(event);
        addToSideLists(lists, event);
        if (Number.isNaN(lastKeyframe.at)) lastKeyframe.at = event.at;
        const due = state.seq - lastKeyframe.seq >= KEYFRAME_EVERY_EVENTS || state.at - lastKeyframe.at >= KEYFRAME_EVERY_MS;
        if (due && (await state.settled(), state.terminal.atBoundary())) {
          if (previous) await saveEdits(db, sessionId, previous, edits, state.seq);
          const files = fileTexts(state);
          await saveKeyframe(db, sessionId, state, files, lists);
          lastKeyframe = { seq: state.seq, at: state.at };
          previous = { seq: state.seq, side: structuredClone(state.side), files, lists: structuredClone(lists) };
          edits = [];
        }
      }
      if (gap || events.length < BUILD_PAGE) break;
      cursor = events.at(-1)!.seq;
    }
  } finally {
    unwatch();
    state?.dispose();
  }
  return lastKeyframe.seq;
}
