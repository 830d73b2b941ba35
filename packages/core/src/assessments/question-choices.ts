// Which bank questions an organisation may put in an assessment: not retired, and either
// curated (shared by everyone) or its own. Kept local and narrow on purpose — the question
// bank module owns questions; this only answers "can this assessment use that one?".
import type { Prisma, PrismaClient } from "@interviewlm/db";
import { badRequest } from "../shared/errors.ts";
import { LANGUAGE_LABELS } from "./labels.ts";
import type { AssessmentLanguage, QuestionDifficulty } from "./schemas.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface QuestionChoice {
  id: string;
  slug: string;
  title: string;
  language: AssessmentLanguage;
  difficulty: QuestionDifficulty;
  topics: string[];
  estimatedMinutes: number;
  source: "CURATED" | "GENERATED";
}

export const questionChoiceSelect = {
  id: true,
  slug: true,
  title: true,
  language: true,
  difficulty: true,
  topics: true,
  estimatedMinutes: true,
  source: true,
} as const satisfies Prisma.QuestionSelect;

/** Tenancy for questions: the curated bank has no organisation, generated ones belong to one. */
export const visibleToOrganization = (organizationId: string): Prisma.QuestionWhereInput => ({
  retiredAt: null,
  OR: [{ organizationId: null, source: "CURATED" }, { organizationId }],
});

export async function listQuestionChoices(
  db: Db,
  organizationId: string,
  languages?: readonly AssessmentLanguage[],
): Promise<QuestionChoice[]> {
  return db.question.findMany({
    where: { AND: [visibleToOrganization(organizationId), languages?.length ? { language: { in: [...languages] } } : {}] },
    select: questionChoiceSelect,
    // Enum order is declaration order in PostgreSQL: EASY < MEDIUM < HARD.
    orderBy: [{ language: "asc" }, { difficulty: "asc" }, { title: "asc" }],
  });
}

/**
 * The picked questions, in the order given, after checking each one: it exists for this
 * organisation, is not retired, and is in one of the assessment's languages. Unknown and
 * foreign ids get the same message, so another tenant's question ids stay opaque.
 */
export async function requireSelectableQuestions(
  db: Db,
  organizationId: string,
  questionIds: readonly string[],
  languages: readonly AssessmentLanguage[],
): Promise<QuestionChoice[]> {
  if (questionIds.length === 0) return [];
  const found = await db.question.findMany({
    where: { AND: [visibleToOrganization(organizationId), { id: { in: [...questionIds] } }] },
    select: questionChoiceSelect,
  });
  const byId = new Map(found.map((question) => [question.id, question]));
  const problems: string[] = [];
  const ordered: QuestionChoice[] = [];
  for (const id of questionIds) {
    const question = byId.get(id);
    if (!question) {
      problems.push(`Question ${id} is not in your question bank (it may have been retired).`);
    } else if (!languages.includes(question.language)) {
      problems.push(
        `"${question.title}" is in ${LANGUAGE_LABELS[question.language]}, which is not one of this assessment's languages.`,
      );
    } else {
      ordered.push(question);
    }
  }
  if (problems.length > 0) throw badRequest("Some of the picked questions cannot be used.", { questionIds: problems });
  return ordered;
}
