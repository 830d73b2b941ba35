// Candidate invite links carry a signed token instead of a random one stored in the
// database: the link can be rebuilt at any time (a reminder re-sends the very same link)
// and a forged or edited token is refused before any query. What makes a link stop
// working is the candidate row: the nonce inside the token must still be the current
// one (resend and revoke rotate it) and the expiry must not have passed.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
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

// Domain separation: APP_SECRET may sign other kinds of links, and a signature made for
// one purpose must never verify as another.
const PURPOSE = "interviewlm.candidate-invite.v1";
const MAX_TOKEN_LENGTH = 512;

function mac(secret: string, payload: string): Buffer {
  return createHmac("sha256", secret).update(`${PURPOSE}.${payload}`).digest();
}

/** A fresh random nonce (128 bits) for a candidate row. */
export function newInviteNonce(): string {
  return randomBytes(16).toString("base64url");
}

export function signInviteToken(secret: string, claims: InviteTokenClaims): string {
  const payload = Buffer.from(
    JSON.stringify({ c: claims.candidateId, n: claims.nonce, e: Math.floor(claims.expiresAt.getTime() / 1000) }),
  ).toString("base64url");
  return `${payload}.${mac(secret, payload).toString("base64url")}`;
}

/**
 * Checks the signature (in constant time) and the shape of the claims. Throws
 * InviteLinkError("invalid") for anything malformed or tampered with; expiry and
 * nonce are judged by the caller against the database row.
 */
export function readInviteToken(secret: string, token: string): InviteTokenClaims {
  const invalid = new InviteLinkError("invalid");
  if (typeof token !== "string" || token.length > MAX_TOKEN_LENGTH) throw invalid;
  const parts = token.trim().split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw invalid;
  const [payload, signature] = parts as [string, string];
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  const { c, n, e } = (claims ?? {}) as Record<string, unknown>;
  if (typeof c !== "string" || typeof n !== "string" || typeof e !== "number" || !Number.isFinite(e) || !c || !n) {
    throw invalid;
  }
  return { candidateId: c, nonce: n, expiresAt: new Date(e * 1000) };
}

export function inviteUrl(appUrl: string, token: string): string {
  return `${appUrl}/i/${token}`;
}
