import type { Prisma, PrismaClient } from "@interviewlm/db";
import type { OrgActor } from "../shared/deps.ts";
import { notFound } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import { questionDetailsSelect, questionSummarySelect, toQuestionDetails, type QuestionDetails, type QuestionSummary } from "./question-dto.ts";
import type { ListQuestionsFilters } from "./schemas.ts";

/** Tenancy for questions: the curated bank is everyone's, generated questions belong to one organisation. */
export const questionsVisibleTo = (organizationId: string): Prisma.QuestionWhereInput => ({
  OR: [{ source: "CURATED", organizationId: null }, { organizationId }],
});

/** The bank as an organisation sees it: curated plus its own generated questions, retired ones left out. */
export async function listQuestions(prisma: PrismaClient, actor: OrgActor, filters: ListQuestionsFilters = {}): Promise<QuestionSummary[]> {
  requirePermission(actor, "assessments:read");
  const search = filters.search?.trim();
  return prisma.question.findMany({
    where: {
      AND: [
        questionsVisibleTo(actor.organizationId),
        { retiredAt: null },
        filters.language ? { language: filters.language } : {},
        filters.difficulty ? { difficulty: filters.difficulty } : {},
        filters.topic ? { topics: { has: filters.topic } } : {},
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
    // Enum order is declaration order in PostgreSQL: python, javascript, typescript; EASY < MEDIUM < HARD.
    orderBy: [{ language: "asc" }, { difficulty: "asc" }, { title: "asc" }],
  });
}

/** Every topic used by the questions an organisation can see, for the filter. */
export async function listQuestionTopics(prisma: PrismaClient, actor: OrgActor): Promise<string[]> {
  requirePermission(actor, "assessments:read");
  const rows = await prisma.question.findMany({
    where: { AND: [questionsVisibleTo(actor.organizationId), { retiredAt: null }] },
    select: { topics: true },
  });
  return [...new Set(rows.flatMap((row) => row.topics))].sort();
}

/**
 * One question with all its content, retired or not (assessments may still use it). Only for
 * the organisation's own interviewers: it carries the hidden tests and the reference solution.
 * Another organisation's question is reported as not found, like a missing one.
 */
export async function getQuestion(prisma: PrismaClient, actor: OrgActor, id: string): Promise<QuestionDetails> {
  requirePermission(actor, "assessments:read");
  const row = await prisma.question.findFirst({
    where: { AND: [{ id }, questionsVisibleTo(actor.organizationId)] },
    select: questionDetailsSelect,
  });
  if (!row) throw notFound("Question", id);
  return toQuestionDetails(row);
}
