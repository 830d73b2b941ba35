import { joinLiveSession, listLiveSessions } from "@interviewlm/core/interviews";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc.ts";

export const liveRouter = {
  /** Interviews in progress in the organisation ("Live now"). */
  list: orgProcedure("sessions:watch").query(({ ctx }) => listLiveSessions(ctx.deps.db, ctx.actor)),

  /** A short-lived reviewer pass into one session's room. */
  join: orgProcedure("sessions:watch")
    .input(z.object({ sessionId: z.string().trim().min(1, "Missing session id.").max(64) }))
    .mutation(async ({ ctx, input }) => {
      const joined = await joinLiveSession(ctx.deps.db, ctx.deps.roomTokenSecret, { ...ctx.actor, name: ctx.auth.user.name }, input.sessionId);
      return { ...joined, roomHost: ctx.deps.roomHost };
    }),
} satisfies TRPCRouterRecord;
