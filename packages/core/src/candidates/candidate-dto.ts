// What the API returns about a candidate: never the invite nonce (with APP_SECRET it
// would rebuild the candidate's link), only facts a recruiter may see.
import type { Prisma } from "@interviewlm/db";
import type { CandidateStatus } from "./schemas.ts";

export const candidateSelect = {
  id: true,
  name: true,
  email: true,
  status: true,
  assessmentId: true,
  expiresAt: true,
  invitedAt: true,
  openedAt: true,
  startedAt: true,
  completedAt: true,
  evaluatedAt: true,
  expiredAt: true,
  revokedAt: true,
  lastEmailedAt: true,
  remindersSent: true,
  createdAt: true,
  erasureRequestedAt: true,
  erasedAt: true,
  erasureError: true,
  assessment: { select: { title: true } },
  createdBy: { select: { name: true } },
  // The current hiring decision is the newest one (docs/decisions/0141).
  decisions: { select: { outcome: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
} as const satisfies Prisma.CandidateSelect;

type CandidateRow = Prisma.CandidateGetPayload<{ select: typeof candidateSelect }>;

export interface CandidateSummary {
  id: string;
  name: string;
  email: string;
  status: CandidateStatus;
  assessmentId: string;
  assessmentTitle: string;
  /** When the current link stops working. */
  expiresAt: Date;
  invitedAt: Date;
  openedAt: Date | null;
  startedAt: Date | null;
  completedAt: Date | null;
  evaluatedAt: Date | null;
  expiredAt: Date | null;
  revokedAt: Date | null;
  lastEmailedAt: Date | null;
  remindersSent: number;
  invitedBy: string | null;
  createdAt: Date;
  /**
   * Erasure (docs/decisions/0170): requested (pending while a store is unreachable; the job retries,
   * `erasureError` says what failed), then done — the row is an anonymous tombstone from then on.
   */
  erasure: { requestedAt: Date | null; erasedAt: Date | null; error: string | null };
  /** The reviewers' current decision; the report holds its reason and history. */
  decision: "ADVANCE" | "HOLD" | "REJECT" | null;
  /** Which actions the current status allows (the service re-checks on every call). */
  can: { resend: boolean; remind: boolean; revoke: boolean; erase: boolean };
}

/** Statuses from which each recruiter action is allowed. */
export const RESENDABLE: readonly CandidateStatus[] = ["INVITED", "OPENED", "EXPIRED", "REVOKED"];
export const REMINDABLE: readonly CandidateStatus[] = ["INVITED", "OPENED"];
export const REVOCABLE: readonly CandidateStatus[] = ["INVITED", "OPENED", "EXPIRED"];
/** Nothing open or running: no credit held, no live room or workspace in use. */
export const ERASABLE: readonly CandidateStatus[] = ["COMPLETED", "EVALUATED", "EXPIRED", "REVOKED"];

export function toCandidateSummary(row: CandidateRow, now: Date): CandidateSummary {
  const live = row.expiresAt > now;
  const erasing = row.erasureRequestedAt !== null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: row.status,
    assessmentId: row.assessmentId,
    assessmentTitle: row.assessment.title,
    expiresAt: row.expiresAt,
    invitedAt: row.invitedAt,
    openedAt: row.openedAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    evaluatedAt: row.evaluatedAt,
    expiredAt: row.expiredAt,
    revokedAt: row.revokedAt,
    lastEmailedAt: row.lastEmailedAt,
    remindersSent: row.remindersSent,
    invitedBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt,
    erasure: { requestedAt: row.erasureRequestedAt, erasedAt: row.erasedAt, error: row.erasureError },
    decision: row.decisions[0]?.outcome ?? null,
    can: {
      resend: !erasing && RESENDABLE.includes(row.status),
      remind: !erasing && REMINDABLE.includes(row.status) && live,
      revoke: !erasing && REVOCABLE.includes(row.status),
      erase: !row.erasedAt && ERASABLE.includes(row.status),
    },
  };
}
