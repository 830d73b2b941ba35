import type { Prisma } from "@interviewlm/db";

// The assessment columns each kind of reader needs, listed once, so the list page, the
// details page, the candidate preview and the candidate's portal never drift apart.

/** What names and sizes an assessment: every view shows these. */
export const assessmentHeadlineSelect = {
  title: true,
  role: true,
  seniority: true,
  languages: true,
  durationMinutes: true,
  questionCount: true,
} as const satisfies Prisma.AssessmentSelect;

/** What a candidate is told before consenting: the headline plus how the interview works. */
export const assessmentSettingsSelect = {
  ...assessmentHeadlineSelect,
  aiAssistance: true,
  testVisibility: true,
  instructions: true,
} as const satisfies Prisma.AssessmentSelect;
