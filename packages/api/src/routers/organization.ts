import * as orgs from "@interviewlm/core/organizations";
import type { TRPCRouterRecord } from "@trpc/server";
import { authedProcedure, orgProcedure } from "../trpc.ts";

export const organizationRouter = {
  list: authedProcedure.query(({ ctx }) => orgs.listUserOrganizations(ctx.deps.db, ctx.auth.user.id)),

  current: orgProcedure("org:read").query(({ ctx }) => orgs.getOrganization(ctx.deps.db, ctx.actor)),

  create: authedProcedure.input(orgs.CreateOrganizationInput).mutation(async ({ ctx, input }) => {
    const organization = await orgs.createOrganization(ctx.deps, { userId: ctx.auth.user.id, ipAddress: ctx.meta.ipAddress }, input);
    await orgs.switchOrganization(ctx.deps.db, ctx.auth.session, organization.id);
    return organization;
  }),

  update: orgProcedure("org:update").input(orgs.UpdateOrganizationInput).mutation(({ ctx, input }) =>
    orgs.updateOrganization(ctx.deps, ctx.actor, input),
  ),

  switch: authedProcedure.input(orgs.SwitchOrganizationInput).mutation(({ ctx, input }) =>
    orgs.switchOrganization(ctx.deps.db, ctx.auth.session, input.organizationId),
  ),

  leave: orgProcedure("org:read").mutation(async ({ ctx }) => {
    await orgs.leaveOrganization(ctx.deps, ctx.actor);
    return { ok: true as const };
  }),
} satisfies TRPCRouterRecord;
