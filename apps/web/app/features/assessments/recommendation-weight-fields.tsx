// How much each score weighs in the report's recommendation (docs/decisions/0141). Never locked:
// the weights are applied when a report is read, so changing them re-weighs every candidate of
// the assessment alike.
import { RECOMMENDATION_SIGNALS, RECOMMENDATION_SIGNAL_LABELS, WEIGHT_LIMITS } from "@interviewlm/core/decisions/schemas";
import { TextField } from "@interviewlm/ui";
import { errorsFor, type AssessmentFormValues } from "./form-values";

const HELP: Record<(typeof RECOMMENDATION_SIGNALS)[number], string> = {
  hiddenTests: "Measured: share of hidden tests passed. At least 1.",
  codeQuality: "Rubric, scored by Claude.",
  problemSolving: "Rubric, scored by Claude.",
  aiCollaboration: "Rubric, scored by Claude.",
  communication: "Rubric, scored by Claude.",
};

export function RecommendationWeightFields({ values, errors }: { values: AssessmentFormValues; errors?: Record<string, string[]> | null }) {
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-fg">Recommendation weights</legend>
      <p className="text-xs text-fg-muted">
        Each report recommends Strong yes, Yes, Leaning no or No from a weighted mean of these scores, {WEIGHT_LIMITS.min} to {WEIGHT_LIMITS.max} each (0 leaves a score out). Without an Anthropic API key, or when the
        rubric is flagged for review, only the hidden tests count and the report says so. Changing the weights updates every report of this assessment.
      </p>
      <div className="grid gap-5 sm:grid-cols-3">
        {RECOMMENDATION_SIGNALS.map((signal) => (
          <TextField
            key={signal}
            label={RECOMMENDATION_SIGNAL_LABELS[signal]}
            name={`recommendationWeights.${signal}`}
            type="number"
            inputMode="numeric"
            min={signal === "hiddenTests" ? 1 : WEIGHT_LIMITS.min}
            max={WEIGHT_LIMITS.max}
            defaultValue={values.recommendationWeights[signal]}
            description={HELP[signal]}
            error={errorsFor(errors, `recommendationWeights.${signal}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
