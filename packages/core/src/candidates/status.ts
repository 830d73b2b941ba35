// The candidate status pipeline: INVITED → OPENED → STARTED → COMPLETED → EVALUATED,
// with EXPIRED and REVOKED as exits before the start. Every move is one conditional
// UPDATE naming the statuses it may leave, so concurrent requests (two tabs, the expiry
// job on several instances) can neither skip a step nor move a candidate backwards.
import type { Db, Prisma } from "@interviewlm/db";
import type { CandidateStatus } from "./schemas.ts";


export type PipelineStep = "OPENED" | "STARTED" | "COMPLETED" | "EVALUATED";

const FROM: Record<PipelineStep, readonly CandidateStatus[]> = {
  OPENED: ["INVITED"],
  // Starting needs a live invitation; straight from INVITED covers a portal skipped by a stale tab.
  STARTED: ["INVITED", "OPENED"],
  COMPLETED: ["STARTED"],
  EVALUATED: ["COMPLETED"],
};

const STAMP = { OPENED: "openedAt", STARTED: "startedAt", COMPLETED: "completedAt", EVALUATED: "evaluatedAt" } as const;

/** Which statuses may move to `to` (for callers that want to explain a refusal). */
export function pipelinePredecessors(to: PipelineStep): readonly CandidateStatus[] {
  return FROM[to];
}

/**
 * Moves a candidate one step along the pipeline and stamps the time. Returns false
 * (changing nothing) when the candidate is not in a status that leads there, e.g.
 * already STARTED when a second tab also tries to start. Pass the caller's transaction
 * so the move commits with the work it stands for (the interview session, the report).
 */
export async function advanceCandidateStatus(db: Db, input: { candidateId: string; to: PipelineStep; now: Date }): Promise<boolean> {
  const where: Prisma.CandidateWhereInput = { id: input.candidateId, status: { in: [...FROM[input.to]] } };
  if (input.to === "STARTED") where.expiresAt = { gt: input.now };
  const moved = await db.candidate.updateMany({ where, data: { status: input.to, [STAMP[input.to]]: input.now } });
  return moved.count === 1;
}

/** The candidate's first visit to the portal; later visits change nothing. */
export function markOpened(db: Db, candidateId: string, now: Date): Promise<boolean> {
  return advanceCandidateStatus(db, { candidateId, to: "OPENED", now });
}

export interface ExpiredInvitation {
  id: string;
  organizationId: string;
  assessmentId: string;
}

/**
 * The scheduled job: invitations still unused (INVITED or OPENED) whose link expired
 * become EXPIRED. One UPDATE … RETURNING, so running it on several instances at once
 * expires each invitation exactly once, and each instance learns only the rows it
 * moved (what a credit refund will need).
 */
export async function expireInvitations(db: Db, now: Date = new Date()): Promise<ExpiredInvitation[]> {
  // Timestamps travel as ISO text cast to the column type (UTC, like every Prisma DateTime).
  const at = now.toISOString();
  return db.$queryRaw<ExpiredInvitation[]>`
    UPDATE "Candidate"
       SET "status" = 'EXPIRED'::"CandidateStatus", "expiredAt" = ${at}::timestamp(3), "updatedAt" = ${at}::timestamp(3)
     WHERE "status" IN ('INVITED'::"CandidateStatus", 'OPENED'::"CandidateStatus")
       AND "expiresAt" < ${at}::timestamp(3)
    RETURNING "id", "organizationId", "assessmentId"`;
}
