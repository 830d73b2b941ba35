// Candidate invite links carry a signed token instead of a random one stored in the
// database: the link can be rebuilt at any time (a reminder re-sends the very same link)
// and a forged or edited token is refused before any query. What makes a link stop
// working is the candidate row: the nonce inside the token must still be the current
// one (resend and revoke rotate it) and the expiry must not have passed.
import { randomBytes } from "node:crypto";
import { isSignedToken, signToken, TokenError, verifyLegacyInviteToken, verifyToken, type KeyInput } from "@interviewlm/tokens";
import { z } from "zod";
import { DomainError } from "../shared/errors.ts";

export interface InviteTokenClaims {
  candidateId: string;
  nonce: string;
  expiresAt: Date;
}

/** Why a link cannot be used; the portal shows a different page for each. */
export type InviteLinkProblem = "invalid" | "expired" | "revoked" | "superseded" | "completed";

const problemMessages: Record<InviteLinkProblem, string> = {
  invalid: "This link is not valid. Check that you copied the whole link from your invitation email.",
  expired: "This invitation has expired. Ask the company that invited you to send a new one.",
  revoked: "This invitation was withdrawn by the company that sent it.",
  superseded: "A newer invitation was sent; use the latest email.",
  completed: "You have already completed this assessment. Thank you!",
};

/** A DomainError that also says which kind of link problem it is. */
export class InviteLinkError extends DomainError {
  readonly problem: InviteLinkProblem;

  constructor(problem: InviteLinkProblem) {
    super(problem === "invalid" ? "NOT_FOUND" : "PRECONDITION_FAILED", problemMessages[problem]);
    this.name = "InviteLinkError";
    this.problem = problem;
  }
}

/** The problem behind an error (also when wrapped as a tRPC error's cause), or null. */
export function inviteLinkProblemOf(error: unknown): InviteLinkProblem | null {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current; depth += 1) {
    if (current instanceof InviteLinkError) return current.problem;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

// The product's one signed token (@interviewlm/tokens) for purpose INVITE_TOKEN_PURPOSE:
// APP_SECRET signs (a purpose of its own, so a signature made for another kind of link never
// verifies as an invite), APP_SECRET_PREVIOUS still verifies during a rotation. No `iat`, so
// a reminder rebuilds exactly the same link. Links emailed before this format (two parts,
// "<payload>.<mac>") keep working: they are verified the old way (see tokens/legacy.ts).
export const INVITE_TOKEN_PURPOSE = "interviewlm.candidate-invite";
const MAX_TOKEN_LENGTH = 1024;
const InviteBodySchema = z.object({ c: z.string().min(1), n: z.string().min(1) });
const LegacyInviteSchema = InviteBodySchema.extend({ e: z.number().finite() });

/** The keys that sign and verify invite links. */
export function inviteKeys(deps: { appSecret: string; appSecretPrevious?: string }): KeyInput {
  return { current: deps.appSecret, previous: deps.appSecretPrevious ? [deps.appSecretPrevious] : [] };
}

/** A fresh random nonce (128 bits) for a candidate row. */
export function newInviteNonce(): string {
  return randomBytes(16).toString("base64url");
}

export function signInviteToken(keys: KeyInput, claims: InviteTokenClaims): Promise<string> {
  const body: z.infer<typeof InviteBodySchema> = { c: claims.candidateId, n: claims.nonce };
  return signToken(keys, INVITE_TOKEN_PURPOSE, body, { expiresAt: Math.floor(claims.expiresAt.getTime() / 1000), issuedAt: false });
}

/**
 * Checks the signature (in constant time) and the shape of the claims. Throws
 * InviteLinkError("invalid") for anything malformed or tampered with; expiry and
 * nonce are judged by the caller against the database row.
 */
export async function readInviteToken(keys: KeyInput, token: string): Promise<InviteTokenClaims> {
  const invalid = new InviteLinkError("invalid");
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) throw invalid;
  const trimmed = token.trim();
  if (isSignedToken(trimmed)) {
    try {
      const verified = await verifyToken(keys, INVITE_TOKEN_PURPOSE, trimmed, InviteBodySchema, { checkExpiry: false });
      return { candidateId: verified.claims.c, nonce: verified.claims.n, expiresAt: new Date(verified.exp * 1000) };
    } catch (error) {
      if (error instanceof TokenError) throw invalid;
      throw error;
    }
  }
  const legacy = LegacyInviteSchema.safeParse(await verifyLegacyInviteToken(keys, trimmed));
  if (!legacy.success) throw invalid;
  return { candidateId: legacy.data.c, nonce: legacy.data.n, expiresAt: new Date(legacy.data.e * 1000) };
}

export function inviteUrl(appUrl: string, token: string): string {
  return `${appUrl}/i/${token}`;
}
