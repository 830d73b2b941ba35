// The human decision: the current one with its reason and who made it, the earlier ones (a
// change never erases history), and — for roles with decisions:write once the interview is
// over — the form to record or change it. A reason is required; the server says so if missing.
import { DECISION_REASON_LIMITS, HIRING_DECISION_OUTCOMES } from "@interviewlm/core/decisions/schemas";
import { Button, FormError, RadioGroup, Textarea } from "@interviewlm/ui";
import { Form } from "@remix-run/react";
import { formatAbsolute } from "~/features/candidates/time";
import { DECISION_LABELS, type DecisionView, type ReviewView } from "./review-format";

const EXPLANATIONS: Record<DecisionView["outcome"], string> = {
  ADVANCE: "Move the candidate to the next step.",
  HOLD: "Keep them in the pipeline without a decision yet.",
  REJECT: "Do not continue with this candidate.",
};

export interface DecisionFormState {
  pending: boolean;
  /** The refused submission's messages: the whole form's and per field. */
  formError?: string | undefined;
  fieldErrors?: Record<string, string[]> | null | undefined;
  /** What was typed, shown again after a refusal. */
  typed?: { outcome?: string | undefined; reason?: string | undefined } | undefined;
}

function DecisionLine({ decision }: { decision: DecisionView }) {
  return (
    <>
      <strong>{DECISION_LABELS[decision.outcome]}</strong> by {decision.decidedByName} on {formatAbsolute(new Date(decision.createdAt))}
      {decision.recommendationLabel ? <span className="text-fg-muted"> (recommendation then: {decision.recommendationLabel})</span> : null}
    </>
  );
}

export function DecisionSection({ review, canDecide, inProgress, form }: { review: Pick<ReviewView, "decision" | "history">; canDecide: boolean; inProgress: boolean; form: DecisionFormState }) {
  const { decision, history } = review;
  const earlier = history.slice(1);
  return (
    <section aria-labelledby="report-decision" className="space-y-3">
      <h2 id="report-decision" className="text-base font-semibold text-fg">Decision</h2>
      {decision ? (
        <div className="space-y-1 text-sm" data-testid="current-decision">
          <p>
            <DecisionLine decision={decision} />
          </p>
          <p className="whitespace-pre-wrap">{decision.reason}</p>
        </div>
      ) : (
        <p className="text-sm text-fg-muted">No decision yet.{inProgress ? " The interview is still in progress." : ""}</p>
      )}
      {earlier.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-fg-muted">Earlier decisions ({earlier.length})</summary>
          <ul aria-label="Earlier decisions" className="mt-2 space-y-2">
            {earlier.map((d) => (
              <li key={d.id}>
                <DecisionLine decision={d} />
                <p className="whitespace-pre-wrap text-fg-muted">{d.reason}</p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canDecide && !inProgress ? (
        // Keyed by the current decision so the fields clear once one is recorded.
        <Form key={decision?.id ?? "none"} method="post" noValidate className="space-y-4 rounded-lg border border-line p-4">
          <input type="hidden" name="intent" value="decide" />
          <FormError>{form.formError}</FormError>
          <RadioGroup
            name="outcome"
            label={decision ? "Change the decision" : "Your decision"}
            orientation="horizontal"
            options={HIRING_DECISION_OUTCOMES.map((outcome) => ({ value: outcome, label: DECISION_LABELS[outcome], description: EXPLANATIONS[outcome] }))}
            defaultValue={form.typed?.outcome ?? ""}
            error={form.fieldErrors?.outcome}
          />
          <Textarea
            label="Reason"
            name="reason"
            rows={3}
            maxLength={DECISION_REASON_LIMITS.max}
            defaultValue={form.typed?.reason ?? ""}
            description="Required. Kept with the decision and in the audit log; your team sees it on this report."
            error={form.fieldErrors?.reason}
          />
          <Button type="submit" pending={form.pending} pendingLabel="Recording…">
            {decision ? "Change decision" : "Record decision"}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
