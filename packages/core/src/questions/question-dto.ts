import type { Prisma } from "@interviewlm/db";
import type { Difficulty, QuestionFile, QuestionLanguage } from "./schemas.ts";
import { parseQuestionFiles } from "./workspace-files.ts";

/** What lists show: no statement, no files. */
export interface QuestionSummary {
  id: string;
  slug: string;
  title: string;
  language: QuestionLanguage;
  difficulty: Difficulty;
  topics: string[];
  estimatedMinutes: number;
  source: "CURATED" | "GENERATED";
  /** When the sandbox last verified a generated question; null for the curated bank (verified in CI). */
  verifiedAt: Date | null;
}

/** Everything about a question, for interviewers only: it includes hidden tests and the reference solution. */
export interface QuestionDetails extends QuestionSummary {
  statement: string;
  starterFiles: QuestionFile[];
  visibleTests: QuestionFile[];
  hiddenTests: QuestionFile[];
  referenceSolution: QuestionFile[];
  contentHash: string;
  retiredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const questionSummarySelect = {
  id: true,
  slug: true,
  title: true,
  language: true,
  difficulty: true,
  topics: true,
  estimatedMinutes: true,
  source: true,
  verifiedAt: true,
} as const satisfies Prisma.QuestionSelect;

export const questionDetailsSelect = {
  ...questionSummarySelect,
  statement: true,
  starterFiles: true,
  visibleTests: true,
  hiddenTests: true,
  referenceSolution: true,
  contentHash: true,
  retiredAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.QuestionSelect;

type DetailsRow = Prisma.QuestionGetPayload<{ select: typeof questionDetailsSelect }>;

export function toQuestionDetails(row: DetailsRow): QuestionDetails {
  return {
    ...row,
    starterFiles: parseQuestionFiles(row.starterFiles, "starter files"),
    visibleTests: parseQuestionFiles(row.visibleTests, "visible tests"),
    hiddenTests: parseQuestionFiles(row.hiddenTests, "hidden tests"),
    referenceSolution: parseQuestionFiles(row.referenceSolution, "reference solution"),
  };
}
