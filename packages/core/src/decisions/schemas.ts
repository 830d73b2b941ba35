// Input schemas of hiring decisions and the recommendation weights (docs/decisions/0141). Only
// zod here, so the assessment form and the report's decision form import it in the browser
// through `@interviewlm/core/decisions/schemas`.
import { z } from "zod";

/** The signals a recommendation weighs: the measured hidden-test pass rate and the rubric's dimensions. */
export const RECOMMENDATION_SIGNALS = ["hiddenTests", "codeQuality", "problemSolving", "aiCollaboration", "communication"] as const;
export type RecommendationSignal = (typeof RECOMMENDATION_SIGNALS)[number];

export const RECOMMENDATION_SIGNAL_LABELS: Record<RecommendationSignal, string> = {
  hiddenTests: "Hidden tests passed",
  codeQuality: "Code quality",
  problemSolving: "Problem solving",
  aiCollaboration: "AI collaboration",
  communication: "Communication",
};

export const WEIGHT_LIMITS = { min: 0, max: 10 } as const;

/**
 * Correctness counts most, the rubric's craft dimensions next, communication least: a sensible
 * start for a coding interview that each assessment can change.
 */
export const DEFAULT_RECOMMENDATION_WEIGHTS: Readonly<Record<RecommendationSignal, number>> = {
  hiddenTests: 4,
  codeQuality: 2,
  problemSolving: 2,
  aiCollaboration: 2,
  communication: 1,
};

const weight = (label: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `Enter a weight for ${label.toLowerCase()}.` : `Enter the weight for ${label.toLowerCase()} as a number.`) })
    .int(`Use a whole number for ${label.toLowerCase()}.`)
    .min(WEIGHT_LIMITS.min, `The weight for ${label.toLowerCase()} cannot be negative.`)
    .max(WEIGHT_LIMITS.max, `Keep the weight for ${label.toLowerCase()} at ${WEIGHT_LIMITS.max} or less.`);

export const RecommendationWeightsSchema = z
  .object({
    hiddenTests: weight(RECOMMENDATION_SIGNAL_LABELS.hiddenTests),
    codeQuality: weight(RECOMMENDATION_SIGNAL_LABELS.codeQuality),
    problemSolving: weight(RECOMMENDATION_SIGNAL_LABELS.problemSolving),
    aiCollaboration: weight(RECOMMENDATION_SIGNAL_LABELS.aiCollaboration),
    communication: weight(RECOMMENDATION_SIGNAL_LABELS.communication),
  })
  // Without a key only the hidden tests are scored: a zero there would leave nothing to recommend from.
  .refine((w) => w.hiddenTests > 0, { path: ["hiddenTests"], message: "Give the hidden tests a weight of at least 1: without an Anthropic key they are the only score." });

export type RecommendationWeights = z.output<typeof RecommendationWeightsSchema>;

/** Weights as stored on an assessment (JSON, null for the defaults); anything unreadable falls back to the defaults. */
export function weightsOrDefaults(stored: unknown): RecommendationWeights {
  const parsed = RecommendationWeightsSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_RECOMMENDATION_WEIGHTS };
}

export const HIRING_DECISION_OUTCOMES = ["ADVANCE", "HOLD", "REJECT"] as const;
export type HiringDecisionOutcomeName = (typeof HIRING_DECISION_OUTCOMES)[number];
export const HIRING_DECISION_LABELS: Record<HiringDecisionOutcomeName, string> = { ADVANCE: "Advance", HOLD: "Hold", REJECT: "Reject" };

export const DECISION_REASON_LIMITS = { min: 3, max: 2000 } as const;

export const DecisionSessionInput = z.object({ sessionId: z.string({ error: "Missing session id." }).trim().min(1, "Missing session id.").max(64) });

export const RecordDecisionInput = DecisionSessionInput.extend({
  outcome: z.enum(HIRING_DECISION_OUTCOMES, { error: "Choose advance, hold or reject." }),
  reason: z
    .string({ error: "Give a reason for the decision." })
    .trim()
    .min(DECISION_REASON_LIMITS.min, "Give a reason for the decision (a few words at least).")
    .max(DECISION_REASON_LIMITS.max, `Keep the reason under ${DECISION_REASON_LIMITS.max.toLocaleString("en")} characters.`),
});
export type RecordDecisionValues = z.output<typeof RecordDecisionInput>;
