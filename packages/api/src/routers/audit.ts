import * as audit from "@interviewlm/core/audit";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

export const auditRouter = {
  /** The active organisation's audit trail (owners and admins), newest first. */
  list: orgProcedure("audit:read").input(audit.ListAuditInput).query(({ ctx, input }) => audit.listAuditLog(ctx.deps.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
