// Reading candidates: always inside the actor's organisation, newest first.
import type { Db, Prisma } from "@interviewlm/db";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { candidateSelect, toCandidateSummary, type CandidateSummary } from "./candidate-dto.ts";
import { CANDIDATE_STATUSES, CandidateCountsInput, ListCandidatesInput, type CandidateStatus } from "./schemas.ts";

export interface CandidatePage {
  items: CandidateSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export async function listCandidates(
  deps: Pick<CoreDeps, "db" | "now">,
  actor: OrgActor,
  rawInput: Partial<ListCandidatesInput> = {},
): Promise<CandidatePage> {
  requirePermission(actor, "candidates:read");
  const input = ListCandidatesInput.parse(rawInput);
  const where: Prisma.CandidateWhereInput = { organizationId: actor.organizationId };
  if (input.status) where.status = input.status;
  if (input.assessmentId) where.assessmentId = input.assessmentId;
  if (input.query) {
    where.OR = [
      { name: { contains: input.query, mode: "insensitive" } },
      { email: { contains: input.query.toLowerCase() } },
    ];
  }
  const [total, rows] = await Promise.all([
    deps.db.candidate.count({ where }),
    deps.db.candidate.findMany({
      where,
      select: candidateSelect,
      // The id breaks ties between rows created in the same millisecond (bulk invites).
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  const now = nowOf(deps);
  return {
    items: rows.map((row) => toCandidateSummary(row, now)),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  };
}

export interface CandidateDetail extends CandidateSummary {
  /** The interview session once the candidate started, for links to the live room and replay. */
  sessionId: string | null;
}

export async function getCandidate(deps: Pick<CoreDeps, "db" | "now">, actor: OrgActor, candidateId: string): Promise<CandidateDetail> {
  requirePermission(actor, "candidates:read");
  const row = await deps.db.candidate.findFirst({
    where: { id: candidateId, organizationId: actor.organizationId },
    select: { ...candidateSelect, session: { select: { id: true } } },
  });
  if (!row) throw notFound("Candidate", candidateId);
  return { ...toCandidateSummary(row, nowOf(deps)), sessionId: row.session?.id ?? null };
}

export type CandidateCounts = Record<CandidateStatus, number> & { total: number };

/** How many candidates are in each status, for the whole organisation or one assessment. */
export async function countCandidatesByStatus(
  db: Db,
  actor: OrgActor,
  rawInput: { assessmentId?: string } = {},
): Promise<CandidateCounts> {
  requirePermission(actor, "candidates:read");
  const input = CandidateCountsInput.parse(rawInput);
  const groups = await db.candidate.groupBy({
    by: ["status"],
    where: { organizationId: actor.organizationId, ...(input.assessmentId ? { assessmentId: input.assessmentId } : {}) },
    _count: { _all: true },
  });
  const counts = Object.fromEntries(CANDIDATE_STATUSES.map((s) => [s, 0])) as CandidateCounts;
  counts.total = 0;
  for (const group of groups) {
    counts[group.status] = group._count._all;
    counts.total += group._count._all;
  }
  return counts;
}
