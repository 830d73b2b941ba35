// Reserve at invitation, consume at start, release when an unused invitation expires or is
// revoked. The candidate row points at its open reservation; settling (consume or release)
// clears the pointer with a conditional update and writes an entry keyed `settle:<reservation>`,
// so whichever comes first wins and the other finds nothing to do.
import type { Db, PrismaClient, Tx } from "@interviewlm/db";
import { DomainError } from "../shared/errors.ts";
import { applyCreditEntry, isAlreadyApplied } from "./ledger.ts";

export const BILLING_PATH = "/app/billing";

/** Refusal of an invitation with no credits left; the UI links to the billing page. */
export const noCreditsLeft = () =>
  new DomainError("PRECONDITION_FAILED", `No credits left: every credit is in use. Buy a credit pack on the billing page (${BILLING_PATH}) to invite more candidates.`);

export function isNoCreditsError(error: unknown): boolean {
  return error instanceof DomainError && error.message.startsWith("No credits left");
}

/**
 * Holds one credit for the candidate's invitation, or throws `noCreditsLeft` (the caller's
 * transaction then rolls back the invitation with it).
 */
export async function reserveInvitationCredit(
  tx: Tx,
  invitation: { organizationId: string; candidateId: string; assessmentId: string; inviteNonce: string; actorUserId: string | null },
): Promise<{ available: number }> {
  const applied = await applyCreditEntry(tx, {
    organizationId: invitation.organizationId,
    kind: "RESERVE",
    amount: -1,
    reservedChange: 1,
    causeType: "INVITATION",
    causeId: invitation.candidateId,
    idempotencyKey: `reserve:${invitation.candidateId}:${invitation.inviteNonce}`,
    candidateId: invitation.candidateId,
    assessmentId: invitation.assessmentId,
    actorUserId: invitation.actorUserId,
  });
  if (!applied) throw noCreditsLeft();
  await tx.candidate.update({ where: { id: invitation.candidateId }, data: { creditReservationId: applied.id } });
  return { available: applied.available };
}

type Settlement = { kind: "CONSUME"; sessionId: string } | { kind: "RELEASE"; reason: "expired" | "revoked" };

/**
 * Settles the candidate's open reservation, if any (none with billing off, or already
 * settled). Returns whether this call settled it.
 */
export async function settleReservation(tx: Tx, candidateId: string, settlement: Settlement): Promise<boolean> {
  const candidate = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: { organizationId: true, assessmentId: true, creditReservationId: true },
  });
  const reservationId = candidate?.creditReservationId;
  if (!candidate || !reservationId) return false;
  const cleared = await tx.candidate.updateMany({ where: { id: candidateId, creditReservationId: reservationId }, data: { creditReservationId: null } });
  if (cleared.count !== 1) return false;
  const consume = settlement.kind === "CONSUME";
  const applied = await applyCreditEntry(tx, {
    organizationId: candidate.organizationId,
    kind: settlement.kind,
    amount: consume ? 0 : 1,
    reservedChange: -1,
    causeType: consume ? "SESSION" : "INVITATION",
    causeId: consume ? settlement.sessionId : candidateId,
    idempotencyKey: `settle:${reservationId}`,
    candidateId,
    assessmentId: candidate.assessmentId,
    note: consume ? "Interview started" : settlement.reason === "expired" ? "Invitation expired unused" : "Invitation revoked before use",
  });
  // The reserved count cannot be below zero while a reservation points at it; if it is, the
  // ledger and the account disagree and nothing should be settled silently.
  if (!applied) throw new Error(`Credit account of organisation ${candidate.organizationId} has no reserved credit for reservation ${reservationId}`);
  return true;
}

/**
 * The release sweep (run after the expiry job, on any number of instances at once): every
 * reservation still held by an expired or revoked candidate goes back to the available
 * credits, each exactly once. Returns how many this call released.
 */
export async function releaseUnusedReservations(db: PrismaClient): Promise<number> {
  const held = await db.candidate.findMany({
    where: { status: { in: ["EXPIRED", "REVOKED"] }, creditReservationId: { not: null } },
    select: { id: true, status: true },
    take: 500,
  });
  let released = 0;
  for (const candidate of held) {
    const reason = candidate.status === "EXPIRED" ? "expired" : "revoked";
    try {
      if (await db.$transaction((tx) => settleReservation(tx, candidate.id, { kind: "RELEASE", reason }))) released += 1;
    } catch (error) {
      // Another instance settled it between our read and our write: its entry stands.
      if (!isAlreadyApplied(error)) throw error;
    }
  }
  return released;
}

/** Credits held by open invitations, for checks and the billing page. */
export function countOpenReservations(db: Db, organizationId: string): Promise<number> {
  return db.candidate.count({ where: { organizationId, creditReservationId: { not: null } } });
}
