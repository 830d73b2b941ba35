// The database half of erasing a candidate (docs/decisions/0170). What identifies or records the
// person goes: the recording (but for the per-call AI usage counts, which hold no content), replay
// keyframes, dead-lettered recording batches, evaluations, the hidden tests' detailed output, the
// emails sent to them, and their name and address inside audit entries. What stays is an anonymous
// tombstone — the candidate row without name or address, the session's status and times, the
// questions served with pass counts, the credit ledger — so the dashboard's figures, the
// organisation's AI spend and the ledger's sums are the same after an erasure as before.
import { randomBytes } from "node:crypto";
import type { Prisma, Tx } from "@interviewlm/db";

export const ERASED_NAME = "Erased candidate";
const ERASED_TEXT = "[erased]";
/** Recording events kept on the tombstone: one per model call, counts and model only. */
const KEPT_EVENT_TYPES = ["agent.usage"];

export interface RowErasure {
  /** False when another worker erased it first (nothing done). */
  erased: boolean;
  recordingEventsDeleted: number;
  keyframesDeleted: number;
  deadLettersDeleted: number;
  evaluationsDeleted: number;
  emailsDeleted: number;
  auditEntriesScrubbed: number;
}

const NOTHING: RowErasure = { erased: false, recordingEventsDeleted: 0, keyframesDeleted: 0, deadLettersDeleted: 0, evaluationsDeleted: 0, emailsDeleted: 0, auditEntriesScrubbed: 0 };

/** Erases the candidate's rows in the caller's transaction; idempotent (an erased row is left alone). */
export async function eraseCandidateRows(tx: Tx, candidateId: string, now: Date): Promise<RowErasure> {
  // The row lock makes two workers erasing the same candidate take turns; the second sees erasedAt.
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Candidate" WHERE id = ${candidateId} AND "erasedAt" IS NULL FOR UPDATE`;
  if (locked.length === 0) return NOTHING;
  const candidate = await tx.candidate.findUniqueOrThrow({
    where: { id: candidateId },
    select: { id: true, organizationId: true, name: true, email: true, session: { select: { id: true } } },
  });
  const sessionId = candidate.session?.id ?? null;

  const counts = { ...NOTHING, erased: true };
  if (sessionId) {
    counts.recordingEventsDeleted = (await tx.recordingEvent.deleteMany({ where: { sessionId, type: { notIn: KEPT_EVENT_TYPES } } })).count;
    counts.keyframesDeleted = (await tx.replayKeyframe.deleteMany({ where: { sessionId } })).count;
    counts.deadLettersDeleted = (await tx.recordingDeadLetter.deleteMany({ where: { sessionId } })).count;
    counts.evaluationsDeleted = (await tx.evaluation.deleteMany({ where: { sessionId } })).count;
    // Links shared with hiring managers point at a report that no longer exists.
    await tx.reportShare.deleteMany({ where: { sessionId } });
    await keepOnlyPassCounts(tx, sessionId);
    await tx.interviewSession.update({ where: { id: sessionId }, data: { workspaceId: null, failureReason: null } });
  }
  // The reviewers' decisions: their reasons are about the person.
  await tx.hiringDecision.deleteMany({ where: { candidateId } });
  counts.emailsDeleted = (await tx.emailMessage.deleteMany({ where: { organizationId: candidate.organizationId, toAddress: candidate.email } })).count;
  counts.auditEntriesScrubbed = await scrubAuditEntries(tx, candidate, sessionId);
  await tx.candidate.update({
    where: { id: candidateId },
    data: {
      name: ERASED_NAME,
      // Unique per assessment, and not an address anyone receives mail at (.invalid, RFC 2606).
      email: `erased-${candidateId}@erased.invalid`,
      // Every link ever sent stops working.
      inviteNonce: randomBytes(16).toString("base64url"),
      erasedAt: now,
      erasureError: null,
      erasureNextAttemptAt: null,
    },
  });
  return counts;
}

/** The hidden tests' output may quote the candidate's code: only status and totals stay. */
async function keepOnlyPassCounts(tx: Tx, sessionId: string): Promise<void> {
  const questions = await tx.sessionQuestion.findMany({ where: { sessionId }, select: { id: true, hiddenTestResult: true } });
  for (const question of questions) {
    if (question.hiddenTestResult === null) continue;
    const result = question.hiddenTestResult as { status?: unknown; totals?: unknown } | null;
    const kept: Prisma.InputJsonObject = { status: typeof result?.status === "string" ? result.status : null, totals: (result?.totals ?? null) as Prisma.InputJsonValue };
    await tx.sessionQuestion.update({ where: { id: question.id }, data: { hiddenTestResult: kept } });
  }
}

/** Audit entries stay (who did what, when) with the person's name and address replaced. */
async function scrubAuditEntries(tx: Tx, candidate: { id: string; organizationId: string; name: string; email: string }, sessionId: string | null): Promise<number> {
  const targets = sessionId ? [candidate.id, sessionId] : [candidate.id];
  const rows = await tx.$queryRaw<{ id: string; metadata: Prisma.JsonValue }[]>`
    SELECT id, metadata FROM "AuditLog"
     WHERE "organizationId" = ${candidate.organizationId}
       AND ("targetId" = ANY(${targets}) OR metadata::text LIKE ${`%${likeEscaped(candidate.email)}%`})`;
  const secrets = [candidate.email, candidate.name].filter((text) => text.trim().length >= 3);
  let scrubbed = 0;
  for (const row of rows) {
    const cleaned = scrub(row.metadata, secrets);
    if (JSON.stringify(cleaned) === JSON.stringify(row.metadata)) continue;
    await tx.auditLog.update({ where: { id: row.id }, data: { metadata: cleaned as Prisma.InputJsonValue } });
    scrubbed++;
  }
  return scrubbed;
}

function scrub(value: Prisma.JsonValue, secrets: string[]): Prisma.JsonValue {
  if (typeof value === "string") return secrets.some((secret) => value.toLowerCase().includes(secret.toLowerCase())) ? ERASED_TEXT : value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item ?? null, secrets)]));
  return value;
}

function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
