import * as orgs from "@interviewlm/core/organizations";
import type { TRPCRouterRecord } from "@trpc/server";
import { authedProcedure, orgProcedure, publicProcedure } from "../trpc.ts";

export const membersRouter = {
  list: orgProcedure("members:read").query(({ ctx }) => orgs.listMembers(ctx.deps.db, ctx.actor)),

  changeRole: orgProcedure("members:update_role").input(orgs.ChangeRoleInput).mutation(({ ctx, input }) =>
    orgs.changeMemberRole(ctx.deps, ctx.actor, input),
  ),

  remove: orgProcedure("members:remove").input(orgs.MembershipIdInput).mutation(async ({ ctx, input }) => {
    await orgs.removeMember(ctx.deps, ctx.actor, input);
    return { ok: true as const };
  }),

  invitations: orgProcedure("members:read").query(({ ctx }) => orgs.listInvitations(ctx.deps, ctx.actor)),

  invite: orgProcedure("members:invite").input(orgs.InviteTeammateInput).mutation(({ ctx, input }) =>
    orgs.inviteTeammate(ctx.deps, ctx.actor, input),
  ),

  revokeInvitation: orgProcedure("members:invite").input(orgs.InvitationIdInput).mutation(async ({ ctx, input }) => {
    await orgs.revokeInvitation(ctx.deps, ctx.actor, input);
    return { ok: true as const };
  }),

  /** Public: what an invitation link is for, shown before signing in. */
  previewInvitation: publicProcedure.input(orgs.InvitationTokenInput).query(({ ctx, input }) =>
    orgs.previewInvitation(ctx.deps, input.token),
  ),

  acceptInvitation: authedProcedure.input(orgs.InvitationTokenInput).mutation(async ({ ctx, input }) => {
    const joined = await orgs.acceptInvitation(
      ctx.deps,
      { userId: ctx.auth.user.id, email: ctx.auth.user.email, ipAddress: ctx.meta.ipAddress },
      input.token,
    );
    await orgs.switchOrganization(ctx.deps.db, ctx.auth.session, joined.organizationId);
    return joined;
  }),
} satisfies TRPCRouterRecord;
