import type { BadgeTone } from "@interviewlm/ui";
import type { Difficulty, QuestionLanguage } from "@interviewlm/core/questions";

export const LANGUAGES = ["python", "typescript", "javascript"] as const satisfies readonly QuestionLanguage[];
export const DIFFICULTIES = ["EASY", "MEDIUM", "HARD"] as const satisfies readonly Difficulty[];

export const LANGUAGE_LABELS: Record<QuestionLanguage, string> = { python: "Python", javascript: "JavaScript", typescript: "TypeScript" };
export const DIFFICULTY_LABELS: Record<Difficulty, string> = { EASY: "Easy", MEDIUM: "Medium", HARD: "Hard" };
// The text says the difficulty; the colour only repeats it.
export const DIFFICULTY_TONES: Record<Difficulty, BadgeTone> = { EASY: "success", MEDIUM: "warning", HARD: "danger" };

/** "dynamic-programming" → "dynamic programming". */
export const topicLabel = (topic: string) => topic.replace(/-/g, " ");
