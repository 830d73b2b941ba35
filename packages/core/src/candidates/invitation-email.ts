// Everything an invitation or reminder email needs, and the queueing itself, so invite,
// bulk invite, resend and remind all describe the assessment the same way.
import type { Prisma, Tx } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { assertAssessmentOpenForInvites } from "../assessments/status.ts";
import { notFound } from "../shared/errors.ts";
import { candidateDataRequestUrl } from "../data-protection/export-links.ts";
import { inviteKeys, inviteUrl, signInviteToken } from "./invite-token.ts";


export interface InvitationContext {
  organizationName: string;
  /** The organisation's retention period, stated in the email as at the portal's consent. */
  dataRetentionDays: number | null;
  assessment: {
    id: string;
    title: string;
    role: string;
    durationMinutes: number;
    questionCount: number;
    aiAssistance: "OFF" | "CHAT" | "AGENT";
  };
}

const contextSelect = {
  id: true,
  title: true,
  role: true,
  durationMinutes: true,
  questionCount: true,
  aiAssistance: true,
  organization: { select: { name: true, dataRetentionDays: true } },
} as const satisfies Prisma.AssessmentSelect;

/**
 * The assessment, scoped to the actor's organisation, provided it still takes candidates
 * (the assessments service owns that rule and holds the row until the transaction ends,
 * so an archive cannot slip in between the check and the invitation).
 */
export async function requireAssessmentOpenForInvites(tx: Tx, actor: OrgActor, assessmentId: string): Promise<InvitationContext> {
  await assertAssessmentOpenForInvites(tx, actor, assessmentId);
  return invitationContextOf(tx, actor.organizationId, assessmentId);
}

/** The same facts for an existing candidate's assessment (resend and remind), archived or not. */
export async function invitationContextOf(tx: Tx, organizationId: string, assessmentId: string): Promise<InvitationContext> {
  const row = await tx.assessment.findFirst({ where: { id: assessmentId, organizationId }, select: contextSelect });
  if (!row) throw notFound("Assessment", assessmentId);
  return toContext(row);
}

function toContext(row: Prisma.AssessmentGetPayload<{ select: typeof contextSelect }>): InvitationContext {
  const { organization, ...assessment } = row;
  return { organizationName: organization.name, dataRetentionDays: organization.dataRetentionDays, assessment };
}

export interface InvitedCandidate {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  inviteNonce: string;
  expiresAt: Date;
}

/** The candidate's current link: rebuilt from the row, so a reminder repeats it exactly. */
export async function candidateInviteUrl(deps: Pick<CoreDeps, "appUrl" | "appSecret" | "appSecretPrevious">, candidate: InvitedCandidate): Promise<string> {
  const token = await signInviteToken(inviteKeys(deps), { candidateId: candidate.id, nonce: candidate.inviteNonce, expiresAt: candidate.expiresAt });
  return inviteUrl(deps.appUrl, token);
}

export async function queueCandidateEmail(
  tx: Tx,
  deps: Pick<CoreDeps, "appUrl" | "appSecret" | "appSecretPrevious" | "emailFrom">,
  template: "assessment-invitation" | "assessment-reminder",
  candidate: InvitedCandidate,
  context: InvitationContext,
): Promise<void> {
  await queueEmail(tx, {
    template,
    to: candidate.email,
    organizationId: candidate.organizationId,
    props: {
      candidateName: candidate.name,
      organizationName: context.organizationName,
      assessmentTitle: context.assessment.title,
      role: context.assessment.role,
      durationMinutes: context.assessment.durationMinutes,
      questionCount: context.assessment.questionCount,
      aiAssistance: context.assessment.aiAssistance,
      portalUrl: await candidateInviteUrl(deps, candidate),
      expiresAt: candidate.expiresAt,
      dataUrl: await candidateDataRequestUrl(deps, candidate),
      dataRetentionDays: context.dataRetentionDays,
    },
  }, { from: deps.emailFrom });
}
