// The AI budgets the room enforces (ADR 0073). Shown only while an AI mode is chosen; hidden
// (not removed) when AI is off so the stored values are submitted unchanged and come back if
// the recruiter turns AI on again.
import { ASSESSMENT_LIMITS } from "@interviewlm/core/assessments/schemas";
import { TextField } from "@interviewlm/ui";
import { errorsFor, type AssessmentFormValues } from "./form-values";

const L = ASSESSMENT_LIMITS;
const range = (limits: { min: number; max: number }) => `From ${limits.min.toLocaleString("en")} to ${limits.max.toLocaleString("en")}.`;

export function AiBudgetFields({ values, errors, locked, aiMode }: { values: AssessmentFormValues; errors?: Record<string, string[]> | null; locked: boolean; aiMode: string }) {
  return (
    <fieldset hidden={aiMode === "OFF"} className="space-y-4">
      <legend className="text-sm font-medium text-fg">AI budgets</legend>
      <p className="text-xs text-fg-muted">When a budget is used up, the assistant says so and the candidate keeps working without it.</p>
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField
          label="AI messages per question"
          name="aiMessagesPerQuestion"
          type="number"
          inputMode="numeric"
          min={L.aiMessagesPerQuestion.min}
          max={L.aiMessagesPerQuestion.max}
          defaultValue={values.aiMessagesPerQuestion}
          disabled={locked}
          description={range(L.aiMessagesPerQuestion)}
          error={errorsFor(errors, "aiMessagesPerQuestion")}
        />
        <TextField
          label="AI tokens per session"
          name="aiTokensPerSession"
          type="number"
          inputMode="numeric"
          min={L.aiTokensPerSession.min}
          max={L.aiTokensPerSession.max}
          defaultValue={values.aiTokensPerSession}
          disabled={locked}
          description={range(L.aiTokensPerSession)}
          error={errorsFor(errors, "aiTokensPerSession")}
        />
        <TextField
          label="AI cost cap per session (US dollars)"
          name="aiCostUsdPerSession"
          type="number"
          inputMode="numeric"
          min={L.aiCostUsdPerSession.min}
          max={L.aiCostUsdPerSession.max}
          defaultValue={values.aiCostUsdPerSession}
          disabled={locked}
          description={`Whole dollars. ${range(L.aiCostUsdPerSession)}`}
          error={errorsFor(errors, "aiCostUsdPerSession")}
        />
      </div>
    </fieldset>
  );
}
