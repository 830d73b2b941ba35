export * from "./schemas.ts";
export { loadQuestionBank, loadQuestion, questionContentHash, QuestionBankError, DEFAULT_QUESTION_BANK_DIR } from "./load-question-bank.ts";
export { seedQuestionBank } from "./seed-question-bank.ts";
export type { SeedReport } from "./seed-question-bank.ts";
export { selectQuestions } from "./select-questions.ts";
export type { SelectQuestionsInput } from "./select-questions.ts";
export { listQuestions, listQuestionTopics, getQuestion, questionsVisibleTo } from "./question-queries.ts";
export type { QuestionSummary, QuestionDetails, QuestionSolution, SolutionWithheld } from "./question-dto.ts";
export {
  questionWorkspaceFiles,
  questionTestFiles,
  referenceWorkspaceFiles,
  testFileKind,
  parseQuestionFiles,
} from "./workspace-files.ts";
export type { QuestionFileSets } from "./workspace-files.ts";
export { isTestFilePath } from "./test-files.ts";
