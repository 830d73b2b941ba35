import type { BadgeTone } from "@interviewlm/ui";
import type { Difficulty } from "@interviewlm/core/questions";

export { DIFFICULTIES, DIFFICULTY_LABELS, LANGUAGE_LABELS, QUESTION_LANGUAGES as LANGUAGES } from "@interviewlm/core/questions/schemas";

// The text says the difficulty; the colour only repeats it.
export const DIFFICULTY_TONES: Record<Difficulty, BadgeTone> = { EASY: "success", MEDIUM: "warning", HARD: "danger" };

/** "dynamic-programming" → "dynamic programming". */
export const topicLabel = (topic: string) => topic.replace(/-/g, " ");
