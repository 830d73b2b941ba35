// The human decision on a candidate (docs/decisions/0141): advance, hold or reject, always with a
// reason. It overrides the recommendation on the report but never erases it: the recommendation
// shown at that moment is stored with the decision. A change is a new row, so the history stays,
// and every decision is in the audit log.
import type { Db } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import { requireReplaySession } from "../replay/read.ts";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { currentRecommendation, toDecisionView, type HiringDecisionView } from "./review.ts";
import type { RecordDecisionValues } from "./schemas.ts";

export async function recordDecision(db: Db, actor: OrgActor, input: RecordDecisionValues, now: Date = new Date()): Promise<HiringDecisionView> {
  requirePermission(actor, "decisions:write");
  const session = await requireReplaySession(db, actor, input.sessionId);
  if (session.inProgress) throw new DomainError("PRECONDITION_FAILED", `Session ${session.id} has not finished; decide once the candidate has finished and the report is there.`);
  const [{ recommendation }, user] = await Promise.all([
    currentRecommendation(db, actor, session.id, session.assessmentId),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
  ]);
  return db.$transaction(async (tx) => {
    const previous = await tx.hiringDecision.findFirst({ where: { organizationId: actor.organizationId, sessionId: session.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, outcome: true } });
    const row = await tx.hiringDecision.create({
      data: {
        organizationId: actor.organizationId,
        candidateId: session.candidateId,
        sessionId: session.id,
        outcome: input.outcome,
        reason: input.reason,
        recommendation: recommendation?.outcome ?? null,
        decidedById: actor.userId,
        decidedByName: user.name || user.email,
        createdAt: now,
      },
      select: { id: true, outcome: true, reason: true, recommendation: true, decidedByName: true, createdAt: true },
    });
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "candidate.decision_recorded",
      targetType: "candidate",
      targetId: session.candidateId,
      metadata: { sessionId: session.id, decisionId: row.id, outcome: input.outcome, reason: input.reason, recommendation: recommendation?.outcome ?? null, previousOutcome: previous?.outcome ?? null, previousDecisionId: previous?.id ?? null },
      ipAddress: actor.ipAddress ?? null,
    });
    return toDecisionView(row);
  });
}
