// Erasing one candidate (docs/decisions/0170). A request marks the row (`erasureRequestedAt`);
// the erasure itself — external stores first, then the rows in one transaction — runs at once
// for a recruiter's request and again from the retention job while a store stays unreachable,
// with a growing delay. Every step is idempotent, so a retry, a crash half-way or two workers
// at once end in the same place: the candidate erased exactly once, audited once.
import { Prisma, type Db, type PrismaClient } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import { ERASABLE } from "../candidates/candidate-dto.ts";
import type { WorkspacePort } from "../interviews/workspace-port.ts";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { eraseCandidateRows } from "./erase-rows.ts";
import { EraseCandidateInput, type ErasureReason } from "./erase-schemas.ts";
import { eraseExternalStores, type ExternalStores } from "./erase-stores.ts";

export interface ErasureDeps extends Pick<CoreDeps, "db" | "rooms" | "now"> {
  sandbox: Pick<WorkspacePort, "destroyWorkspace"> | null;
}

export type ErasureOutcome =
  | { status: "erased" }
  /** A store could not be reached: the job tries again at `nextAttemptAt`. */
  | { status: "pending"; error: string; nextAttemptAt: Date };

/** How long a worker holds an erasure it is running before another may take it. */
export const ERASURE_LEASE_MS = 2 * 60_000;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 60 * 60_000;

/** 1 min, 2, 4 … capped at 6 h: never given up on — personal data must go. */
export function erasureRetryDelayMs(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}


/** A recruiter's request: refused while an invitation is open or an interview runs. */
export async function eraseCandidate(deps: ErasureDeps, actor: OrgActor, rawInput: { candidateId: string }): Promise<ErasureOutcome> {
  requirePermission(actor, "data:delete");
  const { candidateId } = EraseCandidateInput.parse(rawInput);
  const candidate = await deps.db.candidate.findFirst({
    where: { id: candidateId, organizationId: actor.organizationId },
    select: { id: true, status: true, erasedAt: true, erasureRequestedAt: true },
  });
  if (!candidate) throw notFound("Candidate", candidateId);
  if (candidate.erasedAt) return { status: "erased" };
  if (!ERASABLE.includes(candidate.status)) {
    throw new DomainError(
      "PRECONDITION_FAILED",
      candidate.status === "STARTED"
        ? `Cannot erase candidate ${candidateId} during the interview; erase them once it has finished.`
        : `Cannot erase candidate ${candidateId} while the invitation is open; revoke it first.`,
    );
  }
  await markErasureRequested(deps, { ...candidate, organizationId: actor.organizationId }, { actorUserId: actor.userId, ipAddress: actor.ipAddress ?? null, metadata: {} });
  return runErasure(deps, candidateId, "candidate_erased", actor.userId);
}

/**
 * Marks the request once (`erasureRequestedAt`) and audits it as candidate.erasure_requested; a
 * second request (or two at once) finds it marked and records nothing more. Shared by the
 * recruiter's and the candidate's requests, so both end in the same erasure.
 */
export async function markErasureRequested(
  deps: Pick<ErasureDeps, "db" | "now">,
  candidate: { id: string; organizationId: string; status: string; erasureRequestedAt: Date | null },
  audit: { actorUserId: string | null; ipAddress: string | null; metadata: Record<string, string> },
): Promise<void> {
  if (candidate.erasureRequestedAt) return;
  const now = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    const marked = await tx.candidate.updateMany({
      where: { id: candidate.id, erasureRequestedAt: null },
      data: { erasureRequestedAt: now, erasureNextAttemptAt: new Date(now.getTime() + ERASURE_LEASE_MS) },
    });
    if (marked.count === 0) return;
    await recordAudit(tx, {
      organizationId: candidate.organizationId,
      actorUserId: audit.actorUserId,
      action: "candidate.erasure_requested",
      targetType: "candidate",
      targetId: candidate.id,
      metadata: { status: candidate.status, ...audit.metadata },
      ipAddress: audit.ipAddress,
    });
  });
}

/**
 * Erases a requested candidate now: stores first, then the rows. On a store failure the row keeps
 * every personal field, records the error and waits for the job's next attempt.
 */
export async function runErasure(deps: ErasureDeps, candidateId: string, reason: ErasureReason, actorUserId: string | null = null): Promise<ErasureOutcome> {
  const candidate = await deps.db.candidate.findUnique({
    where: { id: candidateId },
    select: { organizationId: true, erasedAt: true, erasureAttempts: true, session: { select: { id: true, workspaceId: true } } },
  });
  if (!candidate) throw notFound("Candidate", candidateId);
  if (candidate.erasedAt) return { status: "erased" };
  let external = { workspaceDestroyed: false, roomErased: false };
  if (candidate.session) {
    try {
      external = await eraseExternalStores(storesOf(deps), candidate.session, reason);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = nowOf(deps);
      const nextAttemptAt = new Date(now.getTime() + erasureRetryDelayMs(candidate.erasureAttempts + 1));
      await deps.db.candidate.updateMany({
        where: { id: candidateId, erasedAt: null },
        data: { erasureError: message.slice(0, 1000), erasureNextAttemptAt: nextAttemptAt, erasureAttempts: { increment: 1 } },
      });
      return { status: "pending", error: message, nextAttemptAt };
    }
  }
  await deps.db.$transaction(async (tx) => {
    const rows = await eraseCandidateRows(tx, candidateId, nowOf(deps));
    if (!rows.erased) return;
    const { erased: _erased, ...counts } = rows;
    await recordAudit(tx, {
      organizationId: candidate.organizationId,
      actorUserId,
      action: "candidate.erased",
      targetType: "candidate",
      targetId: candidateId,
      metadata: { reason, ...counts, ...external },
    });
  });
  return { status: "erased" };
}

/**
 * Takes the next due erasure for this worker until the lease runs out — one statement with
 * FOR UPDATE SKIP LOCKED, as the outbox and evaluation queues claim (two runs never take the same).
 */
export async function claimNextErasure(db: PrismaClient | Db, now: Date, organizationId: string | null = null): Promise<{ id: string; organizationId: string } | null> {
  const leaseUntil = new Date(now.getTime() + ERASURE_LEASE_MS);
  const ofOrganization = organizationId ? Prisma.sql`AND "organizationId" = ${organizationId}` : Prisma.empty;
  const rows = await db.$queryRaw<{ id: string; organizationId: string }[]>`
    UPDATE "Candidate"
       SET "erasureNextAttemptAt" = ${leaseUntil}
     WHERE id = (
       SELECT id FROM "Candidate"
        WHERE "erasureRequestedAt" IS NOT NULL AND "erasedAt" IS NULL
          AND ("erasureNextAttemptAt" IS NULL OR "erasureNextAttemptAt" <= ${now})
          ${ofOrganization}
        ORDER BY "erasureNextAttemptAt" NULLS FIRST, id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
    RETURNING id, "organizationId"`;
  return rows[0] ?? null;
}

function storesOf(deps: ErasureDeps): ExternalStores {
  return { sandbox: deps.sandbox, ...(deps.rooms ? { rooms: deps.rooms } : {}) };
}
