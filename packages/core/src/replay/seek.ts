// Seek: the replay state at time T = the newest keyframe at or before T, then the events after
// it up to T, read a page at a time. Never folds from the start unless there is no keyframe.
import type { Db } from "@interviewlm/db";
import { readEventsAfter } from "./event-rows.ts";
import { nearestKeyframe } from "./keyframes.ts";
import { ReplayState } from "./replay-state.ts";

const SEEK_PAGE = 1000;

/** The state after every event recorded at or before `at` (epoch ms). The caller disposes it. */
export async function stateAt(db: Db, sessionId: string, at: number, options: { useKeyframes?: boolean } = {}): Promise<ReplayState> {
  const keyframe = options.useKeyframes === false ? null : await nearestKeyframe(db, sessionId, { at });
  const state = keyframe ? await ReplayState.restore(keyframe) : ReplayState.empty();
  try {
    for (;;) {
      const events = await readEventsAfter(db, sessionId, state.seq, SEEK_PAGE, at);
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
