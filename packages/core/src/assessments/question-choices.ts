// Whether an assessment may use the questions a recruiter picked. The question bank module
// owns questions and their tenancy rule (`questionsVisibleTo`); this only adds what an
// assessment needs on top: not retired, in one of the assessment's languages, kept in order.
import type { Db } from "@interviewlm/db";
import { questionsVisibleTo, type QuestionSummary } from "../questions/index.ts";
import { questionSummarySelect } from "../questions/question-dto.ts";
import { badRequest } from "../shared/errors.ts";
import { LANGUAGE_LABELS } from "./labels.ts";
import type { AssessmentLanguage } from "./schemas.ts";


/** The question summary as the bank lists it (`questions.list`), for questions inside an assessment. */
export { questionSummarySelect };

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
): Promise<QuestionSummary[]> {
  if (questionIds.length === 0) return [];
  const found = await db.question.findMany({
    where: { AND: [questionsVisibleTo(organizationId), { retiredAt: null }, { id: { in: [...questionIds] } }] },
    select: questionSummarySelect,
  });
  const byId = new Map(found.map((question) => [question.id, question]));
  const problems: string[] = [];
  const ordered: QuestionSummary[] = [];
  for (const id of questionIds) {
    const question = byId.get(id);
    if (!question) {
      problems.push(`Question ${id} is not in your question bank (it may have been retired).`);
    } else if (question.source === "GENERATED" && question.approvedAt === null) {
      problems.push(`"${question.title}" is a generated draft: approve it in the question bank first.`);
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
