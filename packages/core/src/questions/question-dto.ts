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
  /** When a member approved a generated draft; null for drafts (and for the curated bank, which needs none). */
  approvedAt: Date | null;
}

/** What only the evaluation needs: never shown to candidates or to the AI assistant. */
export interface QuestionSolution {
  hiddenTests: QuestionFile[];
  referenceSolution: QuestionFile[];
}

/**
 * Why a question's solution is not in its details: the curated bank's stay on the server
 * (anyone can sign up, candidates included), and an organisation's own need a permission.
 */
export type SolutionWithheld = "curated" | "permission";

/** Everything an interviewer may read about a question. */
export interface QuestionDetails extends QuestionSummary {
  statement: string;
  starterFiles: QuestionFile[];
  visibleTests: QuestionFile[];
  /** The hidden tests and reference solution, or null when withheld (see `solutionWithheld`). */
  solution: QuestionSolution | null;
  solutionWithheld: SolutionWithheld | null;
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
  approvedAt: true,
} as const satisfies Prisma.QuestionSelect;

/** Deliberately without hiddenTests and referenceSolution: those are read on their own, when allowed. */
export const questionDetailsSelect = {
  ...questionSummarySelect,
  organizationId: true,
  statement: true,
  starterFiles: true,
  visibleTests: true,
  contentHash: true,
  retiredAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.QuestionSelect;

export const questionSolutionSelect = { hiddenTests: true, referenceSolution: true } as const satisfies Prisma.QuestionSelect;

type DetailsRow = Prisma.QuestionGetPayload<{ select: typeof questionDetailsSelect }>;
type SolutionRow = Prisma.QuestionGetPayload<{ select: typeof questionSolutionSelect }>;

export function toQuestionSolution(row: SolutionRow): QuestionSolution {
  return {
    hiddenTests: parseQuestionFiles(row.hiddenTests, "hidden tests"),
    referenceSolution: parseQuestionFiles(row.referenceSolution, "reference solution"),
  };
}

export function toQuestionDetails(
  { organizationId: _owner, ...row }: DetailsRow,
  solution: { files: QuestionSolution } | { withheld: SolutionWithheld },
): QuestionDetails {
  return {
    ...row,
    starterFiles: parseQuestionFiles(row.starterFiles, "starter files"),
    visibleTests: parseQuestionFiles(row.visibleTests, "visible tests"),
    solution: "files" in solution ? solution.files : null,
    solutionWithheld: "withheld" in solution ? solution.withheld : null,
  };
}
