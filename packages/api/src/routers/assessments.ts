import * as assessments from "@interviewlm/core/assessments";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

const read = orgProcedure("assessments:read");
const write = orgProcedure("assessments:write");

export const assessmentsRouter = {
  list: read.input(assessments.ListAssessmentsInput).query(({ ctx, input }) =>
    assessments.listAssessments(ctx.deps.db, ctx.actor, input),
  ),

  get: read.input(assessments.AssessmentIdInput).query(({ ctx, input }) =>
    assessments.getAssessment(ctx.deps.db, ctx.actor, input.assessmentId),
  ),

  /** Static data, but behind the same guard: templates are part of the signed-in product. */
  templates: read.query(() => assessments.listTemplates()),

  preview: read.input(assessments.AssessmentIdInput).query(({ ctx, input }) =>
    assessments.getCandidatePreview(ctx.deps.db, ctx.actor, input.assessmentId),
  ),

  create: write.input(assessments.CreateAssessmentInput).mutation(({ ctx, input }) =>
    assessments.createAssessment(ctx.deps, ctx.actor, input),
  ),

  createFromTemplate: write.input(assessments.CreateFromTemplateInput).mutation(({ ctx, input }) =>
    assessments.createAssessmentFromTemplate(ctx.deps, ctx.actor, input),
  ),

  update: write.input(assessments.UpdateAssessmentInput).mutation(({ ctx, input }) =>
    assessments.updateAssessment(ctx.deps, ctx.actor, input),
  ),

  duplicate: write.input(assessments.AssessmentIdInput).mutation(({ ctx, input }) =>
    assessments.duplicateAssessment(ctx.deps, ctx.actor, input),
  ),

  archive: write.input(assessments.AssessmentIdInput).mutation(({ ctx, input }) =>
    assessments.archiveAssessment(ctx.deps, ctx.actor, input),
  ),

  restore: write.input(assessments.AssessmentIdInput).mutation(({ ctx, input }) =>
    assessments.restoreAssessment(ctx.deps, ctx.actor, input),
  ),
} satisfies TRPCRouterRecord;
