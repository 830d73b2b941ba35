// The credit ledger's one write path (docs/decisions/0090): every change is a conditional
// UPDATE of the organisation's account row plus one append-only entry, in the caller's
// transaction. The UPDATE's WHERE refuses a change that would go below zero, so concurrent
// callers can never overdraw; the entry's unique idempotency key refuses a cause applied twice.
import type { Db, Tx } from "@interviewlm/db";

export type CreditEntryKind = "GRANT" | "PURCHASE" | "RESERVE" | "CONSUME" | "RELEASE" | "REFUND" | "ADJUSTMENT";
export type CreditCause = "INVITATION" | "SESSION" | "STRIPE_EVENT" | "ADMIN" | "SYSTEM";

export interface CreditEntryInput {
  organizationId: string;
  kind: CreditEntryKind;
  /** Signed change to the available credits. */
  amount: number;
  /** Signed change to the reserved credits. */
  reservedChange?: number;
  causeType: CreditCause;
  causeId?: string | null;
  idempotencyKey: string;
  candidateId?: string | null;
  assessmentId?: string | null;
  purchaseId?: string | null;
  note?: string | null;
  actorUserId?: string | null;
}

export interface AppliedCreditEntry {
  id: string;
  available: number;
  reserved: number;
}

/** Creates the organisation's account row (zero credits) unless it exists; safe to race. */
export async function ensureCreditAccount(db: Db, organizationId: string): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "CreditAccount" ("organizationId", "available", "reserved", "updatedAt")
    VALUES (${organizationId}, 0, 0, now())
    ON CONFLICT ("organizationId") DO NOTHING`;
}

/**
 * Applies one entry, or returns null (changing nothing) when it would take the available or
 * reserved credits below zero. A repeated idempotency key throws Prisma's P2002 and the
 * caller's transaction rolls back with it.
 */
export async function applyCreditEntry(tx: Tx, entry: CreditEntryInput): Promise<AppliedCreditEntry | null> {
  const reservedChange = entry.reservedChange ?? 0;
  await ensureCreditAccount(tx, entry.organizationId);
  const rows = await tx.$queryRaw<{ available: number; reserved: number }[]>`
    UPDATE "CreditAccount"
       SET "available" = "available" + ${entry.amount}::int,
           "reserved" = "reserved" + ${reservedChange}::int,
           "updatedAt" = now()
     WHERE "organizationId" = ${entry.organizationId}
       AND "available" + ${entry.amount}::int >= 0
       AND "reserved" + ${reservedChange}::int >= 0
    RETURNING "available", "reserved"`;
  const account = rows[0];
  if (!account) return null;
  const created = await tx.creditLedgerEntry.create({
    data: {
      organizationId: entry.organizationId,
      kind: entry.kind,
      amount: entry.amount,
      reservedChange,
      availableAfter: Number(account.available),
      causeType: entry.causeType,
      causeId: entry.causeId ?? null,
      idempotencyKey: entry.idempotencyKey,
      candidateId: entry.candidateId ?? null,
      assessmentId: entry.assessmentId ?? null,
      purchaseId: entry.purchaseId ?? null,
      note: entry.note ?? null,
      actorUserId: entry.actorUserId ?? null,
    },
    select: { id: true },
  });
  return { id: created.id, available: Number(account.available), reserved: Number(account.reserved) };
}

export interface CreditBalance {
  available: number;
  reserved: number;
}

export async function readCreditBalance(db: Db, organizationId: string): Promise<CreditBalance> {
  const account = await db.creditAccount.findUnique({ where: { organizationId }, select: { available: true, reserved: true } });
  return account ?? { available: 0, reserved: 0 };
}

/** Whether an error is the unique-key refusal of an entry (or event) already applied. */
export function isAlreadyApplied(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
