import { Section } from "./section";

const SIGNALS = [
  "Hidden tests passed",
  "Time to first green test run",
  "Test-run discipline",
  "Share of code written by the AI vs. the candidate",
  "Paste events and focus changes",
];

const RUBRIC = [
  "Problem solving",
  "Code quality",
  "AI collaboration and prompting",
  "Verification of AI output",
  "Communication",
];

function List({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div className="rounded-xl border border-line bg-surface p-6">
      <h3 className="text-sm font-semibold text-fg">{title}</h3>
      <ul className="mt-4 space-y-2.5">
        {items.map((item) => (
          <li key={item} className="flex gap-2.5 text-sm text-fg-muted">
            <span aria-hidden="true" className="mt-2 size-1 shrink-0 rounded-full bg-accent-fg" />
            {item}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Evidence() {
  return (
    <Section
      id="scoring"
      eyebrow="Evaluation"
      title="Scores you can trace back to what happened"
      intro="When an interview ends, InterviewLM measures what can be measured and, with an Anthropic API key, asks Claude to assess the rest against a rubric. Every judgement points at the recorded moments it rests on, so a reviewer can check it in the replay in one click. The report recommends from weights you set per assessment and shows which scores drove it; the decision is your reviewers'."
    >
      <div className="grid gap-4 md:grid-cols-2">
        <List title="Measured from the recording" items={SIGNALS} />
        <List title="Rubric evaluation, with citations" items={RUBRIC} />
      </div>
    </Section>
  );
}
