// What the candidate's AI assistant cost in their session, for the recruiter's candidate page.
// Sums the room's `agent.usage` recording events (one per model call), like the dashboard's
// monthly total, but for one candidate of the caller's organisation.
import type { CoreDeps, OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";

export interface CandidateAiUsage {
  /** Model calls; 0 when the candidate never used the assistant (or had none). */
  calls: number;
  tokens: number;
  costMicroUsd: number;
}

export async function getCandidateAiUsage(deps: Pick<CoreDeps, "db">, actor: OrgActor, candidateId: string): Promise<CandidateAiUsage> {
  requirePermission(actor, "candidates:read");
  // The organisation check comes first: another organisation's candidate is "not found".
  const candidate = await deps.db.candidate.findFirst({ where: { id: candidateId, organizationId: actor.organizationId }, select: { id: true } });
  if (!candidate) throw notFound("Candidate", candidateId);
  const rows = await deps.db.$queryRaw<{ calls: bigint | number; tokens: bigint | number | null; cost: bigint | number | null }[]>`
    SELECT COUNT(*) AS calls,
      SUM(COALESCE((e.payload->>'inputTokens')::bigint, 0) + COALESCE((e.payload->>'outputTokens')::bigint, 0)
        + COALESCE((e.payload->>'cacheCreationInputTokens')::bigint, 0) + COALESCE((e.payload->>'cacheReadInputTokens')::bigint, 0)) AS tokens,
      SUM(COALESCE((e.payload->>'costMicroUsd')::bigint, 0)) AS cost
    FROM "RecordingEvent" e JOIN "InterviewSession" s ON s.id = e."sessionId"
    WHERE s."organizationId" = ${actor.organizationId} AND s."candidateId" = ${candidateId} AND e.type = 'agent.usage'`;
  const row = rows[0];
  return { calls: Number(row?.calls ?? 0), tokens: Number(row?.tokens ?? 0), costMicroUsd: Number(row?.cost ?? 0) };
}
