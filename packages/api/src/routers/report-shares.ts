import type { ApiDeps } from "../context.ts";
import {
  CreateReportShareInput,
  ListReportSharesInput,
  ReportShareTokenInput,
  RevokeReportShareInput,
  createReportShare,
  listActiveReportShares,
  openSharedReport,
  revokeReportShare,
  type ShareDeps,
} from "@interviewlm/core/report-shares";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure, publicProcedure } from "../trpc.ts";

// Read-only report links for hiring managers without an account (docs/decisions/0142). Links
// are signed with APP_SECRET like invite links; another organisation's session or share is
// NOT_FOUND. `open` is public: the signed token and its row are the authorisation.
const shareDeps = (deps: ApiDeps): ShareDeps => ({
  db: deps.db,
  appUrl: deps.appUrl,
  keys: { current: deps.appSecret, previous: deps.appSecretPrevious ? [deps.appSecretPrevious] : [] },
  now: deps.now?.(),
});

export const reportSharesRouter = {
  /** A new link valid for 1, 7 or 30 days; audited. */
  create: orgProcedure("reports:share").input(CreateReportShareInput).mutation(({ ctx, input }) => createReportShare(shareDeps(ctx.deps), ctx.actor, input)),
  /** The session's links that still work, each with its URL to copy again. */
  list: orgProcedure("reports:share").input(ListReportSharesInput).query(({ ctx, input }) => listActiveReportShares(shareDeps(ctx.deps), ctx.actor, input)),
  /** Stops a link at once; audited. */
  revoke: orgProcedure("reports:share").input(RevokeReportShareInput).mutation(({ ctx, input }) => revokeReportShare(shareDeps(ctx.deps), ctx.actor, input)),
  /** The shared report for whoever holds the link; counts the view. */
  open: publicProcedure.input(ReportShareTokenInput).query(({ ctx, input }) => openSharedReport(shareDeps(ctx.deps), input)),
} satisfies TRPCRouterRecord;
