import * as billing from "@interviewlm/core/billing";
import * as platform from "@interviewlm/core/platform";
import type { TRPCRouterRecord } from "@trpc/server";
import { platformAdminProcedure } from "../trpc.ts";

export const platformRouter = {
  organizations: platformAdminProcedure.input(platform.PlatformSearchInput).query(({ ctx, input }) =>
    platform.listPlatformOrganizations(ctx.deps.db, input),
  ),
  users: platformAdminProcedure.input(platform.PlatformSearchInput).query(({ ctx, input }) => platform.listPlatformUsers(ctx.deps.db, input)),
  setAdmin: platformAdminProcedure.input(platform.SetPlatformAdminInput).mutation(({ ctx, input }) =>
    platform.setPlatformAdmin(ctx.deps.db, { userId: ctx.auth.user.id, ipAddress: ctx.meta.ipAddress }, input),
  ),
  /** Grants (positive) or removes (negative) credits with a reason; ledger + audit log. */
  adjustCredits: platformAdminProcedure.input(billing.AdjustCreditsInput).mutation(({ ctx, input }) =>
    billing.adjustCredits(ctx.deps, { userId: ctx.auth.user.id, ipAddress: ctx.meta.ipAddress }, input),
  ),
} satisfies TRPCRouterRecord;
