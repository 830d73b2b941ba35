// Seek: the replay state at time T = the newest keyframe at or before T, then the events after
// it up to T, read a page at a time. Never folds from the start unless there is no keyframe.
// A frame (what the page shows) does not even decode the keyframe's document: it takes the
// keyframe's plain file texts and replays the plain-text edits stored with it (file-edits.ts).
import type { Db } from "@interviewlm/db";
import type { RecordingEvent } from "@interviewlm/realtime";
import { readEventsAfter } from "./event-rows.ts";
import { applyFileEdits, sortedFiles } from "./file-edits.ts";
import { KEYFRAME_EVERY_EVENTS, nearestKeyframe, type StoredKeyframe } from "./keyframes.ts";
import { addToSideLists, foldSideState, ReplayState, type ReplaySideState, type SideLists, type TerminalWrite } from "./replay-state.ts";

const SEEK_PAGE = 1000;

/** The state after every event recorded at or before `at` (epoch ms). The caller disposes it. */
export async function stateAt(db: Db, sessionId: string, at: number, options: { useKeyframes?: boolean } = {}): Promise<ReplayState> {
  const keyframe = options.useKeyframes === false ? null : await nearestKeyframe(db, sessionId, { at });
  return foldFrom(db, sessionId, at, keyframe);
}

async function foldFrom(db: Db, sessionId: string, at: number, keyframe: StoredKeyframe | null): Promise<ReplayState> {
  // The first page is read while the terminal is restored: the database and xterm overlap.
  const firstPage = readEventsAfter(db, sessionId, keyframe?.seq ?? 0, SEEK_PAGE, at);
  firstPage.catch(() => {}); // awaited below; a restore failing first must not leave it unhandled
  const state = keyframe ? await ReplayState.restore(keyframe) : ReplayState.empty();
  try {
    for (let events = await firstPage; ; events = await readEventsAfter(db, sessionId, state.seq, SEEK_PAGE, at)) {
      for (const event of events) state.apply(event);
      if (events.length < SEEK_PAGE) break;
    }
    await state.settled();
    return state;
  } catch (error) {
    state.dispose();
    throw error;
  }
}

/** Events a frame reads after its keyframe at most; more (a gap stopped the keyframes) and it folds page by page like a seek. */
export const FRAME_EVENT_LIMIT = 2 * KEYFRAME_EVERY_EVENTS;

/** The terminal of a frame: writing `screen` into an xterm of `start`'s size, then each of `writes` in order (output, or a resize), draws the terminal at T. */
export interface FrameTerminal {
  screen: string;
  start: { cols: number; rows: number };
  writes: Exclude<TerminalWrite, null>[];
}

/** What a frame shows at T, before the side lists: the last event folded, the side state, the files and the terminal. */
export interface FrameState {
  seq: number;
  side: ReplaySideState;
  files: { path: string; content: string }[];
  terminal: FrameTerminal;
  /** The newest conversation, notes and signals up to `seq`, when the frame's reads had them (not after a fold with the document). */
  lists?: SideLists;
}

/**
 * A frame from a keyframe read without its document and every event after it up to T: the
 * side state folded, the files from the keyframe's plain texts and edits, and the terminal as
 * the keyframe's serialized screen plus the output recorded after it — the browser's xterm
 * applies them, so the server restores no terminal. Null when the edits do not cover the last
 * event (the newest keyframe, whose edits are written once the next exists; an older format;
 * events recorded out of time order): then the document is needed. `events` may leave out
 * what the side state ignores (SIDE_STATE_TYPES); `lastSeq` is then the last event's seq.
 */
export function frameFromKeyframe(keyframe: StoredKeyframe, events: readonly RecordingEvent[], lastSeq = events.at(-1)?.seq ?? keyframe.seq): FrameState | null {
  const seq = lastSeq;
  if (!keyframe.files || !keyframe.edits || keyframe.editsUntil === undefined || !keyframe.lists || seq > keyframe.editsUntil) return null;
  const side = structuredClone(keyframe.side);
  const start = { cols: side.cols, rows: side.rows };
  const writes: FrameTerminal["writes"] = [];
  const lists = keyframe.lists.map((list) => [...list]) as SideLists;
  for (const event of events) {
    if (event.type === "yjs.update") continue;
    const write = foldSideState(side, event);
    if (write !== null) writes.push(write);
    addToSideLists(lists, event);
  }
  const files = new Map(keyframe.files);
  applyFileEdits(files, keyframe.edits, seq);
  return { seq, side, files: sortedFiles(files), terminal: { screen: keyframe.terminal, start, writes }, lists };
}

/** A folded state as a frame: its files, and its terminal serialized. Disposes the state. */
async function frameOfState(state: ReplayState, files?: { path: string; content: string }[]): Promise<FrameState> {
  try {
    const screen = await state.screen();
    return { seq: state.seq, side: state.side, files: files ?? state.files(), terminal: { screen, start: { cols: state.side.cols, rows: state.side.rows }, writes: [] } };
  } finally {
    state.dispose();
  }
}

/** Every event up to T folded from the start, document included: a session too short for keyframes. */
export async function frameFromStart(events: readonly RecordingEvent[]): Promise<FrameState> {
  const state = ReplayState.empty();
  const lists: SideLists = [[], [], []];
  try {
    for (const event of events) {
      state.apply(event);
      addToSideLists(lists, event);
    }
  } catch (error) {
    state.dispose();
    throw error;
  }
  return { ...(await frameOfState(state)), lists };
}

/**
 * The frame at `at`: from the keyframe's plain texts and edits when they cover every event up
 * to `at` (frameFromKeyframe); otherwise folded with the document like `stateAt`.
 */
export async function frameStateAt(db: Db, sessionId: string, at: number): Promise<FrameState> {
  const keyframe = await nearestKeyframe(db, sessionId, { at, withDocument: false });
  if (keyframe?.edits) {
    const events = await readEventsAfter(db, sessionId, keyframe.seq, FRAME_EVENT_LIMIT + 1, at);
    const framed = events.length <= FRAME_EVENT_LIMIT ? frameFromKeyframe(keyframe, events) : null;
    if (framed) return framed;
  }
  return frameOfState(await stateAt(db, sessionId, at));
}
