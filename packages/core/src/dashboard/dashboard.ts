import type { Db } from "@interviewlm/db";
import type { OrgActor } from "../shared/deps.ts";
import { requirePermission } from "../shared/permissions.ts";
import { CANDIDATE_STATUSES, type CandidateStatus as CandidateStatusName } from "../candidates/schemas.ts";

export { CANDIDATE_STATUSES, type CandidateStatusName };

export interface DashboardSummary {
  activeAssessments: number;
  candidatesTotal: number;
  candidatesByStatus: Record<CandidateStatusName, number>;
  /** Finished (completed or evaluated) ÷ those who reached a final state or are in progress; null with none. */
  completionRate: number | null;
  /** Mean minutes from start to completion over finished candidates; null with none. */
  averageMinutesToComplete: number | null;
  invitationsThisWeek: number;
  /** Invitations per UTC day, oldest first, for the last `days` days (today included). */
  invitationsPerDay: { day: string; count: number }[];
  /** Finished candidates bucketed by minutes taken. */
  timeToComplete: { label: string; count: number }[];
  /** The candidates' AI assistant this calendar month (UTC), from every model call's recorded usage. */
  aiThisMonth: { calls: number; tokens: number; costMicroUsd: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const TIME_BUCKETS = [
  { label: "< 30 min", max: 30 },
  { label: "30–60 min", max: 60 },
  { label: "60–90 min", max: 90 },
  { label: "90–120 min", max: 120 },
  { label: "> 120 min", max: Infinity },
];

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Real numbers for the organisation's dashboard, straight from the database. */
export async function getDashboard(
  db: Db,
  actor: OrgActor,
  now: Date = new Date(),
  days = 14,
): Promise<DashboardSummary> {
  requirePermission(actor, "candidates:read");
  const organizationId = actor.organizationId;
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY_MS);

  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const [activeAssessments, byStatus, recentInvites, invitationsThisWeek, finished, aiThisMonth] = await Promise.all([
    db.assessment.count({ where: { organizationId, status: "ACTIVE" } }),
    db.candidate.groupBy({ by: ["status"], where: { organizationId }, _count: { _all: true } }),
    db.candidate.findMany({ where: { organizationId, invitedAt: { gte: since } }, select: { invitedAt: true } }),
    db.candidate.count({ where: { organizationId, invitedAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } } }),
    db.candidate.findMany({
      where: { organizationId, status: { in: ["COMPLETED", "EVALUATED"] }, startedAt: { not: null }, completedAt: { not: null } },
      select: { startedAt: true, completedAt: true },
    }),
    aiUsageSince(db, organizationId, monthStart),
  ]);

  const candidatesByStatus = Object.fromEntries(CANDIDATE_STATUSES.map((s) => [s, 0])) as Record<CandidateStatusName, number>;
  for (const row of byStatus) candidatesByStatus[row.status] = row._count._all;
  const candidatesTotal = Object.values(candidatesByStatus).reduce((a, b) => a + b, 0);

  const done = candidatesByStatus.COMPLETED + candidatesByStatus.EVALUATED;
  // Revoked invitations were the company's choice, not the candidate's: left out of the rate.
  const denominator = done + candidatesByStatus.STARTED + candidatesByStatus.EXPIRED + candidatesByStatus.OPENED + candidatesByStatus.INVITED;
  const minutes = finished.map((c) => (c.completedAt!.getTime() - c.startedAt!.getTime()) / 60_000);

  const perDay = new Map<string, number>();
  for (let i = 0; i < days; i++) perDay.set(utcDay(new Date(since.getTime() + i * DAY_MS)), 0);
  for (const { invitedAt } of recentInvites) {
    const key = utcDay(invitedAt);
    if (perDay.has(key)) perDay.set(key, perDay.get(key)! + 1);
  }

  return {
    activeAssessments,
    candidatesTotal,
    candidatesByStatus,
    completionRate: denominator > 0 ? done / denominator : null,
    averageMinutesToComplete: minutes.length ? minutes.reduce((a, b) => a + b, 0) / minutes.length : null,
    invitationsThisWeek,
    invitationsPerDay: [...perDay].map(([day, count]) => ({ day, count })),
    timeToComplete: TIME_BUCKETS.map((bucket, i) => ({
      label: bucket.label,
      count: minutes.filter((m) => m >= (TIME_BUCKETS[i - 1]?.max ?? 0) && m < bucket.max).length,
    })),
    aiThisMonth,
  };
}

/**
 * Sums the `agent.usage` recording events (one per model call, written by the room) of the
 * organisation's sessions. JSON fields are read in SQL so only the totals leave the database.
 */
async function aiUsageSince(db: Db, organizationId: string, since: Date): Promise<DashboardSummary["aiThisMonth"]> {
  const rows = await db.$queryRaw<{ calls: bigint | number; tokens: bigint | number | null; cost: bigint | number | null }[]>`
    SELECT COUNT(*) AS calls,
      SUM(COALESCE((e.payload->>'inputTokens')::bigint, 0) + COALESCE((e.payload->>'outputTokens')::bigint, 0)
        + COALESCE((e.payload->>'cacheCreationInputTokens')::bigint, 0) + COALESCE((e.payload->>'cacheReadInputTokens')::bigint, 0)) AS tokens,
      SUM(COALESCE((e.payload->>'costMicroUsd')::bigint, 0)) AS cost
    FROM "RecordingEvent" e JOIN "InterviewSession" s ON s.id = e."sessionId"
    WHERE s."organizationId" = ${organizationId} AND e.type = 'agent.usage' AND e.at >= ${since}`;
  const row = rows[0];
  return { calls: Number(row?.calls ?? 0), tokens: Number(row?.tokens ?? 0), costMicroUsd: Number(row?.cost ?? 0) };
}
