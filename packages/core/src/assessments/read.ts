import type { Db, Prisma } from "@interviewlm/db";
import { weightsOrDefaults, type RecommendationWeights } from "../decisions/schemas.ts";
import type { OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { lockFor, startedCandidatesWhere, type AssessmentLock } from "./locks.ts";
import type { QuestionSummary } from "../questions/index.ts";
import { questionSummarySelect } from "./question-choices.ts";
import { assessmentHeadlineSelect, assessmentSettingsSelect } from "./selects.ts";
import {
  CANDIDATE_STATUSES,
  type AiAssistanceLevel,
  type AiHelpLevel,
  type AssessmentLanguage,
  type AssessmentSeniority,
  type CandidateStatusName,
  type ListAssessmentsFilters,
  type QuestionDifficulty,
  type QuestionSelectionMode,
  type TestVisibilityPolicy,
} from "./schemas.ts";


export interface CandidateCounts {
  total: number;
  byStatus: Record<CandidateStatusName, number>;
}

export interface AssessmentSummary {
  id: string;
  title: string;
  role: string;
  seniority: AssessmentSeniority;
  languages: AssessmentLanguage[];
  durationMinutes: number;
  questionCount: number;
  questionSelection: QuestionSelectionMode;
  status: "ACTIVE" | "ARCHIVED";
  archivedAt: Date | null;
  templateKey: string | null;
  createdAt: Date;
  updatedAt: Date;
  candidates: CandidateCounts;
}

export interface AssessmentQuestionSummary extends QuestionSummary {
  position: number;
  /** Retired after it was picked: existing assessments keep it, new ones cannot pick it. */
  retired: boolean;
}

export interface AssessmentDetails extends AssessmentSummary {
  questionSource: "CURATED" | "GENERATED";
  startingDifficulty: QuestionDifficulty;
  adaptiveDifficulty: boolean;
  aiAssistance: AiAssistanceLevel;
  aiHelpLevel: AiHelpLevel;
  aiMessagesPerQuestion: number;
  aiTokensPerSession: number;
  aiCostUsdPerSession: number;
  testVisibility: TestVisibilityPolicy;
  /** The stored weights, or the defaults when none were set. */
  recommendationWeights: RecommendationWeights;
  instructions: string | null;
  /** MANUAL: the picked questions in order. AUTO: empty (picked when a candidate starts). */
  questions: AssessmentQuestionSummary[];
  lock: AssessmentLock;
}

export const summarySelect = {
  id: true,
  ...assessmentHeadlineSelect,
  questionSelection: true,
  status: true,
  archivedAt: true,
  templateKey: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AssessmentSelect;

export const detailsSelect = {
  ...summarySelect,
  ...assessmentSettingsSelect,
  questionSource: true,
  startingDifficulty: true,
  adaptiveDifficulty: true,
  aiHelpLevel: true,
  aiMessagesPerQuestion: true,
  aiTokensPerSession: true,
  aiCostUsdPerSession: true,
  recommendationWeights: true,
  questions: {
    select: { position: true, question: { select: { ...questionSummarySelect, retiredAt: true } } },
    orderBy: { position: "asc" },
  },
} as const satisfies Prisma.AssessmentSelect;

const emptyCounts = (): CandidateCounts => ({
  total: 0,
  byStatus: Object.fromEntries(CANDIDATE_STATUSES.map((status) => [status, 0])) as Record<CandidateStatusName, number>,
});

/** Candidate counts per assessment and status, zero-filled, in one grouped query. */
export async function candidateCountsFor(
  db: Db,
  organizationId: string,
  assessmentIds: readonly string[],
): Promise<Map<string, CandidateCounts>> {
  const counts = new Map(assessmentIds.map((id) => [id, emptyCounts()]));
  if (assessmentIds.length === 0) return counts;
  const groups = await db.candidate.groupBy({
    by: ["assessmentId", "status"],
    where: { organizationId, assessmentId: { in: [...assessmentIds] } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const entry = counts.get(group.assessmentId);
    if (!entry) continue;
    entry.byStatus[group.status] = group._count._all;
    entry.total += group._count._all;
  }
  return counts;
}

// Upper bound of one page of the list; organisations run tens of assessments, not thousands.
const LIST_LIMIT = 200;

export async function listAssessments(
  db: Db,
  actor: OrgActor,
  filters: ListAssessmentsFilters = { status: "active" },
): Promise<AssessmentSummary[]> {
  requirePermission(actor, "assessments:read");
  const search = filters.search?.trim();
  const rows = await db.assessment.findMany({
    where: {
      organizationId: actor.organizationId,
      status: filters.status === "archived" ? "ARCHIVED" : "ACTIVE",
      ...(search
        ? { OR: [{ title: { contains: search, mode: "insensitive" } }, { role: { contains: search, mode: "insensitive" } }] }
        : {}),
    },
    select: summarySelect,
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
  });
  const counts = await candidateCountsFor(db, actor.organizationId, rows.map((row) => row.id));
  return rows.map((row) => ({ ...row, candidates: counts.get(row.id) ?? emptyCounts() }));
}

/** The full assessment of the caller's organisation; NOT_FOUND for unknown and foreign ids alike. */
export async function readAssessmentDetails(db: Db, organizationId: string, assessmentId: string): Promise<AssessmentDetails> {
  const row = await db.assessment.findFirst({ where: { id: assessmentId, organizationId }, select: detailsSelect });
  if (!row) throw notFound("Assessment", assessmentId);
  // Sequential on purpose: `db` may be an interactive transaction, which runs one query at a time.
  const counts = await candidateCountsFor(db, organizationId, [row.id]);
  const started = await db.candidate.count({ where: startedCandidatesWhere(organizationId, row.id) });
  const { questions, recommendationWeights, ...rest } = row;
  return {
    ...rest,
    recommendationWeights: weightsOrDefaults(recommendationWeights),
    questions: questions.map(({ position, question: { retiredAt, ...question } }) => ({
      ...question,
      position,
      retired: retiredAt !== null,
    })),
    candidates: counts.get(row.id) ?? emptyCounts(),
    lock: lockFor(started),
  };
}

export async function getAssessment(db: Db, actor: OrgActor, assessmentId: string): Promise<AssessmentDetails> {
  requirePermission(actor, "assessments:read");
  return readAssessmentDetails(db, actor.organizationId, assessmentId);
}
