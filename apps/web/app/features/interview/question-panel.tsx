// The question: title, where it sits in the interview (x of n), difficulty and statement.
import { Badge, cx, type BadgeTone } from "@interviewlm/ui";
import type { QuestionView } from "@interviewlm/realtime";
import { useMemo } from "react";
import { renderStatement } from "./question-markdown";

const DIFFICULTY_TONE: Record<string, BadgeTone> = { EASY: "success", MEDIUM: "warning", HARD: "danger" };

const STATEMENT_CLASSES = cx(
  "space-y-3 text-sm leading-6 text-fg",
  "[&_h3]:mt-5 [&_h3]:font-semibold [&_h4]:mt-4 [&_h4]:font-medium [&_h5]:font-medium [&_h6]:font-medium",
  "[&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-5",
  "[&_a]:text-accent-fg [&_a]:underline [&_strong]:font-semibold [&_blockquote]:border-l-2 [&_blockquote]:border-line-strong [&_blockquote]:pl-3 [&_blockquote]:text-fg-muted",
  "[&_code]:rounded [&_code]:bg-surface-raised [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[0.8125rem]",
  "[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:border [&_pre]:border-line [&_pre]:bg-canvas [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_table]:w-full [&_table]:border-collapse [&_th]:border [&_th]:border-line [&_th]:bg-surface-raised [&_th]:px-2 [&_th]:py-1 [&_td]:border [&_td]:border-line [&_td]:px-2 [&_td]:py-1",
);

export function QuestionPanel({ question }: { question: QuestionView | null }) {
  const html = useMemo(() => (question ? renderStatement(question.statement) : ""), [question]);
  if (!question) {
    return (
      <section aria-label="Question" className="p-4 text-sm text-fg-muted">
        No question is open.
      </section>
    );
  }
  const difficulty = question.difficulty.toUpperCase();
  return (
    // Scrolls on its own, so it takes focus for keyboard scrolling (WCAG 2.1.1).
    <section aria-labelledby="question-title" tabIndex={0} className="h-full min-h-0 overflow-auto p-4 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus">
      <div className="mb-3 flex flex-wrap items-center gap-2 text-xs text-fg-muted">
        <span>
          Question {question.position + 1} of {question.count}
        </span>
        <Badge tone={DIFFICULTY_TONE[difficulty] ?? "neutral"} dot>
          {difficulty.charAt(0) + difficulty.slice(1).toLowerCase()}
        </Badge>
      </div>
      <h2 id="question-title" className="mb-3 text-base font-semibold text-fg">
        {question.title}
      </h2>
      {/* renderStatement escapes raw HTML and filters links (see question-markdown.ts). */}
      <div className={STATEMENT_CLASSES} dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
