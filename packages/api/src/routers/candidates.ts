import * as candidates from "@interviewlm/core/candidates";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

const read = orgProcedure("candidates:read");
const invite = orgProcedure("candidates:invite");

export const candidatesRouter = {
  list: read.input(candidates.ListCandidatesInput).query(({ ctx, input }) => candidates.listCandidates(ctx.deps, ctx.actor, input)),

  get: read.input(candidates.CandidateIdInput).query(({ ctx, input }) => candidates.getCandidate(ctx.deps, ctx.actor, input.candidateId)),

  /** The candidate's AI assistant use in their session: model calls, tokens, cost (ADR 0074). */
  aiUsage: read.input(candidates.CandidateIdInput).query(({ ctx, input }) => candidates.getCandidateAiUsage(ctx.deps, ctx.actor, input.candidateId)),

  counts: read.input(candidates.CandidateCountsInput).query(({ ctx, input }) =>
    candidates.countCandidatesByStatus(ctx.deps.db, ctx.actor, input),
  ),

  invite: invite.input(candidates.InviteCandidateInput).mutation(({ ctx, input }) => candidates.inviteCandidate(ctx.deps, ctx.actor, input)),

  /** CSV text (the web form reads an uploaded file into it); answers with a report per row. */
  inviteBulk: invite.input(candidates.InviteCandidatesBulkInput).mutation(({ ctx, input }) =>
    candidates.inviteCandidatesBulk(ctx.deps, ctx.actor, input),
  ),

  resend: invite.input(candidates.ResendInvitationInput).mutation(({ ctx, input }) => candidates.resendInvitation(ctx.deps, ctx.actor, input)),

  remind: invite.input(candidates.CandidateIdInput).mutation(({ ctx, input }) => candidates.remindCandidate(ctx.deps, ctx.actor, input)),

  revoke: invite.input(candidates.CandidateIdInput).mutation(({ ctx, input }) => candidates.revokeInvitation(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;
