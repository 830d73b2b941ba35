// The candidates of one assessment side by side (issue 12): one row per candidate with the
// figures a recruiter sorts by, taken from each session's newest evaluation. Scoped to the
// caller's organisation: another organisation's assessment is NOT_FOUND.
import type { Db } from "@interviewlm/db";
import type { CandidateStatus } from "../candidates/schemas.ts";
import type { OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import type { DimensionResult } from "./judge/aggregate.ts";
import { DIMENSIONS, type Dimension } from "./judge/rubric.ts";
import type { MeasuredEvaluation } from "./measure/types.ts";
import { CompareAssessmentInput } from "./schemas.ts";

export interface CompareRow {
  candidateId: string;
  candidateName: string;
  candidateStatus: CandidateStatus;
  /** The interview session; null before the candidate started. */
  sessionId: string | null;
  evaluationStatus: "QUEUED" | "RUNNING" | "DONE" | "FAILED" | null;
  /** Mean hidden-test pass ratio over the questions (0–1); null until measured. */
  hiddenPassRate: number | null;
  /** ms from the start of the interview to the first visible-test run that passed, any question; null if none passed. */
  firstPassMs: number | null;
  /** Share of the lines the AI agent wrote that the final code keeps (0–1); null when the agent wrote nothing. */
  aiKeptShare: number | null;
  /** Median level per rubric dimension with its review flag; empty without a judged rubric. */
  rubric: Partial<Record<Dimension, { level: number; needsReview: boolean }>>;
  needsReview: boolean;
}

export interface AssessmentComparison {
  assessment: { id: string; title: string };
  dimensions: readonly Dimension[];
  rows: CompareRow[];
}

export async function compareAssessmentCandidates(db: Db, actor: OrgActor, rawInput: CompareAssessmentInput): Promise<AssessmentComparison> {
  requirePermission(actor, "reports:read");
  const input = CompareAssessmentInput.parse(rawInput);
  const assessment = await db.assessment.findFirst({ where: { id: input.assessmentId, organizationId: actor.organizationId }, select: { id: true, title: true } });
  if (!assessment) throw notFound("Assessment", input.assessmentId);
  const candidates = await db.candidate.findMany({
    where: { assessmentId: assessment.id, organizationId: actor.organizationId },
    orderBy: [{ invitedAt: "asc" }, { id: "asc" }],
    select: {
      id: true, name: true, status: true,
      session: {
        select: {
          id: true,
          evaluations: { where: { organizationId: actor.organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { status: true, measured: true, rubric: true, rubricStatus: true, needsReview: true } },
        },
      },
    },
  });
  return { assessment, dimensions: DIMENSIONS, rows: candidates.map(toRow) };
}

type CandidateWithEvaluation = {
  id: string; name: string; status: CandidateStatus;
  session: { id: string; evaluations: { status: CompareRow["evaluationStatus"] & string; measured: unknown; rubric: unknown; rubricStatus: string | null; needsReview: boolean }[] } | null;
};

function toRow(candidate: CandidateWithEvaluation): CompareRow {
  const evaluation = candidate.session?.evaluations[0] ?? null;
  const measured = evaluation?.status === "DONE" ? (evaluation.measured as MeasuredEvaluation | null) : null;
  const judged = evaluation?.status === "DONE" && evaluation.rubricStatus === "done" ? ((evaluation.rubric ?? {}) as { dimensions?: DimensionResult[] }).dimensions ?? [] : [];
  const passes = (measured?.questions ?? []).flatMap((q) => (q.firstPass ? [q.firstPass.t] : []));
  return {
    candidateId: candidate.id,
    candidateName: candidate.name,
    candidateStatus: candidate.status,
    sessionId: candidate.session?.id ?? null,
    evaluationStatus: evaluation?.status ?? null,
    hiddenPassRate: measured ? measured.scores.hiddenPassRate : null,
    firstPassMs: passes.length > 0 ? Math.min(...passes) : null,
    aiKeptShare: measured ? measured.ai.agentLinesKeptShare : null,
    rubric: Object.fromEntries(judged.map((d) => [d.dimension, { level: d.level, needsReview: d.needsReview }])),
    needsReview: evaluation?.status === "DONE" ? evaluation.needsReview : false,
  };
}
