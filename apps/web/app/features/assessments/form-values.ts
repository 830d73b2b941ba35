// The assessment form as plain values (what inputs hold) and the two conversions around it:
// from a submitted FormData to the tRPC input, and from a stored assessment or a template
// back to form values. Validation is NOT done here — the procedure's zod schema does it and
// answers per field, so the browser and the API can never disagree about the rules.
import type { AssessmentDetails, AssessmentSettings, CreateAssessmentInput } from "@interviewlm/core/assessments";
import { DEFAULT_AI_BUDGET_SETTINGS } from "@interviewlm/core/assessments/schemas";
import { DEFAULT_RECOMMENDATION_WEIGHTS, RECOMMENDATION_SIGNALS, type RecommendationSignal } from "@interviewlm/core/decisions/schemas";
import type { z } from "zod";

export interface AssessmentFormValues {
  title: string;
  role: string;
  seniority: string;
  languages: string[];
  durationMinutes: string;
  questionCount: string;
  questionSelection: string;
  questionIds: string[];
  startingDifficulty: string;
  adaptiveDifficulty: boolean;
  aiAssistance: string;
  aiHelpLevel: string;
  aiMessagesPerQuestion: string;
  aiTokensPerSession: string;
  aiCostUsdPerSession: string;
  testVisibility: string;
  /** Submitted as `recommendationWeights.<signal>`, the path the schema's messages carry. */
  recommendationWeights: Record<RecommendationSignal, string>;
  instructions: string;
}

const weightTexts = (weights: Readonly<Record<RecommendationSignal, number>>) =>
  Object.fromEntries(RECOMMENDATION_SIGNALS.map((signal) => [signal, String(weights[signal])])) as Record<RecommendationSignal, string>;

export const BLANK_FORM_VALUES: AssessmentFormValues = {
  title: "",
  role: "",
  seniority: "MID",
  languages: ["python"],
  durationMinutes: "60",
  questionCount: "2",
  questionSelection: "AUTO",
  questionIds: [],
  startingDifficulty: "MEDIUM",
  adaptiveDifficulty: false,
  aiAssistance: "AGENT",
  aiHelpLevel: "GUIDE",
  aiMessagesPerQuestion: String(DEFAULT_AI_BUDGET_SETTINGS.aiMessagesPerQuestion),
  aiTokensPerSession: String(DEFAULT_AI_BUDGET_SETTINGS.aiTokensPerSession),
  aiCostUsdPerSession: String(DEFAULT_AI_BUDGET_SETTINGS.aiCostUsdPerSession),
  testVisibility: "VISIBLE",
  recommendationWeights: weightTexts(DEFAULT_RECOMMENDATION_WEIGHTS),
  instructions: "",
};

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};
const texts = (formData: FormData, name: string) =>
  formData.getAll(name).filter((value): value is string => typeof value === "string" && value !== "");

export function formValuesFromData(formData: FormData): AssessmentFormValues {
  return {
    title: text(formData, "title"),
    role: text(formData, "role"),
    seniority: text(formData, "seniority"),
    languages: texts(formData, "languages"),
    durationMinutes: text(formData, "durationMinutes"),
    questionCount: text(formData, "questionCount"),
    questionSelection: text(formData, "questionSelection"),
    questionIds: texts(formData, "questionIds"),
    startingDifficulty: text(formData, "startingDifficulty"),
    // A checkbox submits "on" when ticked and nothing otherwise; a hidden field for a locked
    // value submits "true"/"false".
    adaptiveDifficulty: ["on", "true"].includes(text(formData, "adaptiveDifficulty")),
    aiAssistance: text(formData, "aiAssistance"),
    aiHelpLevel: text(formData, "aiHelpLevel"),
    aiMessagesPerQuestion: text(formData, "aiMessagesPerQuestion"),
    aiTokensPerSession: text(formData, "aiTokensPerSession"),
    aiCostUsdPerSession: text(formData, "aiCostUsdPerSession"),
    testVisibility: text(formData, "testVisibility"),
    recommendationWeights: Object.fromEntries(RECOMMENDATION_SIGNALS.map((signal) => [signal, text(formData, `recommendationWeights.${signal}`)])) as Record<RecommendationSignal, string>,
    instructions: text(formData, "instructions"),
  };
}

type SettingsInput = Omit<z.input<typeof CreateAssessmentInput>, "templateKey">;

/** Empty numbers become undefined (the schema then says "Enter …"), anything else Number(). */
const numberOrUndefined = (value: string) => (value.trim() === "" ? undefined : Number(value));

/**
 * The procedure input. Enum fields are passed through as submitted strings; the cast only
 * satisfies the compiler — the procedure's schema rejects unknown values field by field.
 */
export function toAssessmentInput(values: AssessmentFormValues): SettingsInput {
  return {
    ...values,
    durationMinutes: numberOrUndefined(values.durationMinutes),
    questionCount: numberOrUndefined(values.questionCount),
    aiMessagesPerQuestion: numberOrUndefined(values.aiMessagesPerQuestion),
    aiTokensPerSession: numberOrUndefined(values.aiTokensPerSession),
    aiCostUsdPerSession: numberOrUndefined(values.aiCostUsdPerSession),
    recommendationWeights: Object.fromEntries(RECOMMENDATION_SIGNALS.map((signal) => [signal, numberOrUndefined(values.recommendationWeights[signal])])),
  } as unknown as SettingsInput;
}

export function formValuesFromSettings(settings: AssessmentSettings): AssessmentFormValues {
  return {
    title: settings.title,
    role: settings.role,
    seniority: settings.seniority,
    languages: [...settings.languages],
    durationMinutes: String(settings.durationMinutes),
    questionCount: String(settings.questionCount),
    questionSelection: settings.questionSelection,
    questionIds: [...settings.questionIds],
    startingDifficulty: settings.startingDifficulty,
    adaptiveDifficulty: settings.adaptiveDifficulty,
    aiAssistance: settings.aiAssistance,
    aiHelpLevel: settings.aiHelpLevel,
    aiMessagesPerQuestion: String(settings.aiMessagesPerQuestion),
    aiTokensPerSession: String(settings.aiTokensPerSession),
    aiCostUsdPerSession: String(settings.aiCostUsdPerSession),
    testVisibility: settings.testVisibility,
    recommendationWeights: weightTexts(settings.recommendationWeights),
    instructions: settings.instructions ?? "",
  };
}

export function formValuesFromAssessment(assessment: AssessmentDetails): AssessmentFormValues {
  return formValuesFromSettings({ ...assessment, questionIds: assessment.questions.map((question) => question.id) });
}

/**
 * After a refused save, the form shows what was typed — except for locked fields, which
 * show (and resubmit) the stored values. Otherwise a tab opened before a candidate started
 * would keep resubmitting its changed duration and never save the title either.
 */
export function keepLockedFields(typed: AssessmentFormValues, stored: AssessmentFormValues, locked: readonly string[]): AssessmentFormValues {
  const merged: Record<string, unknown> = { ...typed };
  for (const field of locked) if (field in stored) merged[field] = stored[field as keyof AssessmentFormValues];
  return merged as unknown as AssessmentFormValues;
}

/** Messages for one field and its items ("languages" also collects "languages.0"). */
export function errorsFor(errors: Record<string, string[]> | null | undefined, name: string): string[] | undefined {
  if (!errors) return undefined;
  const messages = Object.entries(errors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .flatMap(([, list]) => list);
  return messages.length > 0 ? [...new Set(messages)] : undefined;
}
