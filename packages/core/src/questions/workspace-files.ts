import type { Prisma } from "@interviewlm/db";
import { QuestionFilesSchema, type QuestionFile, type TestVisibility } from "./schemas.ts";

// Which of a question's files go where. A candidate's workspace and the files injected into a
// test run (RunTestsRequest.hiddenTests, never written into the workspace) are derived here
// only, so the interview, the AI agent and the evaluation cannot disagree about what a
// candidate may see.

/** File lists as stored (Prisma Json) or as loaded from the bank. */
type Files = readonly QuestionFile[] | Prisma.JsonValue;

export interface QuestionFileSets {
  starterFiles: Files;
  visibleTests: Files;
  hiddenTests?: Files;
  referenceSolution?: Files;
}

/** Validates stored file lists: Json columns are only typed at runtime. */
export function parseQuestionFiles(files: Files | undefined, what = "question files"): QuestionFile[] {
  const parsed = QuestionFilesSchema.safeParse(files ?? []);
  if (!parsed.success) throw new Error(`Stored ${what} are malformed: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** The files a candidate's workspace starts with: starter code, plus the visible tests when they may read them. */
export function questionWorkspaceFiles(question: Pick<QuestionFileSets, "starterFiles" | "visibleTests">, testVisibility: TestVisibility): QuestionFile[] {
  const starter = parseQuestionFiles(question.starterFiles, "starter files");
  if (testVisibility !== "VISIBLE") return starter;
  return overlay(starter, parseQuestionFiles(question.visibleTests, "visible tests"));
}

/**
 * Test files to inject into a run (RunTestsRequest.hiddenTests) — those the run needs that are
 * not in the workspace:
 * - VISIBLE: the visible tests are already in the workspace; hidden ones only with includeHidden.
 * - RESULTS_ONLY: the visible tests are run but never shown, so they are always injected.
 * - HIDDEN: nothing runs during the interview; the evaluation (includeHidden) runs both sets.
 * Injected files are flagged `hidden` in results; use testFileKind to tell the sets apart.
 */
export function questionTestFiles(
  question: Pick<QuestionFileSets, "visibleTests" | "hiddenTests">,
  testVisibility: TestVisibility,
  options: { includeHidden: boolean },
): QuestionFile[] {
  const visible = parseQuestionFiles(question.visibleTests, "visible tests");
  const hidden = options.includeHidden ? parseQuestionFiles(question.hiddenTests, "hidden tests") : [];
  switch (testVisibility) {
    case "VISIBLE":
      return hidden;
    case "RESULTS_ONLY":
      return [...visible, ...hidden];
    case "HIDDEN":
      return options.includeHidden ? [...visible, ...hidden] : [];
  }
}

/** Whether a test result's file is one of the question's visible or hidden tests (null: the candidate's own). */
export function testFileKind(question: Pick<QuestionFileSets, "visibleTests" | "hiddenTests">, path: string | null): "visible" | "hidden" | null {
  if (path === null) return null;
  if (parseQuestionFiles(question.hiddenTests, "hidden tests").some((f) => f.path === path)) return "hidden";
  if (parseQuestionFiles(question.visibleTests, "visible tests").some((f) => f.path === path)) return "visible";
  return null;
}

/** The solved workspace: starter files with the reference solution laid over them, plus the visible tests. */
export function referenceWorkspaceFiles(question: QuestionFileSets): QuestionFile[] {
  const solved = overlay(parseQuestionFiles(question.starterFiles, "starter files"), parseQuestionFiles(question.referenceSolution, "reference solution"));
  return overlay(solved, parseQuestionFiles(question.visibleTests, "visible tests"));
}

/** `over` wins on equal paths; the order is stable (base order, then new paths). */
function overlay(base: readonly QuestionFile[], over: readonly QuestionFile[]): QuestionFile[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const file of over) byPath.set(file.path, file);
  return [...byPath.values()];
}
