import * as questions from "@interviewlm/core/questions";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

// The question bank as interviewers browse it. `get` carries hidden tests and the reference
// solution, so it is only for members of the organisation — never for candidates.
const read = orgProcedure("assessments:read");

export const questionsRouter = {
  list: read.input(questions.ListQuestionsInput).query(({ ctx, input }) => questions.listQuestions(ctx.deps.db, ctx.actor, input)),

  /** Topics in use, for the list's filter. */
  topics: read.query(({ ctx }) => questions.listQuestionTopics(ctx.deps.db, ctx.actor)),

  get: read.input(questions.QuestionIdInput).query(({ ctx, input }) => questions.getQuestion(ctx.deps.db, ctx.actor, input.id)),
} satisfies TRPCRouterRecord;
