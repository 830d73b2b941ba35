// The settings of one assessment at a glance, on its detail page (where its candidates
// are managed). Words come from the assessments labels so they match the form and preview.
import type { AssessmentDetails } from "@interviewlm/core/assessments";
import {
  AI_ASSISTANCE_EXPLANATIONS,
  DIFFICULTY_LABELS,
  LANGUAGE_LABELS,
  QUESTION_SELECTION_EXPLANATIONS,
  SENIORITY_LABELS,
  TEST_VISIBILITY_EXPLANATIONS,
} from "@interviewlm/core/assessments/schemas";
import { Card, CardContent, CardHeader } from "@interviewlm/ui";
import type { ReactNode } from "react";

function Setting({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="text-xs text-fg-muted">{label}</dt>
      <dd className="text-sm text-fg">{children}</dd>
    </div>
  );
}

export function AssessmentSummary({ assessment }: { assessment: AssessmentDetails }) {
  const a = assessment;
  const questions =
    a.questionSelection === "MANUAL"
      ? `${a.questionCount} hand-picked`
      : `${a.questionCount} automatic, starting ${DIFFICULTY_LABELS[a.startingDifficulty].toLowerCase()}${a.adaptiveDifficulty ? ", adaptive" : ""}`;
  return (
    <Card>
      <CardHeader title="Settings" description={a.lock.reason ?? undefined} />
      <CardContent className="space-y-4">
        <dl className="grid gap-4 sm:grid-cols-3">
          <Setting label="Role">
            {SENIORITY_LABELS[a.seniority]} · {a.role}
          </Setting>
          <Setting label="Languages">{a.languages.map((l) => LANGUAGE_LABELS[l]).join(", ")}</Setting>
          <Setting label="Duration">{a.durationMinutes} minutes</Setting>
          <Setting label="Questions">{questions}</Setting>
          <Setting label="AI assistance">{AI_ASSISTANCE_EXPLANATIONS[a.aiAssistance].label}</Setting>
          <Setting label="Tests">{TEST_VISIBILITY_EXPLANATIONS[a.testVisibility].label}</Setting>
        </dl>
        {a.questionSelection === "MANUAL" && a.questions.length > 0 ? (
          <div className="space-y-1">
            <p className="text-xs text-fg-muted">{QUESTION_SELECTION_EXPLANATIONS.MANUAL.label} questions, in order</p>
            <ol className="list-decimal space-y-0.5 pl-5 text-sm text-fg">
              {a.questions.map((q) => (
                <li key={q.id}>
                  {q.title} <span className="text-xs text-fg-muted">({LANGUAGE_LABELS[q.language]}, {DIFFICULTY_LABELS[q.difficulty].toLowerCase()})</span>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
