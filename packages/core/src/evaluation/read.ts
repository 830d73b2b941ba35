// What the report reads and the re-run a reviewer asks for. Scoped to the caller's
// organisation: another organisation's session is NOT_FOUND, never FORBIDDEN.
import type { Db } from "@interviewlm/db";
import { recordAudit } from "../audit/audit-log.ts";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError, notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import type { DimensionResult } from "./judge/aggregate.ts";
import { EVALUATOR_VERSION } from "./job/queue.ts";
import { RUBRIC_NEEDS_KEY } from "./job/run-evaluation.ts";
import type { MeasuredEvaluation } from "./measure/types.ts";

export interface SessionEvaluation {
  id: string;
  sessionId: string;
  version: string;
  /** The version a re-run would produce now; differs from `version` after the evaluator changed. */
  currentVersion: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  attempts: number;
  /** Why the last attempt failed (or why the rubric part failed on a DONE evaluation). */
  lastError: string | null;
  measured: MeasuredEvaluation | null;
  rubric: {
    status: "done" | "needs_key" | "failed" | "pending";
    /** Shown instead of scores when there are none. */
    note: string | null;
    dimensions: DimensionResult[];
    samples: number | null;
  };
  model: string | null;
  promptVersion: string | null;
  usage: { inputTokens: number; outputTokens: number; costMicroUsd: number | null };
  droppedClaims: number;
  needsReview: boolean;
  completedAt: Date | null;
  /** The replay of this session; append `?t=<seconds>` (a moment's `t` / 1000). */
  replayPath: string;
}

const SELECT = {
  id: true,
  sessionId: true,
  version: true,
  status: true,
  attempts: true,
  lastError: true,
  measured: true,
  rubric: true,
  rubricStatus: true,
  model: true,
  promptVersion: true,
  inputTokens: true,
  outputTokens: true,
  costMicroUsd: true,
  droppedClaims: true,
  needsReview: true,
  completedAt: true,
} as const;

async function requireOrgSession(db: Db, actor: OrgActor, sessionId: string) {
  // An erased candidate's session (docs/decisions/0170) has no evaluation and must not get a new one.
  const session = await db.interviewSession.findFirst({ where: { id: sessionId, organizationId: actor.organizationId, candidate: { erasureRequestedAt: null } }, select: { id: true, status: true } });
  if (!session) throw notFound("Interview session", sessionId);
  return session;
}

/** The session's latest evaluation (the newest version's), or null before one is queued. */
export async function evaluationForSession(db: Db, actor: OrgActor, sessionId: string): Promise<SessionEvaluation | null> {
  requirePermission(actor, "reports:read");
  const session = await requireOrgSession(db, actor, sessionId);
  return latestEvaluationOf(db, actor.organizationId, session.id);
}

/**
 * The newest evaluation of a session the caller has already authorised (a member's read above,
 * or a share link's row, ADR 0142). Not exported from the package's index on purpose.
 */
export async function latestEvaluationOf(db: Db, organizationId: string, sessionId: string): Promise<SessionEvaluation | null> {
  const row = await db.evaluation.findFirst({ where: { sessionId, organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: SELECT });
  if (!row) return null;
  const stored = (row.rubric ?? {}) as { dimensions?: DimensionResult[]; samples?: number; note?: string | null };
  const rubricStatus = row.status === "DONE" ? ((row.rubricStatus ?? "failed") as "done" | "needs_key" | "failed") : "pending";
  return {
    id: row.id,
    sessionId: row.sessionId,
    version: row.version,
    currentVersion: EVALUATOR_VERSION,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    measured: (row.measured as MeasuredEvaluation | null) ?? null,
    rubric: {
      status: rubricStatus,
      note: rubricStatus === "needs_key" ? (stored.note ?? RUBRIC_NEEDS_KEY) : rubricStatus === "failed" ? (stored.note ?? row.lastError) : null,
      dimensions: stored.dimensions ?? [],
      samples: stored.samples ?? null,
    },
    model: row.model,
    promptVersion: row.promptVersion,
    usage: { inputTokens: row.inputTokens, outputTokens: row.outputTokens, costMicroUsd: row.costMicroUsd },
    droppedClaims: row.droppedClaims,
    needsReview: row.needsReview,
    completedAt: row.completedAt,
    replayPath: `/app/sessions/${row.sessionId}/replay`,
  };
}

/**
 * Queues the session's evaluation again under the current version (a new row when the
 * evaluator changed, the same row otherwise). Refused while one is running; audited.
 */
export async function rerunEvaluation(db: Db, actor: OrgActor, sessionId: string, now: Date = new Date()): Promise<{ id: string; version: string; status: "QUEUED" }> {
  requirePermission(actor, "evaluations:override");
  const session = await requireOrgSession(db, actor, sessionId);
  if (session.status !== "COMPLETED") throw new DomainError("PRECONDITION_FAILED", `Session ${sessionId} has not finished; it is evaluated when it does.`);
  const existing = await db.evaluation.findUnique({ where: { sessionId_version: { sessionId: session.id, version: EVALUATOR_VERSION } }, select: { id: true, status: true, lockedUntil: true } });
  if (existing && ((existing.status === "RUNNING" && existing.lockedUntil && existing.lockedUntil > now) || existing.status === "QUEUED")) {
    throw new DomainError("CONFLICT", `The evaluation of session ${sessionId} is already ${existing.status === "QUEUED" ? "queued" : "running"}.`);
  }
  const reset = { status: "QUEUED" as const, attempts: 0, nextAttemptAt: now, lockedUntil: null, lastError: null, requestedById: actor.userId };
  const row = existing
    ? await db.evaluation.update({ where: { id: existing.id }, data: reset, select: { id: true, version: true } })
    : await db.evaluation.create({ data: { organizationId: actor.organizationId, sessionId: session.id, version: EVALUATOR_VERSION, ...reset }, select: { id: true, version: true } });
  await recordAudit(db, { organizationId: actor.organizationId, actorUserId: actor.userId, action: "evaluation.rerun_requested", targetType: "interview_session", targetId: session.id, metadata: { evaluationId: row.id, version: row.version }, ipAddress: actor.ipAddress ?? null });
  return { id: row.id, version: row.version, status: "QUEUED" };
}
