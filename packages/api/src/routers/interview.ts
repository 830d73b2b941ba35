import { getInterviewState, roomAccessForCandidate, startInterview, StartInterviewInput } from "@interviewlm/core/interviews";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { publicProcedure } from "../trpc.ts";

/** Candidate-facing: authorised by the signed invite link, never by a user session. */
export const interviewRouter = {
  start: publicProcedure.input(StartInterviewInput).mutation(({ ctx, input }) => startInterview(ctx.deps, input)),

  state: publicProcedure
    .input(z.object({ token: z.string().trim().min(10, "That link is incomplete.").max(2000) }))
    .query(({ ctx, input }) => getInterviewState(ctx.deps, input.token)),
  /** The candidate's short-lived pass into their room, and where the room is. */
  room: publicProcedure
    .input(z.object({ token: z.string().trim().min(10, "That link is incomplete.").max(2000) }))
    .mutation(async ({ ctx, input }) => ({
      ...(await roomAccessForCandidate(ctx.deps, ctx.deps.roomTokenSecret, input.token)),
      roomHost: ctx.deps.roomHost,
    })),
} satisfies TRPCRouterRecord;
