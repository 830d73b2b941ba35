import { CompareAssessmentInput, compareAssessmentCandidates } from "@interviewlm/core/evaluation";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

// Candidates of one assessment side by side, from their newest evaluations. Another
// organisation's assessment is NOT_FOUND.
export const comparisonRouter = {
  forAssessment: orgProcedure("reports:read").input(CompareAssessmentInput).query(({ ctx, input }) => compareAssessmentCandidates(ctx.deps.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
