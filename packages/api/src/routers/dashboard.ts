import { getDashboard } from "@interviewlm/core/dashboard";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

export const dashboardRouter = {
  summary: orgProcedure("candidates:read").query(({ ctx }) =>
    getDashboard(ctx.deps.db, ctx.actor, ctx.deps.now?.() ?? new Date()),
  ),
} satisfies TRPCRouterRecord;
