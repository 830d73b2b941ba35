import { roleCan } from "@interviewlm/auth";
import type { Db, Prisma } from "@interviewlm/db";
import type { OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import {
  questionDetailsSelect,
  questionSolutionSelect,
  questionSummarySelect,
  toQuestionDetails,
  toQuestionSolution,
  type QuestionDetails,
  type QuestionSummary,
  type SolutionWithheld,
} from "./question-dto.ts";
import type { ListQuestionsFilters } from "./schemas.ts";

/** Tenancy for questions: the curated bank is everyone's, generated questions belong to one organisation. */
export const questionsVisibleTo = (organizationId: string): Prisma.QuestionWhereInput => ({
  OR: [{ source: "CURATED", organizationId: null }, { organizationId }],
});

/** The bank as an organisation sees it: curated plus its own generated questions, retired ones left out. */
export async function listQuestions(db: Db, actor: OrgActor, filters: ListQuestionsFilters = {}): Promise<QuestionSummary[]> {
  requirePermission(actor, "assessments:read");
  const search = filters.search?.trim();
  return db.question.findMany({
    where: {
      AND: [
        questionsVisibleTo(actor.organizationId),
        { retiredAt: null },
        filters.language ? { language: filters.language } : {},
        filters.difficulty ? { difficulty: filters.difficulty } : {},
        filters.topic ? { topics: { has: filters.topic } } : {},
        filters.source === "CURATED" ? { source: "CURATED" } : {},
        filters.source === "GENERATED" ? { source: "GENERATED" } : {},
        filters.source === "DRAFT" ? { source: "GENERATED", approvedAt: null } : {},
        search
          ? {
              OR: [
                { title: { contains: search, mode: "insensitive" } },
                { slug: { contains: search.toLowerCase() } },
                { topics: { has: search.toLowerCase().replace(/\s+/g, "-") } },
              ],
            }
          : {},
      ],
    },
    select: questionSummarySelect,
    // Enum order is declaration order in PostgreSQL: python, javascript, typescript, go, java, ruby, cpp, rust; EASY < MEDIUM < HARD.
    orderBy: [{ language: "asc" }, { difficulty: "asc" }, { title: "asc" }],
  });
}

/** Every topic used by the questions an organisation can see, for the filter. */
export async function listQuestionTopics(db: Db, actor: OrgActor): Promise<string[]> {
  requirePermission(actor, "assessments:read");
  const rows = await db.question.findMany({
    where: { AND: [questionsVisibleTo(actor.organizationId), { retiredAt: null }] },
    select: { topics: true },
  });
  return [...new Set(rows.flatMap((row) => row.topics))].sort();
}

/**
 * One question as an interviewer reads it, retired or not (assessments may still use it).
 * Another organisation's question is reported as not found, like a missing one.
 *
 * Hidden tests and the reference solution are read only when the caller may see them: never
 * for the curated bank (anyone can sign up — a candidate too — so its answers stay on the
 * server), and for the organisation's own questions only with `questions:read_solutions`.
 */
export async function getQuestion(db: Db, actor: OrgActor, id: string): Promise<QuestionDetails> {
  requirePermission(actor, "assessments:read");
  const row = await db.question.findFirst({
    where: { AND: [{ id }, questionsVisibleTo(actor.organizationId)] },
    select: questionDetailsSelect,
  });
  if (!row) throw notFound("Question", id);
  const withheld = solutionWithheldFrom(actor, row);
  if (withheld) return toQuestionDetails(row, { withheld });
  const solution = await db.question.findFirstOrThrow({
    where: { id: row.id, organizationId: actor.organizationId },
    select: questionSolutionSelect,
  });
  return toQuestionDetails(row, { files: toQuestionSolution(solution) });
}

/** Whether (and why not) `actor` may read a question's hidden tests and reference solution. */
export function solutionWithheldFrom(actor: OrgActor, question: { organizationId: string | null }): SolutionWithheld | null {
  if (question.organizationId === null) return "curated";
  const own = question.organizationId === actor.organizationId;
  return own && roleCan(actor.role, "questions:read_solutions") ? null : "permission";
}
