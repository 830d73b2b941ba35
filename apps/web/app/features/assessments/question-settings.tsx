import type { AssessmentQuestionSummary } from "@interviewlm/core/assessments";
import type { QuestionSummary } from "@interviewlm/core/questions";
import {
  ADAPTIVE_EXPLANATION_FOR_RECRUITER,
  ASSESSMENT_LIMITS,
  DIFFICULTIES,
  DIFFICULTY_LABELS,
  QUESTION_SELECTION_EXPLANATIONS,
} from "@interviewlm/core/assessments/schemas";
import { Checkbox, RadioGroup, Select, TextField } from "@interviewlm/ui";
import { errorsFor, type AssessmentFormValues } from "./form-values";
import { QuestionPicker } from "./question-picker";

export interface QuestionSettingsProps {
  values: AssessmentFormValues;
  errors: Record<string, string[]> | null | undefined;
  bank: readonly QuestionSummary[];
  /** The stored questions (edit page): shown when locked, and named even if retired since. */
  storedQuestions?: readonly AssessmentQuestionSummary[];
  locked: boolean;
  hydrated: boolean;
  languages: readonly string[];
  selection: string;
  onSelectionChange: (selection: string) => void;
  count: string;
  onCountChange: (count: string) => void;
  picked: string[];
  onPickedChange: (picked: string[]) => void;
  adaptive: boolean;
  onAdaptiveChange: (adaptive: boolean) => void;
}

export function QuestionSettings(props: QuestionSettingsProps) {
  const { values, errors, locked, hydrated, selection, picked } = props;
  const countFollowsPick = hydrated && selection === "MANUAL" && !locked;
  const bank = [...props.bank, ...(props.storedQuestions ?? []).filter((stored) => !props.bank.some((q) => q.id === stored.id))];
  return (
    <>
      <RadioGroup
        name="questionSelection"
        label="How are questions picked?"
        options={(["AUTO", "MANUAL"] as const).map((value) => ({
          value,
          label: QUESTION_SELECTION_EXPLANATIONS[value].label,
          description: QUESTION_SELECTION_EXPLANATIONS[value].forRecruiter,
        }))}
        value={selection}
        onValueChange={props.onSelectionChange}
        disabled={locked}
        error={errorsFor(errors, "questionSelection")}
      />
      <TextField
        label="Number of questions"
        name="questionCount"
        type="number"
        inputMode="numeric"
        min={ASSESSMENT_LIMITS.questionCount.min}
        max={ASSESSMENT_LIMITS.questionCount.max}
        className="max-w-32"
        value={countFollowsPick ? String(picked.length) : props.count}
        onChange={(event) => props.onCountChange(event.currentTarget.value)}
        readOnly={countFollowsPick}
        disabled={locked}
        description={countFollowsPick ? "Follows the questions you pick." : `From ${ASSESSMENT_LIMITS.questionCount.min} to ${ASSESSMENT_LIMITS.questionCount.max}.`}
        error={errorsFor(errors, "questionCount")}
      />

      <div hidden={hydrated && selection !== "AUTO"} className="space-y-4 rounded-md border border-line p-4">
        <h3 className="text-sm font-medium text-fg">With automatic selection</h3>
        <Select
          label="Starting difficulty"
          name="startingDifficulty"
          options={DIFFICULTIES.map((value) => ({ value, label: DIFFICULTY_LABELS[value] }))}
          defaultValue={values.startingDifficulty}
          containerClassName="max-w-48"
          disabled={locked}
          error={errorsFor(errors, "startingDifficulty")}
        />
        <Checkbox
          name="adaptiveDifficulty"
          label="Adaptive difficulty"
          description={ADAPTIVE_EXPLANATION_FOR_RECRUITER}
          checked={props.adaptive}
          onChange={(event) => props.onAdaptiveChange(event.currentTarget.checked)}
          disabled={locked}
          error={errorsFor(errors, "adaptiveDifficulty")}
        />
      </div>

      <div hidden={hydrated && selection !== "MANUAL"} className="space-y-4 rounded-md border border-line p-4">
        <h3 className="text-sm font-medium text-fg">With hand-picked questions</h3>
        {locked ? (
          <ol className="list-decimal space-y-1 pl-5 text-sm text-fg">
            {(props.storedQuestions ?? []).map((question) => (
              <li key={question.id}>
                {question.title} <span className="text-fg-muted">({DIFFICULTY_LABELS[question.difficulty]})</span>
              </li>
            ))}
            {(props.storedQuestions ?? []).length === 0 ? <li className="list-none text-fg-muted">Questions are picked automatically.</li> : null}
          </ol>
        ) : (
          <QuestionPicker
            bank={bank}
            picked={picked}
            onPickedChange={props.onPickedChange}
            languages={props.languages}
            hydrated={hydrated}
            error={errorsFor(errors, "questionIds")}
          />
        )}
      </div>
    </>
  );
}
