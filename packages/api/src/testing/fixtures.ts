// Inputs several suites start from.

/** A valid blank assessment: one language, automatic question selection. */
export const BLANK_ASSESSMENT = {
  title: "Backend screen",
  role: "Backend engineer",
  seniority: "MID" as const,
  languages: ["python" as const],
  durationMinutes: 60,
  questionCount: 2,
  questionSelection: "AUTO" as const,
};
