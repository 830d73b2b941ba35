// "The report is ready" to the assessment's creator (to the organisation's owners when the
// creator's account is gone), queued in the transaction that stores the evaluation. Once per
// evaluation row: the flag is claimed with a conditional UPDATE, so a re-run of the same
// version, or two workers racing, never mails twice (docs/decisions/0141).
import type { Tx } from "@interviewlm/db";
import { queueEmail } from "@interviewlm/emails";
import { recommend } from "../../decisions/recommendation.ts";
import { weightsOrDefaults } from "../../decisions/schemas.ts";
import type { RecommendationInput } from "../../decisions/recommendation.ts";

export interface NotifyOwnerInput {
  evaluationId: string;
  organizationId: string;
  sessionId: string;
  /** What was just stored, in the shape the report reads. */
  evaluation: RecommendationInput;
  appUrl: string;
  emailFrom?: string | undefined;
  now: Date;
}

export const reportPath = (sessionId: string) => `/app/sessions/${encodeURIComponent(sessionId)}/report`;

/** Queues the email unless this evaluation already had one; returns how many were queued. */
export async function notifyOwnerOnce(tx: Tx, input: NotifyOwnerInput): Promise<number> {
  const claimed = await tx.evaluation.updateMany({ where: { id: input.evaluationId, ownerNotifiedAt: null }, data: { ownerNotifiedAt: input.now } });
  if (claimed.count !== 1) return 0;
  const session = await tx.interviewSession.findFirstOrThrow({
    where: { id: input.sessionId, organizationId: input.organizationId },
    select: {
      organization: { select: { name: true } },
      candidate: { select: { name: true } },
      assessment: { select: { title: true, recommendationWeights: true, createdBy: { select: { name: true, email: true } } } },
    },
  });
  const recipients = session.assessment.createdBy
    ? [session.assessment.createdBy]
    : (await tx.membership.findMany({ where: { organizationId: input.organizationId, role: "OWNER" }, select: { user: { select: { name: true, email: true } } } })).map((m) => m.user);
  const recommendation = recommend(input.evaluation, weightsOrDefaults(session.assessment.recommendationWeights));
  for (const recipient of recipients) {
    await queueEmail(
      tx,
      {
        template: "evaluation-ready",
        to: recipient.email,
        organizationId: input.organizationId,
        props: {
          recipientName: recipient.name || recipient.email,
          organizationName: session.organization.name,
          candidateName: session.candidate.name,
          assessmentTitle: session.assessment.title,
          recommendation: recommendation.outcome ? recommendation.label : null,
          measuredOnly: recommendation.basis === "measured_only",
          reportUrl: `${input.appUrl}${reportPath(input.sessionId)}`,
        },
      },
      { from: input.emailFrom },
    );
  }
  return recipients.length;
}
