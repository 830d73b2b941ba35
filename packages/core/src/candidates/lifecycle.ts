// Recruiter actions on an existing invitation. Each one is a conditional update keyed
// on the status (and nonce) read a moment earlier, so two reviewers clicking at once,
// or the candidate starting meanwhile, cannot produce a state neither of them chose.
import type { Prisma, Tx } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import { notifyLowBalanceOnce } from "../billing/low-balance.ts";
import { reserveInvitationCredit, settleReservation } from "../billing/reservations.ts";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { candidateSelect, REMINDABLE, RESENDABLE, REVOCABLE, toCandidateSummary, type CandidateSummary } from "./candidate-dto.ts";
import { invitationContextOf, queueCandidateEmail } from "./invitation-email.ts";
import { enforceCandidateInviteLimit, inviteExpiry } from "./invite.ts";
import { newInviteNonce } from "./invite-token.ts";
import { CandidateIdInput, ResendInvitationInput, type CandidateStatus } from "./schemas.ts";


const lifecycleSelect = { ...candidateSelect, organizationId: true, inviteNonce: true } as const;

async function loadForUpdate(tx: Tx, actor: OrgActor, candidateId: string) {
  const row = await tx.candidate.findFirst({ where: { id: candidateId, organizationId: actor.organizationId }, select: lifecycleSelect });
  if (!row) throw notFound("Candidate", candidateId);
  // An erased (or erasing) candidate is a tombstone: nobody may be emailed or re-invited through it.
  if (row.erasureRequestedAt) throw new DomainError("PRECONDITION_FAILED", `Candidate ${candidateId} was erased; invite them again as a new candidate.`);
  return row;
}

const changedMeanwhile = (candidateId: string) =>
  new DomainError("CONFLICT", `Candidate ${candidateId} changed while you were acting on it. Reload and try again.`);

function refuse(status: CandidateStatus, action: string): DomainError {
  const why: Partial<Record<CandidateStatus, string>> = {
    STARTED: "the candidate has already started the interview",
    COMPLETED: "the candidate has completed the assessment",
    EVALUATED: "the candidate's assessment has been evaluated",
    EXPIRED: "the invitation has expired; resend it instead",
    REVOKED: "the invitation was revoked; resend it to invite them again",
  };
  return new DomainError("PRECONDITION_FAILED", `Cannot ${action}: ${why[status] ?? `the candidate is ${status.toLowerCase()}`}.`);
}

/**
 * Sends a new link: the nonce rotates (every older link now says "a newer invitation
 * was sent"), the expiry restarts, and an expired or revoked invitation is re-opened.
 */
export async function resendInvitation(deps: CoreDeps, actor: OrgActor, rawInput: { candidateId: string; expiresInDays?: number }): Promise<CandidateSummary> {
  requirePermission(actor, "candidates:invite");
  const input = ResendInvitationInput.parse(rawInput);
  await enforceCandidateInviteLimit(deps, actor);
  const now = nowOf(deps);
  const updated = await deps.db.$transaction(async (tx) => {
    const current = await loadForUpdate(tx, actor, input.candidateId);
    if (!RESENDABLE.includes(current.status)) throw refuse(current.status, "resend the invitation");
    const reopen = current.status === "EXPIRED" || current.status === "REVOKED";
    const claimed = await tx.candidate.updateMany({
      where: { id: current.id, status: current.status, inviteNonce: current.inviteNonce },
      data: {
        inviteNonce: newInviteNonce(),
        expiresAt: inviteExpiry(now, input.expiresInDays),
        lastEmailedAt: now,
        ...(reopen ? { status: "INVITED", expiredAt: null, revokedAt: null } : {}),
      },
    });
    if (claimed.count !== 1) throw changedMeanwhile(current.id);
    const row = await tx.candidate.findUniqueOrThrow({ where: { id: current.id }, select: lifecycleSelect });
    // A re-opened invitation holds a credit again (its earlier one was released or is released
    // by the sweep first: a reservation still held is settled before the new one).
    if (reopen && deps.billing) {
      await settleReservation(tx, row.id, { kind: "RELEASE", reason: current.status === "EXPIRED" ? "expired" : "revoked" });
      const { available } = await reserveInvitationCredit(tx, { organizationId: row.organizationId, candidateId: row.id, assessmentId: row.assessmentId, inviteNonce: row.inviteNonce, actorUserId: actor.userId });
      await notifyLowBalanceOnce(tx, deps, actor.organizationId, available);
    }
    await queueCandidateEmail(tx, deps, "assessment-invitation", row, await invitationContextOf(tx, actor.organizationId, row.assessmentId));
    await audit(tx, actor, "candidate.invitation_resent", row.id, { previousStatus: current.status });
    return row;
  });
  return toCandidateSummary(updated, now);
}

/** Re-sends the same link with a reminder; only while the invitation is open and unused. */
export async function remindCandidate(deps: CoreDeps, actor: OrgActor, rawInput: { candidateId: string }): Promise<CandidateSummary> {
  requirePermission(actor, "candidates:invite");
  const input = CandidateIdInput.parse(rawInput);
  await enforceCandidateInviteLimit(deps, actor);
  const now = nowOf(deps);
  const updated = await deps.db.$transaction(async (tx) => {
    const current = await loadForUpdate(tx, actor, input.candidateId);
    if (!REMINDABLE.includes(current.status)) throw refuse(current.status, "send a reminder");
    if (current.expiresAt <= now) throw refuse("EXPIRED", "send a reminder");
    const claimed = await tx.candidate.updateMany({
      where: { id: current.id, status: { in: [...REMINDABLE] }, inviteNonce: current.inviteNonce, expiresAt: { gt: now } },
      data: { remindersSent: { increment: 1 }, lastEmailedAt: now },
    });
    if (claimed.count !== 1) throw changedMeanwhile(current.id);
    const row = await tx.candidate.findUniqueOrThrow({ where: { id: current.id }, select: lifecycleSelect });
    await queueCandidateEmail(tx, deps, "assessment-reminder", row, await invitationContextOf(tx, actor.organizationId, row.assessmentId));
    await audit(tx, actor, "candidate.reminded", row.id, { remindersSent: row.remindersSent });
    return row;
  });
  return toCandidateSummary(updated, now);
}

/** Withdraws the invitation; refused once the candidate has started. Revoking twice is a no-op. */
export async function revokeInvitation(deps: CoreDeps, actor: OrgActor, rawInput: { candidateId: string }): Promise<CandidateSummary> {
  requirePermission(actor, "candidates:invite");
  const input = CandidateIdInput.parse(rawInput);
  const now = nowOf(deps);
  const updated = await deps.db.$transaction(async (tx) => {
    const current = await loadForUpdate(tx, actor, input.candidateId);
    if (current.status === "REVOKED") return current;
    if (!REVOCABLE.includes(current.status)) throw refuse(current.status, "revoke the invitation");
    const claimed = await tx.candidate.updateMany({
      where: { id: current.id, status: { in: [...REVOCABLE] } },
      data: { status: "REVOKED", revokedAt: now, inviteNonce: newInviteNonce() },
    });
    if (claimed.count !== 1) throw changedMeanwhile(current.id);
    await settleReservation(tx, current.id, { kind: "RELEASE", reason: "revoked" });
    await audit(tx, actor, "candidate.revoked", current.id, { previousStatus: current.status });
    return tx.candidate.findUniqueOrThrow({ where: { id: current.id }, select: lifecycleSelect });
  });
  return toCandidateSummary(updated, now);
}

async function audit(tx: Tx, actor: OrgActor, action: string, candidateId: string, metadata: Prisma.InputJsonObject): Promise<void> {
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action,
    targetType: "candidate",
    targetId: candidateId,
    metadata,
    ipAddress: actor.ipAddress,
  });
}
