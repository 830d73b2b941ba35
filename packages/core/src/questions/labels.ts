import type { Difficulty, QuestionLanguage } from "./schemas.ts";

// The words shown for a question's language and difficulty, everywhere: the bank, the
// assessment form, the candidate preview.

export const LANGUAGE_LABELS = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  go: "Go",
  java: "Java",
  ruby: "Ruby",
  cpp: "C++",
  rust: "Rust",
} as const satisfies Record<QuestionLanguage, string>;

export const DIFFICULTY_LABELS = {
  EASY: "Easy",
  MEDIUM: "Medium",
  HARD: "Hard",
} as const satisfies Record<Difficulty, string>;
