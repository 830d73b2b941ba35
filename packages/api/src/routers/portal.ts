// The candidate portal. No account and no session cookie: each procedure is public and
// authenticated by the signed invite token itself (verifyInviteToken in the service).
import * as candidates from "@interviewlm/core/candidates";
import { CandidateCodeCheckInput, checkCandidateCodeRuns } from "@interviewlm/core/interviews";
import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc.ts";

export const portalRouter = {
  /** What the portal shows; the first view marks the candidate OPENED. */
  view: publicProcedure.input(candidates.InviteTokenInput).query(({ ctx, input }) => candidates.getPortalView(ctx.deps, input.token)),
  /** The system check's sandbox line: a real test run for the interview's language(s). */
  codeCheck: publicProcedure.input(CandidateCodeCheckInput).query(({ ctx, input }) => checkCandidateCodeRuns(ctx.deps, input.token)),
} satisfies TRPCRouterRecord;
