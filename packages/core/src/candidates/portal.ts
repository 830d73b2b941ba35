// The candidate side: an invite link is the candidate's only credential. verifyInviteToken
// is the one gate every candidate-facing entry point (portal, start, interview) passes.
import type { Prisma, Db } from "@interviewlm/db";
import { readCandidatePreview, type CandidatePreview } from "../assessments/preview.ts";
import { assessmentSettingsSelect } from "../assessments/selects.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { InviteLinkError, inviteKeys, readInviteToken } from "./invite-token.ts";
import type { CandidateStatus } from "./schemas.ts";
import { markOpened } from "./status.ts";


const verifiedSelect = {
  id: true,
  organizationId: true,
  assessmentId: true,
  name: true,
  email: true,
  status: true,
  inviteNonce: true,
  expiresAt: true,
  openedAt: true,
  startedAt: true,
  organization: { select: { id: true, name: true } },
  assessment: { select: { id: true, ...assessmentSettingsSelect } },
} as const satisfies Prisma.CandidateSelect;

export type VerifiedInvitation = Omit<Prisma.CandidateGetPayload<{ select: typeof verifiedSelect }>, "inviteNonce">;

/**
 * The candidate a link belongs to, with organisation and assessment, or an
 * InviteLinkError saying exactly why the link cannot be used (invalid, revoked,
 * completed, expired, superseded). A STARTED candidate can always come back: the
 * invitation's expiry must not cut an interview in progress short.
 * Pass a transaction as `db` to verify and act atomically (starting the interview).
 */
export async function verifyInviteToken(
  deps: Pick<CoreDeps, "db" | "appSecret" | "appSecretPrevious" | "now">,
  token: string,
  db: Db = deps.db,
): Promise<VerifiedInvitation> {
  const claims = await readInviteToken(inviteKeys(deps), token);
  const row = await db.candidate.findUnique({ where: { id: claims.candidateId }, select: verifiedSelect });
  if (!row) throw new InviteLinkError("invalid");
  const problem = problemOf(row, claims, nowOf(deps));
  if (problem) throw new InviteLinkError(problem);
  const { inviteNonce: _nonce, ...candidate } = row;
  return candidate;
}

function problemOf(
  row: { status: CandidateStatus; inviteNonce: string; expiresAt: Date },
  claims: { nonce: string; expiresAt: Date },
  now: Date,
): InviteLinkError["problem"] | null {
  if (row.status === "REVOKED") return "revoked";
  if (row.status === "COMPLETED" || row.status === "EVALUATED") return "completed";
  if (row.status === "EXPIRED") return "expired";
  if (claims.nonce !== row.inviteNonce) return "superseded";
  if (row.status === "STARTED") return null;
  if (claims.expiresAt <= now || row.expiresAt <= now) return "expired";
  return null;
}

export interface PortalView {
  candidate: { name: string; status: CandidateStatus; expiresAt: Date; startedAt: Date | null };
  /**
   * The assessment as the recruiter's preview shows it (same DTO, same words): company,
   * duration, questions, languages, AI level and tests explained, instructions, what is recorded.
   */
  preview: CandidatePreview;
  /** The interview may be started now (consent and system check come first). */
  canStart: boolean;
  /** An interview is in progress: offer to resume it instead. */
  canResume: boolean;
}

/** What the portal page shows; the first view marks the candidate OPENED. */
export async function getPortalView(deps: Pick<CoreDeps, "db" | "appSecret" | "appSecretPrevious" | "now">, token: string): Promise<PortalView> {
  const invitation = await verifyInviteToken(deps, token);
  let status = invitation.status;
  if (status === "INVITED" && (await markOpened(deps.db, invitation.id, nowOf(deps)))) status = "OPENED";
  const preview = await readCandidatePreview(deps.db, invitation.organizationId, invitation.assessmentId);
  return {
    candidate: { name: invitation.name, status, expiresAt: invitation.expiresAt, startedAt: invitation.startedAt },
    preview,
    canStart: status === "INVITED" || status === "OPENED",
    canResume: status === "STARTED",
  };
}
