// Server side of the candidate portal: the tRPC portal view, with the token problems the
// page explains turned into data (and everything else left to the error boundary).
import type { InviteLinkProblem, PortalView } from "@interviewlm/core/candidates";
import type { AppLoadContext } from "@remix-run/node";
import { TRPCError } from "@trpc/server";
import { serverApi } from "~/.server/api";
import { linkProblemOf } from "~/.server/invite-links";

export type PortalLoad = { ok: true; view: PortalView } | { ok: false; problem: InviteLinkProblem };

export async function loadPortal(request: Request, context: AppLoadContext, token: string): Promise<PortalLoad> {
  const { api } = await serverApi(request, context);
  try {
    return { ok: true, view: await api.portal.view({ token }) };
  } catch (error) {
    // A token too long or empty fails input validation before the service sees it: still "not valid".
    const problem = linkProblemOf(error) ?? (error instanceof TRPCError && error.code === "BAD_REQUEST" ? "invalid" : null);
    if (!problem) throw error;
    return { ok: false, problem };
  }
}

/** Invite links carry a credential in the path: never cache them, never leak them as a referrer. */
export const PORTAL_HEADERS = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
} as const;
