import {
  Bot,
  Eye,
  History,
  Library,
  ListChecks,
  SquareTerminal,
  TrendingUp,
  type LucideIcon,
} from "@interviewlm/ui/icons";
import { InDevelopment } from "./in-development";
import { Section } from "./section";

interface Feature {
  icon: LucideIcon;
  title: string;
  text: string;
  /** Promised but not built yet: shown with an "In development" mark. */
  inDevelopment?: true;
}

const FEATURES: readonly Feature[] = [
  {
    icon: SquareTerminal,
    title: "A real IDE on a real sandbox",
    text: "Multi-file editor with syntax highlighting, a terminal attached to a real shell, and a test runner with per-test results. Each session gets an isolated workspace that survives reconnects.",
  },
  {
    icon: Bot,
    title: "An AI coding agent with guardrails",
    text: "A Claude agent that can read and write files, run tests and shell commands — each tool call shown to the candidate. It never reveals hidden tests or scoring, and works within message and token limits.",
  },
  {
    icon: Eye,
    title: "Watch live, together",
    text: "Several reviewers can follow one interview at once: the code with the candidate's cursor, the terminal, the tests and the AI chat. See who else is watching and keep private notes.",
  },
  {
    icon: History,
    title: "Full replay",
    text: "One timeline for editor, terminal, AI chat, test runs, pastes and notes. Play at 0.5× to 16×, skip idle time, step to test runs, pastes and AI exchanges, search commands and prompts, diff the code against the final version or a marked moment, and run the hidden tests on the code of any moment in a sandbox of your own.",
  },
  {
    icon: ListChecks,
    title: "Reports backed by evidence",
    text: "Hidden-test results and measured signals — where each line of the final code came from (typed, pasted or written by the agent), every test run, pastes and time away — plus, with an Anthropic API key, a Claude rubric in which every claim cites the recorded events behind it and links into the replay. A recommendation from weights you set per assessment names the scores that drove it; reviewers record advance, hold or reject with a reason (audited), and the assessment's creator is emailed when a report is ready. Share a read-only report with a hiring manager by a link that expires and can be revoked, print it or save it as PDF, and compare an assessment's candidates in one sortable table.",
  },
  {
    icon: Library,
    title: "Curated and AI-generated questions",
    text: "A bank of real problems with visible and hidden tests, verified reference solutions, and wrong solutions the hidden tests must catch. With an Anthropic API key, Claude writes questions for your role and stack; each is proven in the sandbox (reference passes three times, starter fails, wrong solutions are caught, a fresh solve from the statement passes) and waits as a draft until you approve it.",
  },
  {
    icon: TrendingUp,
    title: "Adaptive difficulty",
    text: "Turn it on and each next question's difficulty follows how the candidate did on the previous one, so strong candidates are stretched and everyone gets a fair signal.",
  },
];

export function Features() {
  return (
    <Section
      id="features"
      eyebrow="Features"
      title="Everything you need to judge AI-assisted engineering"
      intro="Not a puzzle in a text box. Candidates work the way they will on the job — in an editor, a terminal and a conversation with an AI agent — and you see all of it."
    >
      <ul className="grid gap-px overflow-hidden rounded-xl border border-line bg-line sm:grid-cols-2 lg:grid-cols-4">
        {FEATURES.map(({ icon: Icon, title, text, inDevelopment }) => (
          <li key={title} className="bg-surface p-6">
            <Icon aria-hidden="true" className="size-5 text-accent-fg" />
            <h3 className="mt-4 text-sm font-semibold text-fg">
              {title}
              {inDevelopment ? <InDevelopment /> : null}
            </h3>
            <p className="mt-2 text-sm leading-6 text-fg-muted">{text}</p>
          </li>
        ))}
        <li className="flex flex-col justify-center bg-surface p-6">
          <p className="text-sm leading-6 text-fg-muted">
            Choose the AI assistance level for each assessment — <span className="text-fg">off</span>,{" "}
            <span className="text-fg">chat only</span> or <span className="text-fg">full agent</span> — and whether
            tests are visible to the candidate.
          </p>
        </li>
      </ul>
    </Section>
  );
}
