import { EvaluationSessionInput, evaluationForSession, rerunEvaluation } from "@interviewlm/core/evaluation";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

// The evaluation of a finished session (docs/decisions/0140). Every role that may read reports
// reads it; asking for a re-run is overriding an evaluation. Another organisation's session is
// NOT_FOUND.
export const evaluationsRouter = {
  /** The latest evaluation: status, measured part, rubric (or why there is none), flags. Null before one is queued. */
  forSession: orgProcedure("reports:read").input(EvaluationSessionInput).query(({ ctx, input }) => evaluationForSession(ctx.deps.db, ctx.actor, input.sessionId)),

  /** Queues the evaluation again under the current evaluator version; audited. */
  rerun: orgProcedure("evaluations:override").input(EvaluationSessionInput).mutation(({ ctx, input }) => rerunEvaluation(ctx.deps.db, ctx.actor, input.sessionId)),
} satisfies TRPCRouterRecord;
