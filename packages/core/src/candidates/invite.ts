// Inviting candidates: one from a form, or many from a CSV with a report per row. Each
// invitation commits with its email and audit entry, so a candidate never exists
// without the message that tells them, and a mail never points at a missing row.
import { RATE_LIMITS } from "@interviewlm/auth";
import type { Tx } from "@interviewlm/db";
import { EmailInputError } from "@interviewlm/emails";
import { recordAudit } from "../audit/audit-log.ts";
import { notifyLowBalanceOnce } from "../billing/low-balance.ts";
import { isNoCreditsError, reserveInvitationCredit } from "../billing/reservations.ts";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { conflict, DomainError } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { enforceRateLimit } from "../shared/rate-limits.ts";
import { readCandidateRows } from "./bulk-rows.ts";
import { candidateSelect, toCandidateSummary, type CandidateSummary } from "./candidate-dto.ts";
import { queueCandidateEmail, requireAssessmentOpenForInvites, type InvitationContext } from "./invitation-email.ts";
import { newInviteNonce } from "./invite-token.ts";
import { InviteCandidateInput, InviteCandidatesBulkInput } from "./schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A burst of invitations (two recruiters, a script, embedded PGlite's single connection) queues
 * for the database: each transaction also renders its email, so the default 2 s wait to start
 * refuses invitations that would succeed a moment later. Waiting longer only delays them;
 * the credit check inside stays exact (docs/decisions/0090).
 */
const INVITE_TRANSACTION = { maxWait: 15_000, timeout: 15_000 } as const;

/** now + days, in whole seconds: the signed token stores seconds, so row and link agree exactly. */
export function inviteExpiry(now: Date, days: number): Date {
  return new Date(Math.floor((now.getTime() + days * DAY_MS) / 1000) * 1000);
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/**
 * Candidate invitations share one per-organisation budget of invitation emails (a bulk
 * file counts once: it is bounded by BULK_MAX_ROWS). The subject is kept apart from
 * teammate invitations so hiring rounds cannot lock admins out of inviting colleagues.
 */
export async function enforceCandidateInviteLimit(deps: CoreDeps, actor: OrgActor): Promise<void> {
  await enforceRateLimit(deps.db, RATE_LIMITS.invitation.perOrganization, `candidates:${actor.organizationId}`, nowOf(deps), "invitations");
}

async function createInvitation(
  tx: Tx,
  deps: CoreDeps,
  actor: OrgActor,
  context: InvitationContext,
  person: { name: string; email: string },
  expiresAt: Date,
  now: Date,
) {
  const created = await tx.candidate.create({
    data: {
      organizationId: actor.organizationId,
      assessmentId: context.assessment.id,
      name: person.name,
      email: person.email,
      status: "INVITED",
      inviteNonce: newInviteNonce(),
      expiresAt,
      invitedAt: now,
      lastEmailedAt: now,
      createdById: actor.userId,
    },
    select: { ...candidateSelect, organizationId: true, inviteNonce: true },
  });
  // With billing on, the invitation holds a credit; none left throws and rolls it all back.
  if (deps.billing) {
    const { available } = await reserveInvitationCredit(tx, { ...created, candidateId: created.id, actorUserId: actor.userId });
    await notifyLowBalanceOnce(tx, deps, actor.organizationId, available);
  }
  await queueCandidateEmail(tx, deps, "assessment-invitation", created, context);
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "candidate.invited",
    targetType: "candidate",
    targetId: created.id,
    metadata: { assessmentId: context.assessment.id, email: person.email },
    ipAddress: actor.ipAddress,
  });
  return created;
}

function alreadyInvited(email: string) {
  return conflict(`${email} is already invited to this assessment.`, {
    email: ["This person is already invited to this assessment; resend their invitation instead."],
  });
}

export async function inviteCandidate(deps: CoreDeps, actor: OrgActor, rawInput: InviteCandidateInput): Promise<CandidateSummary> {
  requirePermission(actor, "candidates:invite");
  const input = InviteCandidateInput.parse(rawInput);
  await enforceCandidateInviteLimit(deps, actor);
  const now = nowOf(deps);
  try {
    const created = await deps.db.$transaction(async (tx) => {
      const context = await requireAssessmentOpenForInvites(tx, actor, input.assessmentId);
      const existing = await tx.candidate.findFirst({
        where: { assessmentId: input.assessmentId, email: input.email },
        select: { id: true },
      });
      if (existing) throw alreadyInvited(input.email);
      return createInvitation(tx, deps, actor, context, input, inviteExpiry(now, input.expiresInDays), now);
    }, INVITE_TRANSACTION);
    return toCandidateSummary(created, now);
  } catch (error) {
    // Two concurrent invites of the same address: the unique index lets one through.
    if (isUniqueViolation(error)) throw alreadyInvited(input.email);
    throw error;
  }
}

export type BulkRowOutcome = "invited" | "invalid" | "duplicate" | "no_credits";

export interface BulkRowReport {
  /** The line in the file (the header, if any, is line 1). */
  row: number;
  name: string;
  email: string;
  outcome: BulkRowOutcome;
  /** Why a row was not invited; null for invited rows. */
  reason: string | null;
  candidateId: string | null;
}

export interface BulkInviteReport {
  assessmentId: string;
  rows: BulkRowReport[];
  counts: Record<BulkRowOutcome, number>;
}

/**
 * Invites every valid row and reports every other one, in one request. Rows are
 * committed one by one: a row that fails (a concurrent duplicate, an assessment
 * archived meanwhile) is reported without undoing the others.
 */
export async function inviteCandidatesBulk(deps: CoreDeps, actor: OrgActor, rawInput: InviteCandidatesBulkInput): Promise<BulkInviteReport> {
  requirePermission(actor, "candidates:invite");
  const input = InviteCandidatesBulkInput.parse(rawInput);
  const rows = readCandidateRows(input.csv);
  // Fail the whole request early when nothing could be invited anyway.
  await deps.db.$transaction((tx) => requireAssessmentOpenForInvites(tx, actor, input.assessmentId));
  await enforceCandidateInviteLimit(deps, actor);
  const now = nowOf(deps);
  const expiresAt = inviteExpiry(now, input.expiresInDays);

  const emails = rows.filter((r) => !r.invalidReason).map((r) => r.email);
  const existing = new Set(
    (await deps.db.candidate.findMany({ where: { assessmentId: input.assessmentId, email: { in: emails } }, select: { email: true } })).map(
      (c) => c.email,
    ),
  );

  // A few rows at a time: rendering one email overlaps another's database round trips.
  const report = await mapInOrder(rows, BULK_CONCURRENCY, async (row): Promise<BulkRowReport> => {
    const base = { row: row.row, name: row.name, email: row.email, candidateId: null };
    if (row.invalidReason) return { ...base, outcome: "invalid", reason: row.invalidReason };
    if (row.duplicateOf !== undefined) return { ...base, outcome: "duplicate", reason: `Same address as line ${row.duplicateOf} of this file.` };
    if (existing.has(row.email)) return { ...base, outcome: "duplicate", reason: "Already invited to this assessment." };
    return inviteRow(deps, actor, input.assessmentId, row, expiresAt, now);
  });

  const counts = { invited: 0, invalid: 0, duplicate: 0, no_credits: 0 };
  for (const r of report) counts[r.outcome] += 1;
  await recordAudit(deps.db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "candidate.bulk_invited",
    targetType: "assessment",
    targetId: input.assessmentId,
    metadata: counts,
    ipAddress: actor.ipAddress,
  });
  return { assessmentId: input.assessmentId, rows: report, counts };
}

const BULK_CONCURRENCY = 2;

/** Like Promise.all over `items`, with at most `limit` calls in flight; results keep the input order. */
async function mapInOrder<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function inviteRow(
  deps: CoreDeps,
  actor: OrgActor,
  assessmentId: string,
  row: { row: number; name: string; email: string },
  expiresAt: Date,
  now: Date,
): Promise<BulkRowReport> {
  const base = { row: row.row, name: row.name, email: row.email };
  try {
    const created = await deps.db.$transaction(async (tx) => {
      const context = await requireAssessmentOpenForInvites(tx, actor, assessmentId);
      return createInvitation(tx, deps, actor, context, row, expiresAt, now);
    }, INVITE_TRANSACTION);
    return { ...base, outcome: "invited", reason: null, candidateId: created.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ...base, outcome: "duplicate", reason: "Already invited to this assessment.", candidateId: null };
    // Rows beyond the balance are reported, each with the way to get more credits.
    if (isNoCreditsError(error)) return { ...base, outcome: "no_credits", reason: (error as Error).message, candidateId: null };
    // A row the mail renderer refuses (say, a name it cannot put in a subject) is reported, not fatal.
    if (error instanceof DomainError || error instanceof EmailInputError) return { ...base, outcome: "invalid", reason: error.message, candidateId: null };
    throw error;
  }
}
