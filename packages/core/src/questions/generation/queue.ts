// Generation jobs are rows claimed under a lease, as evaluations are (evaluation/job/queue.ts):
// FOR UPDATE SKIP LOCKED so instances never take the same row, and a RUNNING row whose lease
// ran out (its worker died) is taken again and started over.
import type { PrismaClient } from "@interviewlm/db";

export interface ClaimedGeneration {
  id: string;
  organizationId: string;
  /** Including the attempt this claim starts. */
  attempts: number;
}

export async function claimNextGeneration(db: PrismaClient, now: Date, leaseUntil: Date): Promise<ClaimedGeneration | null> {
  const rows = await db.$queryRaw<ClaimedGeneration[]>`
    UPDATE "QuestionGeneration"
       SET status = 'RUNNING'::"QuestionGenerationStatus",
           "lockedUntil" = ${leaseUntil},
           attempts = attempts + 1,
           "updatedAt" = ${now}
     WHERE id = (
       SELECT id FROM "QuestionGeneration"
        WHERE (status = 'QUEUED'::"QuestionGenerationStatus" AND "nextAttemptAt" <= ${now})
           OR (status = 'RUNNING'::"QuestionGenerationStatus" AND "lockedUntil" < ${now})
        ORDER BY "nextAttemptAt", id
        LIMIT 1
        FOR UPDATE SKIP LOCKED
     )
    RETURNING id, "organizationId", attempts`;
  return rows[0] ?? null;
}

/** One progress entry: what the recruiter watches while the job runs. */
export interface ProgressEntry {
  stage: string;
  status: "started" | "passed" | "failed" | "skipped" | "info";
  detail: string;
  at: string;
}

/**
 * Appends to the job's progress in one statement (no read-modify-write race), and only while
 * this attempt holds the job; returns false when it lost it (then it must stop).
 */
export async function appendProgress(db: PrismaClient, claimed: ClaimedGeneration, entry: Omit<ProgressEntry, "at">, now: Date, leaseUntil: Date): Promise<boolean> {
  const item = JSON.stringify([{ ...entry, detail: entry.detail.slice(0, 500), at: now.toISOString() }]);
  const updated = await db.$executeRaw`
    UPDATE "QuestionGeneration"
       SET progress = progress || ${item}::jsonb, "lockedUntil" = ${leaseUntil}, "updatedAt" = ${now}
     WHERE id = ${claimed.id} AND status = 'RUNNING'::"QuestionGenerationStatus" AND attempts = ${claimed.attempts}`;
  return updated === 1;
}
