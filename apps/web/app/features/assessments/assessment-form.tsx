// The assessment form, shared by the new and edit pages. A plain HTML form first (every
// control submits by name, both question modes are shown); JavaScript then hides the mode
// not chosen, filters the bank by language and orders hand-picked questions.
import type { AssessmentLock, AssessmentQuestionSummary } from "@interviewlm/core/assessments";
import type { QuestionSummary } from "@interviewlm/core/questions";
import {
  AI_HELP_LEVEL_EXPLANATIONS,
  AI_HELP_LEVELS,
  ASSESSMENT_LIMITS,
  LANGUAGE_LABELS,
  LANGUAGES,
  SENIORITIES,
  SENIORITY_LABELS,
  TEST_VISIBILITIES,
  TEST_VISIBILITY_EXPLANATIONS,
} from "@interviewlm/core/assessments/schemas";
import { Button, buttonClasses, Checkbox, FormError, RadioGroup, Select, Textarea, TextField } from "@interviewlm/ui";
import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { useIsPending } from "~/lib/forms";
import { aiAssistanceDefault, aiAssistanceOptions } from "./ai-availability";
import { AiBudgetFields } from "./ai-budget-fields";
import { CheckboxGroup, FormSection, LockedValues, LockNotice } from "./form-parts";
import { RecommendationWeightFields } from "./recommendation-weight-fields";
import { errorsFor, type AssessmentFormValues } from "./form-values";
import { QuestionSettings } from "./question-settings";
import { useHydrated } from "./use-hydrated";

export interface AssessmentFormProps {
  values: AssessmentFormValues;
  /** Why the AI modes cannot work on this installation (no ANTHROPIC_API_KEY), or null. */
  aiUnavailableReason?: string | null;
  errors?: Record<string, string[]> | null;
  /** Summary of a failed submission (validation summary or a refused change). */
  formError?: string | null;
  bank: readonly QuestionSummary[];
  storedQuestions?: readonly AssessmentQuestionSummary[];
  lock?: AssessmentLock | null;
  /** Extra fields submitted with the form (e.g. the template key). */
  hidden?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  cancelTo: string;
}

const explained = <K extends string>(levels: readonly K[], table: Record<K, { label: string; forRecruiter: string }>) =>
  levels.map((value) => ({ value, label: table[value].label, description: table[value].forRecruiter }));

export function AssessmentForm({ values, aiUnavailableReason = null, errors, formError, bank, storedQuestions, lock, hidden, submitLabel, pendingLabel, cancelTo }: AssessmentFormProps) {
  const hydrated = useHydrated();
  const pending = useIsPending();
  const [languages, setLanguages] = useState<string[]>(values.languages);
  const [selection, setSelection] = useState(values.questionSelection);
  const [count, setCount] = useState(values.questionCount);
  const [picked, setPicked] = useState<string[]>(values.questionIds);
  const [adaptive, setAdaptive] = useState(values.adaptiveDifficulty);
  const locked = (lock?.fields.length ?? 0) > 0;
  const initialAiMode = aiAssistanceDefault(values.aiAssistance, aiUnavailableReason, locked);
  const [aiMode, setAiMode] = useState(initialAiMode);
  const lockedNote = locked ? "Locked: a candidate has already started this assessment." : undefined;

  const chooseSelection = (next: string) => {
    setSelection(next);
    // Adaptive difficulty only exists with automatic selection; do not submit a contradiction.
    if (next === "MANUAL") setAdaptive(false);
  };
  const toggleLanguage = (language: string, on: boolean) =>
    setLanguages((current) => (on ? [...current, language] : current.filter((l) => l !== language)));

  return (
    <Form method="post" noValidate className="space-y-6">
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <LockedValues lock={lock} values={values} />
      <FormError>{formError}</FormError>
      {lock?.reason ? <LockNotice reason={lock.reason} /> : null}

      <FormSection title="Basics" description="What candidates and your team see in lists and emails.">
        <TextField label="Title" name="title" required minLength={ASSESSMENT_LIMITS.title.min} maxLength={ASSESSMENT_LIMITS.title.max} defaultValue={values.title} error={errorsFor(errors, "title")} />
        <div className="grid gap-5 sm:grid-cols-[1fr_14rem]">
          <TextField label="Role" name="role" required maxLength={ASSESSMENT_LIMITS.role.max} placeholder="e.g. Backend engineer" defaultValue={values.role} error={errorsFor(errors, "role")} />
          <Select label="Seniority" name="seniority" options={SENIORITIES.map((value) => ({ value, label: SENIORITY_LABELS[value] }))} defaultValue={values.seniority} error={errorsFor(errors, "seniority")} />
        </div>
      </FormSection>

      <FormSection title="Languages & time" description={lockedNote}>
        <CheckboxGroup legend="Languages" description="Candidates work in one of these; pick at least one." error={errorsFor(errors, "languages")} disabled={locked}>
          {LANGUAGES.map((language) => (
            <Checkbox
              key={language}
              name="languages"
              value={language}
              label={LANGUAGE_LABELS[language]}
              checked={languages.includes(language)}
              onChange={(event) => toggleLanguage(language, event.currentTarget.checked)}
            />
          ))}
        </CheckboxGroup>
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={ASSESSMENT_LIMITS.durationMinutes.min}
          max={ASSESSMENT_LIMITS.durationMinutes.max}
          className="max-w-32"
          defaultValue={values.durationMinutes}
          disabled={locked}
          description={`From ${ASSESSMENT_LIMITS.durationMinutes.min} to ${ASSESSMENT_LIMITS.durationMinutes.max}. The clock starts when the candidate presses Start.`}
          error={errorsFor(errors, "durationMinutes")}
        />
      </FormSection>

      <FormSection title="Questions" description={lockedNote ?? "Questions come from the curated bank, verified in the sandbox."}>
        <QuestionSettings
          values={values}
          errors={errors}
          bank={bank}
          storedQuestions={storedQuestions}
          locked={locked}
          hydrated={hydrated}
          languages={languages}
          selection={selection}
          onSelectionChange={chooseSelection}
          count={count}
          onCountChange={setCount}
          picked={picked}
          onPickedChange={setPicked}
          adaptive={adaptive}
          onAdaptiveChange={setAdaptive}
        />
      </FormSection>

      <FormSection title="Candidate experience" description={lockedNote ?? "What the candidate gets during the interview. Check it on the preview page."}>
        <RadioGroup
          name="aiAssistance"
          label="AI assistance"
          options={aiAssistanceOptions(aiUnavailableReason)}
          defaultValue={initialAiMode}
          onValueChange={setAiMode}
          disabled={locked}
          error={errorsFor(errors, "aiAssistance")}
        />
        <AiBudgetFields values={values} errors={errors} locked={locked} aiMode={aiMode} />
        <RadioGroup
          name="aiHelpLevel"
          label="AI help level"
          description="Enforced through the assistant's instructions and recorded with each session. Ignored when AI is off."
          options={explained(AI_HELP_LEVELS, AI_HELP_LEVEL_EXPLANATIONS)}
          defaultValue={values.aiHelpLevel}
          disabled={locked}
          error={errorsFor(errors, "aiHelpLevel")}
        />
        <RadioGroup name="testVisibility" label="Tests during the interview" options={explained(TEST_VISIBILITIES, TEST_VISIBILITY_EXPLANATIONS)} defaultValue={values.testVisibility} disabled={locked} error={errorsFor(errors, "testVisibility")} />
        <Textarea
          label="Instructions for candidates"
          name="instructions"
          rows={6}
          maxLength={ASSESSMENT_LIMITS.instructionsMax}
          defaultValue={values.instructions}
          description="Optional. Markdown. Shown before the candidate starts."
          error={errorsFor(errors, "instructions")}
        />
      </FormSection>

      <FormSection title="Evaluation" description="How the report turns scores into a recommendation. The decision stays with your reviewers.">
        <RecommendationWeightFields values={values} errors={errors} />
      </FormSection>

      <div className="flex items-center justify-end gap-2">
        <Link to={cancelTo} className={buttonClasses({ variant: "ghost" })}>
          Cancel
        </Link>
        <Button type="submit" pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
