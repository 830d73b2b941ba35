import type { AssessmentTemplate } from "@interviewlm/core/assessments";
import { AI_ASSISTANCE_EXPLANATIONS, LANGUAGE_LABELS, SENIORITY_LABELS } from "@interviewlm/core/assessments/schemas";
import { Badge, Button, buttonClasses } from "@interviewlm/ui";
import { FilePlus2 } from "@interviewlm/ui/icons";
import { Form, Link } from "@remix-run/react";
import { useIsPending } from "~/lib/forms";

function TemplateCard({ template }: { template: AssessmentTemplate }) {
  const { settings } = template;
  const creating = useIsPending({ intent: `from-template:${template.key}` });
  return (
    <li className="flex flex-col gap-4 rounded-lg border border-line bg-surface p-5">
      <div className="space-y-1.5">
        <h3 className="text-sm font-semibold text-fg">
          {template.name}
        </h3>
        <p className="text-sm text-fg-muted">{template.summary}</p>
      </div>
      <ul aria-label="Settings" className="flex flex-wrap gap-1.5">
        <li><Badge>{SENIORITY_LABELS[settings.seniority]}</Badge></li>
        <li><Badge>{settings.languages.map((l) => LANGUAGE_LABELS[l]).join(" / ")}</Badge></li>
        <li><Badge>{settings.durationMinutes} min</Badge></li>
        <li><Badge>{settings.questionCount} {settings.questionCount === 1 ? "question" : "questions"}</Badge></li>
        <li><Badge tone="accent">AI: {AI_ASSISTANCE_EXPLANATIONS[settings.aiAssistance].label}</Badge></li>
      </ul>
      <div className="mt-auto flex flex-wrap gap-2">
        <Link to={`?start=${template.key}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          Customize<span className="sr-only"> {template.name}</span>
        </Link>
        <Form method="post">
          <input type="hidden" name="templateKey" value={template.key} />
          <Button type="submit" size="sm" variant="ghost" name="intent" value={`from-template:${template.key}`} pending={creating} pendingLabel="Creating…">
            Create as is<span className="sr-only"> from {template.name}</span>
          </Button>
        </Form>
      </div>
    </li>
  );
}

export function TemplateCards({ templates }: { templates: readonly AssessmentTemplate[] }) {
  return (
    <ul aria-label="Templates" className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      <li className="flex flex-col gap-4 rounded-lg border border-dashed border-line-strong p-5">
        <div className="space-y-1.5">
          <h3 className="flex items-center gap-2 text-sm font-semibold text-fg">
            <FilePlus2 aria-hidden="true" className="size-4 text-fg-muted" /> Blank assessment
          </h3>
          <p className="text-sm text-fg-muted">Start from scratch: choose every setting, or hand-pick questions from the bank.</p>
        </div>
        <div className="mt-auto">
          <Link to="?start=blank" className={buttonClasses({ variant: "secondary", size: "sm" })}>
            Start blank
          </Link>
        </div>
      </li>
      {templates.map((template) => (
        <TemplateCard key={template.key} template={template} />
      ))}
    </ul>
  );
}
