// Server side of the public shared-report page: the tRPC `reportShares.open`, with the link
// problems the page explains turned into data (anything else is left to the error boundary).
import type { SharedReport } from "@interviewlm/core/report-shares";
import type { ReportShareLinkProblem } from "@interviewlm/core/report-shares/schemas";
import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { serverApi } from "~/.server/api";
import { shareLinkProblemOf } from "~/.server/report-share-links";

export type SharedReportLoad = { ok: true; report: SharedReport } | { ok: false; problem: ReportShareLinkProblem };

export async function loadSharedReport(request: Request, context: AppLoadContext, token: string): Promise<SharedReportLoad> {
  const { api } = await serverApi(request, context);
  try {
    return { ok: true, report: await api.reportShares.open({ token }) };
  } catch (error) {
    // An empty or over-long token fails input validation before the service sees it: still "not valid".
    const problem = shareLinkProblemOf(error) ?? (error instanceof TRPCError && error.code === "BAD_REQUEST" ? "invalid" : null);
    if (!problem) throw error;
    return { ok: false, problem };
  }
}

/**
 * The link is the credential: never cache the page (a shared computer, a proxy), never send the
 * URL on as a referrer, never index it.
 */
export const SHARED_REPORT_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
} as const;
