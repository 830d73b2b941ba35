// What a candidate reads before starting an assessment. The recruiter's preview page and
// the candidate portal both render this component from the same CandidatePreview DTO
// (`assessments.preview` / core `readCandidatePreview`), so the preview cannot drift from
// what candidates actually see.
import type { CandidatePreview } from "@interviewlm/core/assessments";
import { Badge, cx } from "@interviewlm/ui";
import { Bot, Clock, FlaskConical, ListChecks, type LucideIcon } from "@interviewlm/ui/icons";
import { useId, type ReactNode } from "react";
import { Markdown } from "./markdown";

export interface CandidatePreviewProps {
  preview: CandidatePreview;
  /** Level of the assessment title, so it fits the page outline (the portal may use 1). */
  headingLevel?: 1 | 2;
  /** Rendered under the summary, e.g. the portal's consent checkbox and Start button. */
  children?: ReactNode;
  className?: string;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function listLanguages(languages: CandidatePreview["languages"]): string {
  const labels = languages.map((language) => language.label);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
}

function Fact({ icon: Icon, label, value }: { icon: LucideIcon; label: string; value: ReactNode }) {
  return (
    // A <dl> group may only hold <dt>/<dd> directly: the icon lives inside the term.
    <div className="rounded-md border border-line bg-surface-raised px-3 py-2.5">
      <dt className="flex items-center gap-3 text-xs text-fg-muted">
        <Icon aria-hidden="true" className="size-4 shrink-0" />
        {label}
      </dt>
      <dd className="pl-7 text-sm font-medium text-fg">{value}</dd>
    </div>
  );
}

export function CandidatePreviewPanel({ preview, headingLevel = 2, children, className }: CandidatePreviewProps) {
  const Title = `h${headingLevel}` as const;
  const Section = `h${headingLevel + 1}` as "h2" | "h3";
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} className={cx("space-y-6 rounded-lg border border-line bg-surface p-6", className)}>
      <header className="space-y-1">
        <p className="text-xs font-medium tracking-wide text-fg-muted uppercase">{preview.organizationName}</p>
        <Title id={titleId} className="text-xl font-semibold tracking-tight text-fg">
          {preview.title}
        </Title>
        <p className="text-sm text-fg-muted">{preview.role}</p>
      </header>

      <dl className="grid gap-2 sm:grid-cols-2">
        <Fact icon={Clock} label="Time" value={plural(preview.durationMinutes, "minute", "minutes")} />
        <Fact icon={ListChecks} label="Questions" value={plural(preview.questionCount, "coding problem", "coding problems")} />
        <Fact icon={Bot} label="AI assistance" value={preview.aiAssistance.label} />
        <Fact icon={FlaskConical} label="Tests" value={preview.testVisibility.label} />
      </dl>

      <section className="space-y-3">
        <Section className="text-sm font-semibold text-fg">How it works</Section>
        <ul className="space-y-2 text-sm text-fg-muted">
          <li>
            You can work in <span className="text-fg">{listLanguages(preview.languages)}</span>, in a real editor with a
            terminal, in your browser. The clock starts when you press Start and cannot be paused.
          </li>
          <li>
            <Badge tone="accent" className="mr-2 align-middle">AI: {preview.aiAssistance.label}</Badge>
            {preview.aiAssistance.explanation}
          </li>
          <li>
            <Badge tone="info" className="mr-2 align-middle">Tests: {preview.testVisibility.label}</Badge>
            {preview.testVisibility.explanation}
          </li>
          {preview.adaptiveNote ? <li>{preview.adaptiveNote}</li> : null}
        </ul>
      </section>

      {preview.instructions ? (
        <section className="space-y-3">
          <Section className="text-sm font-semibold text-fg">Instructions from {preview.organizationName}</Section>
          <Markdown source={preview.instructions} className="rounded-md border border-line px-4 py-3" />
        </section>
      ) : null}

      <section className="space-y-3">
        <Section className="text-sm font-semibold text-fg">What is recorded</Section>
        <p className="text-sm text-fg-muted">
          The interview is recorded so reviewers at {preview.organizationName} can watch it live and replay it later:
        </p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-fg-muted">
          {preview.recorded.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p className="text-sm text-fg-muted">{preview.dataRetention}</p>
      </section>

      {children}
    </article>
  );
}
