import { ReplayEventsInput, ReplayFrameInput, ReplaySessionInput, replayEvents, replayFrame, replaySummary, terminalCommands, replaySessionOfCandidate, probeAt, ProbeTerminalInput, probeTerminalKeys, probeTerminalTicket } from "@interviewlm/core/replay";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc.ts";

// Reviewing a recording is watching the interview after the fact: every role that may watch
// live (viewers included) may replay. Another organisation's session is NOT_FOUND.
export const replayRouter = {
  /** Timeline of a session: duration, counts, activity and markers; builds missing keyframes. */
  summary: orgProcedure("sessions:watch").input(ReplaySessionInput).query(({ ctx, input }) => replaySummary(ctx.deps.db, ctx.actor, input.sessionId)),

  /** Every panel at time t (ms from the timeline's start). */
  frame: orgProcedure("sessions:watch").input(ReplayFrameInput).query(({ ctx, input }) => replayFrame(ctx.deps.db, ctx.actor, input)),

  /** One page of the events list: typed, filterable by track, searchable. */
  events: orgProcedure("sessions:watch").input(ReplayEventsInput).query(({ ctx, input }) => replayEvents(ctx.deps.db, ctx.actor, input)),

  /** The lines entered in the terminal, for the events list and its search. */
  commands: orgProcedure("sessions:watch").input(ReplaySessionInput).query(({ ctx, input }) => terminalCommands(ctx.deps.db, ctx.actor, input.sessionId)),

  /** "Open a sandbox at this moment": the files at t in a new workspace of the reviewer's, visible and hidden tests run; audited. */
  probe: orgProcedure("evaluations:override")
    .input(ReplayFrameInput)
    .mutation(({ ctx, input }) => probeAt({ db: ctx.deps.db, sandbox: ctx.deps.sandbox }, ctx.actor, input)),

  /** A one-minute ticket for the terminal of a probe workspace the caller opened (apps/web/server/probe-terminal-route.ts bridges it). */
  probeTerminal: orgProcedure("evaluations:override")
    .input(ProbeTerminalInput)
    .mutation(({ ctx, input }) => probeTerminalTicket({ db: ctx.deps.db, keys: probeTerminalKeys(ctx.deps) }, ctx.actor, input)),

  /** The candidate's session, for the link to its replay (null before they start). */
  forCandidate: orgProcedure("sessions:watch")
    .input(z.object({ candidateId: z.string().trim().min(1, "Missing candidate id.").max(64) }))
    .query(({ ctx, input }) => replaySessionOfCandidate(ctx.deps.db, ctx.actor, input.candidateId)),
} satisfies TRPCRouterRecord;
