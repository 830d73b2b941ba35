import { DecisionSessionInput, RecordDecisionInput, recordDecision, reviewForSession } from "@interviewlm/core/decisions";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc.ts";

// The report's recommendation, the human decision and the reviewers' notes (docs/decisions/0141).
// Every role that may read reports reads them; deciding needs decisions:write. Another
// organisation's session is NOT_FOUND.
export const decisionsRouter = {
  /** Recommendation under the assessment's weights, the current decision with its history, reviewer notes. */
  forSession: orgProcedure("reports:read").input(DecisionSessionInput).query(({ ctx, input }) => reviewForSession(ctx.deps.db, ctx.actor, input.sessionId)),

  /** Advance / hold / reject with a reason; a new decision replaces the shown one, the old stays in the history; audited. */
  record: orgProcedure("decisions:write").input(RecordDecisionInput).mutation(({ ctx, input }) => recordDecision(ctx.deps.db, ctx.actor, input)),
} satisfies TRPCRouterRecord;
