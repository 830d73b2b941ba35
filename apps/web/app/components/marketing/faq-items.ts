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
      "When the candidate finishes, the hidden tests run and an evaluation follows in the background. Its measured part is computed from the recording and is reproducible: hidden tests passed, time to the first run and the first green run, every test run, where each line of the final code came from (typed, pasted, written by the agent or the agent's code edited by the candidate), pastes and time away. With an Anthropic API key, Claude then scores a rubric (code quality, problem solving, AI collaboration, communication) several times and keeps the median; every claim must cite recorded events or lines of the final code, and claims whose evidence does not check out are dropped. Every finding links to its moment in the replay. The report recommends Strong yes, Yes, Leaning no or No from a weighted mean of the hidden tests and the rubric (weights set per assessment; without a key or when the rubric is flagged for review it says it rests on the measured part only), and lists what drove it. The decision stays with your reviewers: advance, hold or reject with a reason, kept with its history and in the audit log. A report can be shared with a hiring manager by a read-only link that expires after 1, 7 or 30 days and can be revoked at any time (the replay stays for your team), printed or saved as PDF, and an assessment's candidates can be compared in one sortable table.",
  },
  {
    question: "Which languages are supported?",
    answer:
      "The curated question bank ships with problems in Python, TypeScript, JavaScript, Go, Java, Ruby, C++ and Rust, each with visible tests, hidden tests, a reference solution that is checked to pass them, and wrong solutions the hidden tests are checked to catch.",
  },
  {
    question: "Can Claude write questions for us?",
    answer:
      "Yes, with an Anthropic API key: describe the role, topics, language (Python, JavaScript or TypeScript), difficulty and time, or ask for a variant of an existing question. Before you see it, the question is run in the sandbox: the reference must pass every test three runs in a row, the starter must fail, the model's own wrong solutions and mutants of the reference must be caught by the hidden tests, the tests must not depend on the clock, network or randomness, and a fresh solve from the statement alone must pass. Failures go back to the model for at most two repair rounds; a question that still fails is rejected with its report. A verified question is a draft in your bank until someone approves it; edits are verified again.",
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
  {
    question: "Can a candidate get a copy of their data?",
    answer:
      "Yes. Every invitation and reminder ends with a \"Your data\" link. The candidate asks there, a download link goes to the address they were invited at, and it gives them one archive: their records, the files they wrote and the recording of their interview. Reviewers' internal notes are not included. Owners and admins can download the same archive, with everything, from the candidate's page. Each request and download is recorded in the audit log.",
  },
  {
    question: "How long is candidate data kept, and can it be deleted?",
    answer:
      "Each organisation sets how many days candidate data is kept after evaluation — a year unless you change it, or until you erase it — and candidates see that period before they consent. When it runs out, a background job erases the recording, the workspace and its snapshots, the live room's data, the evaluation and the emails sent to the candidate, keeping only anonymous counts so your dashboard stays right. Owners and admins can preview and run that erasure at once from the organisation settings, erase a candidate at any time from their page, and owners can delete the whole organisation. A candidate can ask for their own erasure from the \"Your data\" link in their emails: a confirmation link goes to the address they were invited at, and once they confirm the same erasure runs and is recorded in your audit log (not while their invitation is open or their interview is running).",
  },
];
