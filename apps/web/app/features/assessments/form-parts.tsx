import type { AssessmentLock } from "@interviewlm/core/assessments";
import { Card, CardContent, CardHeader } from "@interviewlm/ui";
import { Lock } from "@interviewlm/ui/icons";
import { useId, type ReactNode } from "react";
import type { AssessmentFormValues } from "./form-values";

/** One group of the form: a card whose heading names the group. */
export function FormSection({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={title} description={description} />
      <CardContent className="space-y-5">{children}</CardContent>
    </Card>
  );
}

/** A fieldset of related checkboxes, described by its help text and its error. */
export function CheckboxGroup({
  legend,
  description,
  error,
  disabled,
  children,
}: {
  legend: string;
  description?: ReactNode;
  error?: string[];
  disabled?: boolean;
  children: ReactNode;
}) {
  const id = `group${useId().replace(/:/g, "")}`;
  const describedBy = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy} aria-invalid={error ? true : undefined} disabled={disabled}>
      <legend className="text-sm font-medium text-fg">{legend}</legend>
      {description ? (
        <p id={`${id}-description`} className="text-xs text-fg-muted">
          {description}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-6 gap-y-2">{children}</div>
      {error ? (
        <div id={`${id}-error`} className="space-y-0.5 text-xs text-danger-fg">
          {error.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}

export function LockNotice({ reason }: { reason: string }) {
  return (
    <div role="note" className="flex gap-2 rounded-md border border-warning-fg/40 bg-warning-soft px-3 py-2 text-sm text-warning-fg">
      <Lock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
      <p>{reason}</p>
    </div>
  );
}

/**
 * Disabled controls are not submitted, so the stored values of locked fields travel as
 * hidden fields: the update then sees them unchanged instead of missing.
 */
export function LockedValues({ lock, values }: { lock: AssessmentLock | null | undefined; values: AssessmentFormValues }) {
  const fields = new Set<string>(lock?.fields ?? []);
  if (fields.size === 0) return null;
  const single = (name: keyof AssessmentFormValues, value: string) =>
    fields.has(name) ? <input key={name} type="hidden" name={name} value={value} /> : null;
  return (
    <>
      {fields.has("languages") ? values.languages.map((language) => <input key={`l-${language}`} type="hidden" name="languages" value={language} />) : null}
      {fields.has("questionIds") ? values.questionIds.map((id) => <input key={`q-${id}`} type="hidden" name="questionIds" value={id} />) : null}
      {single("durationMinutes", values.durationMinutes)}
      {single("questionSelection", values.questionSelection)}
      {single("questionCount", values.questionCount)}
      {single("startingDifficulty", values.startingDifficulty)}
      {single("adaptiveDifficulty", String(values.adaptiveDifficulty))}
      {single("aiAssistance", values.aiAssistance)}
      {single("aiHelpLevel", values.aiHelpLevel)}
      {single("aiMessagesPerQuestion", values.aiMessagesPerQuestion)}
      {single("aiTokensPerSession", values.aiTokensPerSession)}
      {single("aiCostUsdPerSession", values.aiCostUsdPerSession)}
      {single("testVisibility", values.testVisibility)}
    </>
  );
}
