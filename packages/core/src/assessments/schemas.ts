// Input schemas of the assessments domain. This module imports nothing but zod (and the
// plain-words labels), so the web form can import it in the browser through
// `@interviewlm/core/assessments/schemas` without dragging server code along.
import { z } from "zod";
import { CANDIDATE_STATUSES, type CandidateStatus } from "../candidates/schemas.ts";
import { DEFAULT_RECOMMENDATION_WEIGHTS, RecommendationWeightsSchema } from "../decisions/schemas.ts";
import { DIFFICULTIES, QUESTION_LANGUAGES, TEST_VISIBILITIES } from "../questions/schemas.ts";

export * from "./labels.ts";

// Languages, difficulties, test visibilities and candidate statuses belong to the questions and
// candidates domains; the assessment form uses them under these names.
export { CANDIDATE_STATUSES, DIFFICULTIES, TEST_VISIBILITIES };
export const LANGUAGES = QUESTION_LANGUAGES;
export const SENIORITIES = ["JUNIOR", "MID", "SENIOR", "STAFF"] as const;
export const AI_ASSISTANCE_LEVELS = ["OFF", "CHAT", "AGENT"] as const;
/** GUIDE: "guide, don't solve"; SOLVE: "may write the solution" (the agent's system prompt). */
export const AI_HELP_LEVELS = ["GUIDE", "SOLVE"] as const;
export const QUESTION_SELECTIONS = ["MANUAL", "AUTO"] as const;

export type AssessmentLanguage = (typeof LANGUAGES)[number];
export type AssessmentSeniority = (typeof SENIORITIES)[number];
export type QuestionDifficulty = (typeof DIFFICULTIES)[number];
export type AiAssistanceLevel = (typeof AI_ASSISTANCE_LEVELS)[number];
export type AiHelpLevel = (typeof AI_HELP_LEVELS)[number];
export type TestVisibilityPolicy = (typeof TEST_VISIBILITIES)[number];
export type QuestionSelectionMode = (typeof QUESTION_SELECTIONS)[number];
export type CandidateStatusName = CandidateStatus;

/** The limits the schemas enforce, for form attributes (maxLength, min, max). */
export const ASSESSMENT_LIMITS = {
  title: { min: 3, max: 120 },
  role: { min: 2, max: 80 },
  durationMinutes: { min: 15, max: 240 },
  questionCount: { min: 1, max: 5 },
  instructionsMax: 5000,
  /** The room's AI budgets (ADR 0073): the same bounds the room's budget schema accepts. */
  aiMessagesPerQuestion: { min: 1, max: 1000 },
  aiTokensPerSession: { min: 1000, max: 100_000_000 },
  aiCostUsdPerSession: { min: 1, max: 1000 },
  searchMax: 100,
} as const;

const L = ASSESSMENT_LIMITS;

/** Budgets a new assessment gets: enough for a long interview with an agent that reads and edits freely. */
export const DEFAULT_AI_BUDGET_SETTINGS = {
  aiMessagesPerQuestion: 30,
  aiTokensPerSession: 4_000_000,
  aiCostUsdPerSession: 10,
} as const;
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const AssessmentIdSchema = z.string({ error: "Missing assessment id." }).trim().min(1, "Missing assessment id.").max(64, "That id is too long.");

export const AssessmentTitleSchema = z
  .string({ error: "Enter a title." })
  .trim()
  .min(L.title.min, `Use at least ${L.title.min} characters.`)
  .max(L.title.max, `Use at most ${L.title.max} characters.`);

const wholeNumber = (what: string) =>
  z.number({ error: (issue) => (issue.input === undefined ? `Enter ${what}.` : `Enter ${what} as a number.`) }).int("Use a whole number.");

/** Every setting of an assessment, as the form edits it. */
const settingsShape = {
  title: AssessmentTitleSchema,
  role: z
    .string({ error: "Enter the role you are hiring for." })
    .trim()
    .min(L.role.min, `Use at least ${L.role.min} characters.`)
    .max(L.role.max, `Use at most ${L.role.max} characters.`),
  seniority: z.enum(SENIORITIES, { error: "Choose a seniority level." }),
  languages: z
    .array(z.enum(LANGUAGES, { error: "Choose Python, JavaScript, TypeScript, Go, Java, Ruby, C++ or Rust." }), { error: "Choose at least one language." })
    .min(1, "Choose at least one language.")
    .refine(unique, "Choose each language only once."),
  durationMinutes: wholeNumber("a duration in minutes")
    .min(L.durationMinutes.min, `Give candidates at least ${L.durationMinutes.min} minutes.`)
    .max(L.durationMinutes.max, `Keep it to ${L.durationMinutes.max} minutes (4 hours) at most.`),
  questionCount: wholeNumber("how many questions")
    .min(L.questionCount.min, "Ask at least 1 question.")
    .max(L.questionCount.max, `Ask at most ${L.questionCount.max} questions.`),
  questionSelection: z.enum(QUESTION_SELECTIONS, { error: "Choose how questions are picked." }),
  questionIds: z
    .array(AssessmentIdSchema, { error: "Pick questions from the bank." })
    .max(L.questionCount.max, `Pick at most ${L.questionCount.max} questions.`)
    .refine(unique, "Pick each question only once.")
    .default([])
    .describe("MANUAL only: the questions in the order candidates get them. Ignored (cleared) with AUTO."),
  startingDifficulty: z.enum(DIFFICULTIES, { error: "Choose easy, medium or hard." }).default("MEDIUM"),
  adaptiveDifficulty: z
    .boolean({ error: "Adaptive difficulty is on or off." })
    .default(false)
    .describe(
      "AUTO only: after the first question (served at startingDifficulty), each next question's difficulty " +
        "follows how the candidate did on the previous one. Hand-picked (MANUAL) questions are served in the " +
        "order chosen, so adaptive difficulty is refused with MANUAL rather than silently ignored.",
    ),
  aiAssistance: z.enum(AI_ASSISTANCE_LEVELS, { error: "Choose off, chat only or full agent." }).default("AGENT"),
  aiHelpLevel: z.enum(AI_HELP_LEVELS, { error: "Choose guide or may write the solution." }).default("GUIDE"),
  aiMessagesPerQuestion: z
    .number({ error: "Enter the number of AI messages per question." })
    .int("Enter a whole number of AI messages per question.")
    .min(L.aiMessagesPerQuestion.min, `Allow at least ${L.aiMessagesPerQuestion.min} AI message per question.`)
    .max(L.aiMessagesPerQuestion.max, `Allow at most ${L.aiMessagesPerQuestion.max.toLocaleString("en")} AI messages per question.`)
    .default(DEFAULT_AI_BUDGET_SETTINGS.aiMessagesPerQuestion),
  aiTokensPerSession: z
    .number({ error: "Enter the number of AI tokens per session." })
    .int("Enter a whole number of AI tokens per session.")
    .min(L.aiTokensPerSession.min, `Allow at least ${L.aiTokensPerSession.min.toLocaleString("en")} AI tokens per session.`)
    .max(L.aiTokensPerSession.max, `Allow at most ${L.aiTokensPerSession.max.toLocaleString("en")} AI tokens per session.`)
    .default(DEFAULT_AI_BUDGET_SETTINGS.aiTokensPerSession),
  aiCostUsdPerSession: z
    .number({ error: "Enter the AI cost cap per session in US dollars." })
    .int("Enter the AI cost cap in whole US dollars.")
    .min(L.aiCostUsdPerSession.min, `Allow at least $${L.aiCostUsdPerSession.min} of AI use per session.`)
    .max(L.aiCostUsdPerSession.max, `Allow at most $${L.aiCostUsdPerSession.max.toLocaleString("en")} of AI use per session.`)
    .default(DEFAULT_AI_BUDGET_SETTINGS.aiCostUsdPerSession),
  testVisibility: z.enum(TEST_VISIBILITIES, { error: "Choose visible, results only or hidden." }).default("VISIBLE"),
  /** How much each score weighs in the report's recommendation (docs/decisions/0141); not locked: it re-weighs every candidate alike. */
  recommendationWeights: RecommendationWeightsSchema.default({ ...DEFAULT_RECOMMENDATION_WEIGHTS }),
  instructions: z
    .string({ error: "Instructions are text." })
    .trim()
    .max(L.instructionsMax, `Keep instructions under ${L.instructionsMax.toLocaleString("en")} characters.`)
    .nullish()
    .transform((text) => (text ? text : null)),
};

type Settings = z.output<z.ZodObject<typeof settingsShape>>;

/** Rules that span fields: they name the field the message belongs beside. */
function checkSelection(value: Settings, ctx: z.RefinementCtx) {
  if (value.questionSelection !== "MANUAL") return;
  if (value.adaptiveDifficulty) {
    ctx.addIssue({
      code: "custom",
      path: ["adaptiveDifficulty"],
      message: "Adaptive difficulty needs automatic selection: hand-picked questions are always served in the order you chose.",
    });
  }
  const picked = value.questionIds.length;
  if (picked === 0) {
    ctx.addIssue({ code: "custom", path: ["questionIds"], message: "Pick the questions candidates will get." });
  } else if (picked !== value.questionCount) {
    ctx.addIssue({
      code: "custom",
      path: ["questionIds"],
      message: `Pick exactly ${value.questionCount} question${value.questionCount === 1 ? "" : "s"} (you picked ${picked}), or change the number of questions.`,
    });
  }
}

// AUTO picks questions when a candidate starts, so ids sent along (e.g. checkboxes left
// ticked in a plain HTML form) are dropped instead of being stored and never used.
const clearIdsUnlessManual = <T extends Settings>(value: T): T =>
  value.questionSelection === "MANUAL" ? value : { ...value, questionIds: [] };

export const AssessmentSettingsInput = z.object(settingsShape).superRefine(checkSelection).transform(clearIdsUnlessManual);

export const CreateAssessmentInput = z
  .object({
    ...settingsShape,
    /** The template the form was prefilled from, recorded on the assessment. */
    templateKey: z.string().trim().max(64).nullish().transform((key) => (key ? key : null)),
  })
  .superRefine(checkSelection)
  .transform(clearIdsUnlessManual);

export const UpdateAssessmentInput = z
  .object({ assessmentId: AssessmentIdSchema, ...settingsShape })
  .superRefine(checkSelection)
  .transform(clearIdsUnlessManual);

export const CreateFromTemplateInput = z.object({
  templateKey: z.string({ error: "Choose a template." }).trim().min(1, "Choose a template.").max(64),
  /** Optional: replaces the template's title. */
  title: AssessmentTitleSchema.optional(),
});

export const AssessmentIdInput = z.object({ assessmentId: AssessmentIdSchema });

export const ListAssessmentsInput = z
  .object({
    status: z.enum(["active", "archived"], { error: "Filter by active or archived." }).default("active"),
    search: z.string().trim().max(L.searchMax, `Search with at most ${L.searchMax} characters.`).optional(),
  })
  .default({ status: "active" });

export type AssessmentSettings = z.output<typeof AssessmentSettingsInput>;
export type CreateAssessmentValues = z.output<typeof CreateAssessmentInput>;
export type UpdateAssessmentValues = z.output<typeof UpdateAssessmentInput>;
export type ListAssessmentsFilters = z.output<typeof ListAssessmentsInput>;
