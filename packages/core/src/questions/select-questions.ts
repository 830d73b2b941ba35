import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@interviewlm/db";
import { badRequest } from "../shared/errors.ts";
import { questionSummarySelect, type QuestionSummary } from "./question-dto.ts";
import { DIFFICULTIES, type Difficulty, type QuestionLanguage } from "./schemas.ts";

export interface SelectQuestionsInput {
  organizationId: string;
  language: QuestionLanguage;
  difficulty: Difficulty;
  count: number;
  /** Questions the candidate already had. */
  excludeIds?: readonly string[];
  /** One source only; by default the curated bank plus the organisation's verified generated questions. */
  source?: "CURATED" | "GENERATED";
  /** The same seed picks the same questions (pass the session id so a retried start is stable); random when absent. */
  seed?: string;
}

const MAX_COUNT = 50;

/**
 * "Auto by difficulty": up to `count` questions in `language`, the requested difficulty first,
 * then the nearest ones (at equal distance the easier one — a too-hard question costs a
 * candidate more than a too-easy one). Random within a difficulty, but a pure function of the
 * seed, so one call never returns duplicates and a retry with the same seed agrees.
 * Returns fewer than `count` when the bank has no more; callers decide what that means.
 */
export async function selectQuestions(db: Db, input: SelectQuestionsInput): Promise<QuestionSummary[]> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_COUNT) {
    throw badRequest(`Ask for between 1 and ${MAX_COUNT} questions.`, { count: [`Use a whole number from 1 to ${MAX_COUNT}.`] });
  }
  const candidates = await db.question.findMany({
    where: {
      language: input.language,
      retiredAt: null,
      id: { notIn: [...(input.excludeIds ?? [])] },
      OR: [
        ...(input.source !== "GENERATED" ? [{ source: "CURATED" as const, organizationId: null }] : []),
        // Generated questions count only once the sandbox has verified them and a member approved the draft.
        ...(input.source !== "CURATED" ? [{ source: "GENERATED" as const, organizationId: input.organizationId, verifiedAt: { not: null }, approvedAt: { not: null } }] : []),
      ],
    },
    select: questionSummarySelect,
  });
  const seed = input.seed ?? randomUUID();
  const target = DIFFICULTIES.indexOf(input.difficulty);
  const rank = (q: QuestionSummary) => {
    const level = DIFFICULTIES.indexOf(q.difficulty);
    return Math.abs(level - target) * 2 + (level > target ? 1 : 0);
  };
  const shuffleKey = (q: QuestionSummary) => createHash("sha256").update(`${seed}\u0000${q.id}`).digest("hex");
  return candidates
    .map((question) => ({ question, rank: rank(question), key: shuffleKey(question) }))
    .sort((a, b) => a.rank - b.rank || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, input.count)
    .map(({ question }) => question);
}
