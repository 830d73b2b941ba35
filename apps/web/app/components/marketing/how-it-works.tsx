import { Section } from "./section";

const STEPS = [
  {
    title: "Create an assessment",
    text: "Pick the role, seniority, languages, duration and number of questions. Choose curated questions, adaptive difficulty, and how much AI help the candidate gets.",
  },
  {
    title: "Invite candidates",
    text: "Add one candidate or upload a CSV. Each gets an email with a signed, expiring link — no account needed — and you follow them from invited to opened, started, completed and evaluated.",
  },
  {
    title: "Interview",
    text: "The candidate solves real problems in the browser IDE with the AI agent alongside, while your reviewers watch live. Every keystroke, terminal byte, test run and AI message is recorded.",
  },
  {
    title: "Review",
    text: "Watch live with your team and keep private notes, then replay the whole interview on one timeline. When the candidate finishes, the hidden tests run and the report follows: test results, where the code came from, and a rubric whose claims link into the replay.",
  },
] as const;

export function HowItWorks() {
  return (
    <Section
      id="how-it-works"
      eyebrow="How it works"
      title="From job description to evidence in four steps"
    >
      <ol className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        {STEPS.map((step, index) => (
          <li key={step.title} className="rounded-xl border border-line bg-surface p-6">
            <span
              aria-hidden="true"
              className="flex size-7 items-center justify-center rounded-full border border-line-strong font-mono text-xs text-accent-fg"
            >
              {index + 1}
            </span>
            <h3 className="mt-4 text-sm font-semibold text-fg">{step.title}</h3>
            <p className="mt-2 text-sm leading-6 text-fg-muted">{step.text}</p>
          </li>
        ))}
      </ol>
    </Section>
  );
}
