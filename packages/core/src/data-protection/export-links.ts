// The two signed links of a candidate's own data request (docs/decisions/0171):
// - the "Your data" link in every invitation and reminder names the candidate and lets them
//   ASK for their data; it grants nothing by itself (the archive goes to the address on file),
//   so it may live long — it must still work after the interview, when the invite link no
//   longer does;
// - the download link, emailed to that address when they ask, grants the archive for a day.
// - the erasure confirmation link, emailed to that address when they ask to erase their data,
//   confirms the erasure for a day (docs/decisions/0170).
// Each has a purpose of its own, so neither verifies as the other or as an invite link.
import { signToken, TokenError, verifyToken, type KeyInput } from "@interviewlm/tokens";
import { z } from "zod";
import { inviteKeys } from "../candidates/invite-token.ts";
import type { CoreDeps } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";

export const DATA_REQUEST_PURPOSE = "interviewlm.candidate-data-request";
export const DATA_DOWNLOAD_PURPOSE = "interviewlm.candidate-data-download";
export const ERASURE_CONFIRM_PURPOSE = "interviewlm.candidate-erasure-confirm";

/** How long the emailed download link works. */
export const DATA_DOWNLOAD_TTL_SECONDS = 24 * 60 * 60;
/** How long the emailed erasure confirmation link works. */
export const ERASURE_CONFIRM_TTL_SECONDS = 24 * 60 * 60;
/** The emailed links: each lives a day at most, whatever a stolen secret could sign. */
const MAX_LIFETIME: Record<string, number> = { [DATA_DOWNLOAD_PURPOSE]: DATA_DOWNLOAD_TTL_SECONDS, [ERASURE_CONFIRM_PURPOSE]: ERASURE_CONFIRM_TTL_SECONDS };
/** The request link outlives the invitation by this much (an interview's data is kept long after it). */
const REQUEST_LINK_YEARS = 10;

const ClaimsSchema = z.object({ c: z.string().min(1).max(64) });

type LinkDeps = Pick<CoreDeps, "appUrl" | "appSecret" | "appSecretPrevious">;

function keys(deps: LinkDeps): KeyInput {
  return inviteKeys(deps);
}

/**
 * The "Your data" link of a candidate. No `iat` and an expiry derived from the invitation's,
 * so a reminder carries exactly the link the invitation carried.
 */
export async function candidateDataRequestUrl(deps: LinkDeps, candidate: { id: string; expiresAt: Date }): Promise<string> {
  const expiresAt = new Date(candidate.expiresAt);
  expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + REQUEST_LINK_YEARS);
  const token = await signToken(keys(deps), DATA_REQUEST_PURPOSE, { c: candidate.id }, { expiresAt: Math.floor(expiresAt.getTime() / 1000), issuedAt: false });
  return `${deps.appUrl}/your-data/${token}`;
}

export async function candidateDataDownloadUrl(deps: LinkDeps & Pick<CoreDeps, "now">, candidateId: string): Promise<string> {
  const now = deps.now ? deps.now().getTime() : Date.now();
  const token = await signToken(keys(deps), DATA_DOWNLOAD_PURPOSE, { c: candidateId }, { ttlSeconds: DATA_DOWNLOAD_TTL_SECONDS, now });
  return `${deps.appUrl}/your-data/download/${token}`;
}

export async function candidateErasureConfirmUrl(deps: LinkDeps & Pick<CoreDeps, "now">, candidateId: string): Promise<string> {
  const now = deps.now ? deps.now().getTime() : Date.now();
  const token = await signToken(keys(deps), ERASURE_CONFIRM_PURPOSE, { c: candidateId }, { ttlSeconds: ERASURE_CONFIRM_TTL_SECONDS, now });
  return `${deps.appUrl}/your-data/erase/${token}`;
}

export type DataLinkProblem = "invalid" | "expired";

/** A candidate data link that cannot be used: NOT_FOUND for a forged or unknown one, PRECONDITION_FAILED once expired. */
export class DataLinkError extends DomainError {
  readonly problem: DataLinkProblem;

  constructor(problem: DataLinkProblem) {
    super(
      problem === "invalid" ? "NOT_FOUND" : "PRECONDITION_FAILED",
      problem === "invalid"
        ? "This link is not valid. Check that you copied the whole link from the email."
        : "This link has expired. Ask again from the “Your data” link in your invitation email.",
    );
    this.name = "DataLinkError";
    this.problem = problem;
  }
}

async function readLink(deps: LinkDeps & Pick<CoreDeps, "now">, purpose: string, token: string): Promise<string> {
  try {
    const now = deps.now ? deps.now().getTime() : Date.now();
    const verified = await verifyToken(keys(deps), purpose, token.trim(), ClaimsSchema, {
      now,
      ...(MAX_LIFETIME[purpose] ? { maxLifetimeSeconds: MAX_LIFETIME[purpose] } : {}),
    });
    return verified.claims.c;
  } catch (error) {
    if (error instanceof TokenError) throw new DataLinkError(error.problem === "expired" ? "expired" : "invalid");
    throw error;
  }
}

/** The candidate id a "Your data" link names, or DataLinkError. */
export function readDataRequestLink(deps: LinkDeps & Pick<CoreDeps, "now">, token: string): Promise<string> {
  return readLink(deps, DATA_REQUEST_PURPOSE, token);
}

/** The candidate id an emailed download link grants, or DataLinkError. */
export function readDataDownloadLink(deps: LinkDeps & Pick<CoreDeps, "now">, token: string): Promise<string> {
  return readLink(deps, DATA_DOWNLOAD_PURPOSE, token);
}

/** The candidate id an emailed erasure confirmation link names, or DataLinkError. */
export function readErasureConfirmLink(deps: LinkDeps & Pick<CoreDeps, "now">, token: string): Promise<string> {
  return readLink(deps, ERASURE_CONFIRM_PURPOSE, token);
}
