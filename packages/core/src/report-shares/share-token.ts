// The token of a report share link: the product's one signed-token format (@interviewlm/tokens,
// ADR 0022) under a purpose of its own, signed with APP_SECRET (APP_SECRET_PREVIOUS still
// verifies during a rotation). It names the ReportShare row only; the row decides whether the
// link still works, so revocation is immediate. No `iat`: the same row always gives the same
// link, so the report page can offer an active link to copy again.
import { isSignedToken, signToken, TokenError, verifyToken, type KeyInput } from "@interviewlm/tokens";
import { z } from "zod";
import { ReportShareLinkError } from "./errors.ts";

export const REPORT_SHARE_TOKEN_PURPOSE = "interviewlm.report-share";
const ShareClaims = z.object({ s: z.string().min(1).max(64) });

export function signReportShareToken(keys: KeyInput, share: { id: string; expiresAt: Date }): Promise<string> {
  return signToken(keys, REPORT_SHARE_TOKEN_PURPOSE, { s: share.id }, { expiresAt: Math.floor(share.expiresAt.getTime() / 1000), issuedAt: false });
}

/** The share id inside a genuine token; anything forged, edited or of another purpose is "invalid". Expiry is the row's to judge. */
export async function readReportShareToken(keys: KeyInput, token: string): Promise<string> {
  const trimmed = token.trim();
  if (!isSignedToken(trimmed)) throw new ReportShareLinkError("invalid");
  try {
    const verified = await verifyToken(keys, REPORT_SHARE_TOKEN_PURPOSE, trimmed, ShareClaims, { checkExpiry: false });
    return verified.claims.s;
  } catch (error) {
    if (error instanceof TokenError) throw new ReportShareLinkError("invalid");
    throw error;
  }
}

export function reportShareUrl(appUrl: string, token: string): string {
  return `${appUrl}/shared/reports/${token}`;
}
