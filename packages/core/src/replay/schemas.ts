import { z } from "zod";
import { REPLAY_TRACKS } from "./tracks.ts";

const SessionId = z.string().trim().min(1, "Missing session id.").max(64);
/** Milliseconds from the start of the replay's timeline (ReplaySummary.originAt). */
const Offset = z.number().int("Time must be whole milliseconds.").min(0, "Time cannot be before the start.").max(7 * 24 * 3_600_000, "Time is beyond any interview.");

export const ReplaySessionInput = z.object({ sessionId: SessionId });

export const ReplayFrameInput = z.object({ sessionId: SessionId, t: Offset });

export const ReplayEventsInput = z.object({
  sessionId: SessionId,
  /** Only events after this seq (the previous page's `nextAfterSeq`). */
  afterSeq: z.number().int().min(0).optional(),
  /** The same as afterSeq, under the name React Query's infinite lists use. */
  cursor: z.number().int().min(0).nullish(),
  /** Only events at or after this time. */
  fromT: Offset.optional(),
  tracks: z.array(z.enum(REPLAY_TRACKS)).max(REPLAY_TRACKS.length).optional(),
  /** Case-insensitive text the event must contain (terminal text, AI prompts, file and test names, notes). */
  query: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type ReplayEventsInput = z.input<typeof ReplayEventsInput>;
