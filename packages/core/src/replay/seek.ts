// Seek: the replay state at time T = the newest keyframe at or before T, then the events after
// it up to T, read a page at a time. Never folds from the start unless there is no keyframe.
// A frame (what the page shows) does not even decode the keyframe's document: it takes the
// keyframe's plain file texts and replays the plain-text edits stored with it (file-edits.ts).
import type { Db } from "@interviewlm/db";
import { readEventsAfter } from "./event-rows.ts";
import { applyFileEdits, sortedFiles } from "./file-edits.ts";
import { nearestKeyframe, type StoredKeyframe } from "./keyframes.ts";
import { ReplayState } from "./replay-state.ts";

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

/**
 * The state at `at` for a frame, with the files as text. From the keyframe's plain texts and
 * edits when they cover every event up to `at`; otherwise (no keyframe yet, the newest keyframe
 * whose edits are not written until the next one exists, events recorded out of time order)
 * folded with the document like `stateAt`. The caller disposes the state.
 */
export async function frameStateAt(db: Db, sessionId: string, at: number): Promise<{ state: ReplayState; files: { path: string; content: string }[] }> {
  const keyframe = await nearestKeyframe(db, sessionId, { at, withDocument: false });
  if (keyframe?.files && keyframe.edits && keyframe.editsUntil !== undefined) {
    const state = await foldFrom(db, sessionId, at, keyframe);
    if (state.seq <= keyframe.editsUntil) {
      const files = new Map(keyframe.files);
      applyFileEdits(files, keyframe.edits, state.seq);
      return { state, files: sortedFiles(files) };
    }
    state.dispose();
  }
  const state = await stateAt(db, sessionId, at);
  return { state, files: state.files() };
}
