import * as erasure from "@interviewlm/core/data-protection/erase";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

const remove = orgProcedure("data:delete");

/** Erasing candidates, the retention dry run, and deleting the organisation (docs/decisions/0170). */
export const erasureRouter = {
  /** Erases one candidate everywhere; `pending` when a store is unreachable (the job retries). */
  candidate: remove.input(erasure.EraseCandidateInput).mutation(({ ctx, input }) => erasure.eraseCandidate(ctx.deps, ctx.actor, input)),

  /** The dry run: who the retention job would erase now. A mutation because it is audited. */
  retentionPreview: remove.input(erasure.RetentionPreviewInput).mutation(({ ctx, input }) => erasure.previewRetention(ctx.deps, ctx.actor, input)),

  deleteOrganization: orgProcedure("org:delete").input(erasure.DeleteOrganizationInput).mutation(({ ctx, input }) => erasure.deleteOrganization(ctx.deps, ctx.actor, input)),
} satisfies TRPCRouterRecord;
