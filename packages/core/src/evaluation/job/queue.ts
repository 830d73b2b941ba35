// Evaluations are queued as rows (docs/decisions/0140): one per session and evaluator version,
// created in the transaction that finishes the session, so a finished session always has one.
import type { Db, PrismaClient } from "@interviewlm/db";
import { JUDGE_PROMPT_VERSION } from "../judge/rubric.ts";
import { MEASURE_VERSION } from "../measure/types.ts";

/** The evaluator's version: a change to the measured definitions or to the judge's prompt makes a new one. */
export const EVALUATOR_VERSION = `${MEASURE_VERSION}+${JUDGE_PROMPT_VERSION}`;

/** Queues the session's evaluation under the current version; does nothing when it exists (idempotent). */
export async function queueEvaluation(db: Db, input: { organizationId: string; sessionId: string; now?: Date }): Promise<void> {
  await db.evaluation.createMany({
    data: [{ organizationId: input.organizationId, sessionId: input.sessionId, version: EVALUATOR_VERSION, ...(input.now ? { nextAttemptAt: input.now } : {}) }],
    skipDuplicates: true,
  });
}

export interface ClaimedEvaluation {
  id: string;
  organizationId: string;
  sessionId: string;
  version: string;
  /** Including the attempt this claim starts. */
  attempts: number;
}

/**
 * Takes one due evaluation for this process until `leaseUntil`, as the email outbox claims a
 * message: one statement, FOR UPDATE SKIP LOCKED so instances never take the same row, and
 * a RUNNING row whose lease ran out (its worker died) is taken again.
 */
export async function claimNextEvaluation(db: PrismaClient, now: Date, leaseUntil: Date): Promise<ClaimedEvaluation | null> {
  const rows = await db.$queryRaw<ClaimedEvaluation[]>`
    UPDATE "Evaluation"
       SET status = 'RUNNING'::"EvaluationStatus",
           "lockedUntil" = ${leaseUntil},
           attempts = attempts + 1,
           "updatedAt" = ${now}
     WHERE id = (
       SELECT id FROM "Evaluation"
        WHERE (status = 'QUEUED'::"EvaluationStatus" AND "nextAttemptAt" <= ${now})
           OR (status = 'RUNNING'::"EvaluationStatus" AND "lockedUntil" < ${now})
        ORDER BY "nextAttemptAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
    RETURNING id, "organizationId", "sessionId", version, attempts`;
  return rows[0] ?? null;
}

/** Evaluations waiting or running, for the queue-depth gauge. */
export async function evaluationQueueDepth(db: PrismaClient): Promise<number> {
  return db.evaluation.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } });
}
