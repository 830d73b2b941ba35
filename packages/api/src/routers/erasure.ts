import * as erasure from "@interviewlm/core/data-protection/erase";
import type { TRPCRouterRecord } from "@trpc/server";
import { DataLinkInput } from "@interviewlm/core/data-protection/export";
import { orgProcedure, publicProcedure } from "../trpc.ts";

const remove = orgProcedure("data:delete");

/**
 * Erasing candidates, the retention dry run, and deleting the organisation (docs/decisions/0170).
 * The `request*` and `confirm*` procedures are the candidate's own request: public, authenticated
 * by the signed "Your data" link, then by the confirmation link mailed to the invited address.
 */
export const erasureRouter = {
  /** Erases one candidate everywhere; `pending` when a store is unreachable (the job retries). */
  candidate: remove.input(erasure.EraseCandidateInput).mutation(({ ctx, input }) => erasure.eraseCandidate(ctx.deps, ctx.actor, input)),

  /** The dry run: who the retention job would erase now. A mutation because it is audited. */
  retentionPreview: remove.input(erasure.RetentionPreviewInput).mutation(({ ctx, input }) => erasure.previewRetention(ctx.deps, ctx.actor, input)),

  /** "Erase now": the retention job's pass for the caller's organisation, at once; answers the run's counts (audited as retention.run). */
  runRetention: remove.mutation(({ ctx }) => erasure.runRetentionNow(ctx.deps, ctx.actor)),

  /** The "Your data" page's erasure part: whether it can be asked for now, and what would go. */
  requestView: publicProcedure.input(DataLinkInput).query(({ ctx, input }) => erasure.viewCandidateErasureRequest(ctx.deps, input.token)),
  /** The candidate asks: a confirmation link goes to their invited address (rate-limited). */
  request: publicProcedure.input(DataLinkInput).mutation(({ ctx, input }) => erasure.requestCandidateErasure(ctx.deps, { token: input.token, ipAddress: ctx.meta.ipAddress })),
  /** The confirmation page, before anything is erased. */
  confirmView: publicProcedure.input(DataLinkInput).query(({ ctx, input }) => erasure.viewCandidateErasureConfirm(ctx.deps, input.token)),
  /** The candidate confirms: the same erasure as a recruiter's, audited with the candidate as actor. */
  confirm: publicProcedure.input(DataLinkInput).mutation(({ ctx, input }) => erasure.confirmCandidateErasure(ctx.deps, { token: input.token, ipAddress: ctx.meta.ipAddress })),

  deleteOrganization: orgProcedure("org:delete").input(erasure.DeleteOrganizationInput).mutation(({ ctx, input }) => erasure.deleteOrganization(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;
