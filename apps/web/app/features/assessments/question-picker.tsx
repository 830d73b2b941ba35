// Hand-picking questions from the bank. Without JavaScript it is a plain checkbox list
// (questions are served in list order); once hydrated, the list is filtered to the
// assessment's languages and the picked questions get an explicit, reorderable order that
// is submitted as hidden fields.
import type { QuestionSummary } from "@interviewlm/core/questions";
import { DIFFICULTY_LABELS, LANGUAGE_LABELS } from "@interviewlm/core/assessments/schemas";
import { Badge, Checkbox, IconButton } from "@interviewlm/ui";
import { ArrowDown, ArrowUp, X } from "@interviewlm/ui/icons";
import { useId } from "react";

export interface QuestionPickerProps {
  bank: readonly QuestionSummary[];
  /** Picked ids, in order. */
  picked: readonly string[];
  onPickedChange: (picked: string[]) => void;
  /** The assessment's languages; after hydration only these are offered. */
  languages: readonly string[];
  hydrated: boolean;
  error?: string[];
}

const difficultyTone = { EASY: "success", MEDIUM: "warning", HARD: "danger" } as const;

function QuestionMeta({ question }: { question: QuestionSummary }) {
  return (
    <span className="flex flex-wrap items-center gap-1.5 text-xs text-fg-muted">
      <Badge tone={difficultyTone[question.difficulty]}>{DIFFICULTY_LABELS[question.difficulty]}</Badge>
      <span>{LANGUAGE_LABELS[question.language]}</span>
      <span aria-hidden="true">·</span>
      <span>~{question.estimatedMinutes} min</span>
      {question.topics.length > 0 ? (
        <>
          <span aria-hidden="true">·</span>
          <span>{question.topics.join(", ")}</span>
        </>
      ) : null}
    </span>
  );
}

export function QuestionPicker({ bank, picked, onPickedChange, languages, hydrated, error }: QuestionPickerProps) {
  const listId = useId();
  const byId = new Map(bank.map((question) => [question.id, question]));
  const offered = hydrated ? bank.filter((question) => languages.includes(question.language)) : bank;
  const toggle = (id: string, on: boolean) => onPickedChange(on ? [...picked, id] : picked.filter((p) => p !== id));
  const move = (index: number, by: -1 | 1) => {
    const next = [...picked];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onPickedChange(next);
  };

  return (
    <div className="space-y-4">
      {hydrated ? (
        <div className="space-y-2">
          <h4 className="text-sm font-medium text-fg" id={`${listId}-order`}>
            Order candidates get them
          </h4>
          {picked.length === 0 ? (
            <p className="text-sm text-fg-muted">No questions picked yet. Tick questions below.</p>
          ) : (
            <ol aria-labelledby={`${listId}-order`} className="divide-y divide-line rounded-md border border-line">
              {picked.map((id, index) => {
                const question = byId.get(id);
                const title = question?.title ?? id;
                const outOfLanguage = question && !languages.includes(question.language);
                return (
                  <li key={id} className="flex items-center gap-3 px-3 py-2">
                    <input type="hidden" name="questionIds" value={id} />
                    <span className="w-5 text-right font-mono text-xs text-fg-muted">{index + 1}.</span>
                    <div className="min-w-0 flex-1 space-y-1">
                      <p className="truncate text-sm text-fg">{title}</p>
                      {question ? <QuestionMeta question={question} /> : null}
                      {outOfLanguage ? <p className="text-xs text-warning-fg">Not in this assessment's languages — remove it or add its language.</p> : null}
                    </div>
                    <IconButton size="sm" aria-label={`Move ${title} up`} icon={<ArrowUp aria-hidden="true" className="size-4" />} disabled={index === 0} onClick={() => move(index, -1)} />
                    <IconButton size="sm" aria-label={`Move ${title} down`} icon={<ArrowDown aria-hidden="true" className="size-4" />} disabled={index === picked.length - 1} onClick={() => move(index, 1)} />
                    <IconButton size="sm" aria-label={`Remove ${title}`} icon={<X aria-hidden="true" className="size-4" />} onClick={() => toggle(id, false)} />
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ) : null}

      <fieldset className="space-y-2" aria-describedby={error ? `${listId}-error` : undefined}>
        <legend className="text-sm font-medium text-fg">Question bank</legend>
        <p className="text-xs text-fg-muted">
          {hydrated
            ? `Showing questions in ${languages.map((l) => LANGUAGE_LABELS[l as keyof typeof LANGUAGE_LABELS] ?? l).join(", ") || "no language yet"}.`
            : "Only questions in the assessment's languages are accepted. Candidates get them in the order of this list."}
        </p>
        {error ? (
          <div id={`${listId}-error`} className="space-y-0.5 text-xs text-danger-fg">
            {error.map((message) => <p key={message}>{message}</p>)}
          </div>
        ) : null}
        {offered.length === 0 ? (
          <p className="rounded-md border border-dashed border-line-strong px-3 py-4 text-sm text-fg-muted">
            The question bank has no questions in these languages yet. Use automatic selection, or choose another language.
          </p>
        ) : (
          <ul className="max-h-96 divide-y divide-line overflow-y-auto rounded-md border border-line">
            {offered.map((question) => (
              <li key={question.id} className="px-3 py-2.5">
                <Checkbox
                  // Before hydration the checkboxes themselves submit; afterwards the ordered hidden fields do.
                  name={hydrated ? undefined : "questionIds"}
                  value={question.id}
                  checked={picked.includes(question.id)}
                  onChange={(event) => toggle(question.id, event.currentTarget.checked)}
                  label={question.title}
                  description={<QuestionMeta question={question} />}
                />
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    </div>
  );
}
