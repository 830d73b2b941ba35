// Archive and restore. Archiving only closes an assessment to new invitations: candidates
// already invited keep their links, and nothing is deleted, so restoring is always safe.
import type { Tx } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { readAssessmentDetails, type AssessmentDetails } from "./read.ts";
import type { AssessmentLanguage } from "./schemas.ts";

async function setStatus(
  deps: CoreDeps,
  actor: OrgActor,
  assessmentId: string,
  to: "ACTIVE" | "ARCHIVED",
): Promise<AssessmentDetails> {
  requirePermission(actor, "assessments:write");
  await deps.db.$transaction(async (tx) => {
    // Conditional update: a double-submitted form (or two tabs) changes and logs it once.
    const changed = await tx.assessment.updateMany({
      where: { id: assessmentId, organizationId: actor.organizationId, status: { not: to } },
      data: { status: to, archivedAt: to === "ARCHIVED" ? nowOf(deps) : null },
    });
    if (changed.count === 0) {
      const exists = await tx.assessment.count({ where: { id: assessmentId, organizationId: actor.organizationId } });
      if (!exists) throw notFound("Assessment", assessmentId);
      return;
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: to === "ARCHIVED" ? "assessment.archived" : "assessment.restored",
      targetType: "assessment",
      targetId: assessmentId,
      ipAddress: actor.ipAddress,
    });
  });
  return readAssessmentDetails(deps.db, actor.organizationId, assessmentId);
}

export const archiveAssessment = (deps: CoreDeps, actor: OrgActor, input: { assessmentId: string }) =>
  setStatus(deps, actor, input.assessmentId, "ARCHIVED");

export const restoreAssessment = (deps: CoreDeps, actor: OrgActor, input: { assessmentId: string }) =>
  setStatus(deps, actor, input.assessmentId, "ACTIVE");

export interface InvitableAssessment {
  id: string;
  title: string;
  durationMinutes: number;
  languages: AssessmentLanguage[];
}

/**
 * For the candidates service, inside its invitation transaction: the assessment exists in
 * the actor's organisation and is not archived. The row is held FOR SHARE until that
 * transaction ends, so an archive running at the same moment waits for the invitation
 * (or the invitation waits for the archive and is then refused) — never both.
 */
export async function assertAssessmentOpenForInvites(
  tx: Tx,
  actor: OrgActor,
  assessmentId: string,
): Promise<InvitableAssessment> {
  requirePermission(actor, "candidates:invite");
  const rows = await tx.$queryRaw<{ id: string; title: string; status: string }[]>`
    SELECT id, title, status::text AS status FROM "Assessment"
    WHERE id = ${assessmentId} AND "organizationId" = ${actor.organizationId}
    FOR SHARE`;
  const row = rows[0];
  if (!row) throw notFound("Assessment", assessmentId);
  if (row.status === "ARCHIVED") {
    throw new DomainError(
      "PRECONDITION_FAILED",
      `"${row.title}" is archived and accepts no new candidates. Restore it first (assessment ${assessmentId}).`,
    );
  }
  const assessment = await tx.assessment.findFirst({
    where: { id: assessmentId, organizationId: actor.organizationId },
    select: { id: true, title: true, durationMinutes: true, languages: true },
  });
  if (!assessment) throw notFound("Assessment", assessmentId);
  return assessment;
}
