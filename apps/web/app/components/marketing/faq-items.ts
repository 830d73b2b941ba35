/** Questions and answers for the FAQ section and its FAQPage JSON-LD (plain text only). */
export interface FaqItem {
  question: string;
  answer: string;
}

export const FAQ_ITEMS: readonly FaqItem[] = [
  {
    question: "What does a candidate need to take an interview?",
    answer:
      "A modern browser and the invitation link. Candidates do not create an account or install anything: the link is signed and expires, and a short system check runs before the interview starts.",
  },
  {
    question: "Can the AI agent simply solve the problem for the candidate?",
    answer:
      "You choose the assistance level per assessment: off, chat only, or a full coding agent. The agent never reveals hidden tests, scores or evaluation criteria, and each question has a message limit and each session a token budget. With AI allowed, the point is to see how well the candidate directs it and checks its output.",
  },
  {
    question: "How is an interview scored?",
    answer:
      "When the candidate finishes, the hidden tests run and an evaluation follows in the background. Its measured part is computed from the recording and is reproducible: hidden tests passed, time to the first run and the first green run, every test run, where each line of the final code came from (typed, pasted, written by the agent or the agent's code edited by the candidate), pastes and time away. With an Anthropic API key, Claude then scores a rubric (code quality, problem solving, AI collaboration, communication) several times and keeps the median; every claim must cite recorded events or lines of the final code, and claims whose evidence does not check out are dropped. Every finding links to its moment in the replay. Recruiter decisions, shareable reports and comparison are in development.",
  },
  {
    question: "Which languages are supported?",
    answer:
      "The curated question bank ships with problems in Python, TypeScript, JavaScript, Go and Java, each with visible tests, hidden tests, a reference solution that is checked to pass them, and wrong solutions the hidden tests are checked to catch. C++, Rust, Ruby and AI-generated questions are in development.",
  },
  {
    question: "What counts as a credit?",
    answer:
      "One credit pays for one assessment that a candidate starts: it is reserved when you send an invitation, used when the candidate starts, and returned to your balance if the invitation expires or is revoked unused. New organisations start with 3 free credits; packs are bought through Stripe Checkout on the billing page.",
  },
  {
    question: "Can several people watch the same interview?",
    answer:
      "Yes. Several reviewers can watch at once, read-only: the editor with the candidate's cursor, the terminal, test runs and the AI conversation. Everyone sees who else is watching, and reviewers can keep private notes the candidate never sees.",
  },
  {
    question: "What if the candidate's connection drops?",
    answer:
      "The workspace lives in an isolated sandbox on our side and persists across reconnects, and every event is recorded with a sequence number, so the candidate picks up where they left off and the recording has no gaps.",
  },
  {
    question: "Are interviews recorded on video?",
    answer:
      "No. InterviewLM records the work itself — code, terminal, tests and AI exchanges — not the candidate's camera or microphone. Video calls are not part of the product today.",
  },
];
