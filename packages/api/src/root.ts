import { assessmentsRouter } from "./routers/assessments.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { billingRouter } from "./routers/billing.ts";
import { candidatesRouter } from "./routers/candidates.ts";
import { comparisonRouter } from "./routers/comparison.ts";
import { dashboardRouter } from "./routers/dashboard.ts";
import { dataExportRouter } from "./routers/data-export.ts";
import { erasureRouter } from "./routers/erasure.ts";
import { decisionsRouter } from "./routers/decisions.ts";
import { evaluationsRouter } from "./routers/evaluations.ts";
import { interviewRouter } from "./routers/interview.ts";
import { liveRouter } from "./routers/live.ts";
import { membersRouter } from "./routers/members.ts";
import { organizationRouter } from "./routers/organization.ts";
import { platformRouter } from "./routers/platform.ts";
import { portalRouter } from "./routers/portal.ts";
import { questionGenerationRouter } from "./routers/question-generation.ts";
import { questionsRouter } from "./routers/questions.ts";
import { replayRouter } from "./routers/replay.ts";
import { reportSharesRouter } from "./routers/report-shares.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  organization: organizationRouter,
  assessments: assessmentsRouter,
  members: membersRouter,
  candidates: candidatesRouter,
  portal: portalRouter,
  dashboard: dashboardRouter,
  interview: interviewRouter,
  live: liveRouter,
  platform: platformRouter,
  questions: questionsRouter,
  questionGeneration: questionGenerationRouter,
  billing: billingRouter,
  replay: replayRouter,
  evaluations: evaluationsRouter,
  decisions: decisionsRouter,
  audit: auditRouter,
  dataExport: dataExportRouter,
  reportShares: reportSharesRouter,
  comparison: comparisonRouter,
  erasure: erasureRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
