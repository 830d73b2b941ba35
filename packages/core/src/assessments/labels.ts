// The words recruiters and candidates read for each setting. One table for the form,
// the list and the candidate preview, so a level is never explained two different ways.

export { DIFFICULTY_LABELS, LANGUAGE_LABELS } from "../questions/labels.ts";

export const SENIORITY_LABELS = {
  JUNIOR: "Junior",
  MID: "Mid-level",
  SENIOR: "Senior",
  STAFF: "Staff",
} as const satisfies Record<string, string>;

export interface SettingExplanation {
  label: string;
  /** For the recruiter choosing the setting. */
  forRecruiter: string;
  /** For the candidate, second person, on the preview and the portal. */
  forCandidate: string;
}

export const AI_ASSISTANCE_EXPLANATIONS = {
  OFF: {
    label: "Off",
    forRecruiter: "No AI assistant. Candidates work with the editor, terminal and tests only.",
    forCandidate: "There is no AI assistant in this interview. You work with the editor, the terminal and the tests.",
  },
  CHAT: {
    label: "Chat only",
    forRecruiter: "An AI assistant answers questions in a chat and can read the candidate's files, but cannot change them or run anything.",
    forCandidate:
      "You can chat with an AI assistant and ask it anything. It can read your files but not change them: you write and run the code yourself.",
  },
  AGENT: {
    label: "Full agent",
    forRecruiter: "An AI coding agent that reads and writes files, runs tests and shell commands in the candidate's workspace.",
    forCandidate:
      "You work with an AI coding agent. It can read and edit your files, run the tests and run commands in your workspace — you decide what to ask it and what to keep.",
  },
} as const satisfies Record<string, SettingExplanation>;

export const AI_HELP_LEVEL_EXPLANATIONS = {
  GUIDE: {
    label: "Guide, don't solve",
    forRecruiter: "The assistant explains, points at problems and helps with tools and errors, but does not write the solution.",
    forCandidate: "The assistant helps you think, explains and points at problems, but it will not write the solution for you.",
  },
  SOLVE: {
    label: "May write the solution",
    forRecruiter: "The assistant may write the code that solves the question when the candidate asks; you judge how they direct and check it.",
    forCandidate: "The assistant may write code that solves the question when you ask; you are judged on how you direct and check its work.",
  },
} as const satisfies Record<string, SettingExplanation>;

export const TEST_VISIBILITY_EXPLANATIONS = {
  VISIBLE: {
    label: "Visible",
    forRecruiter: "The visible test files are in the workspace; candidates can read and run them.",
    forCandidate: "The test files are in your workspace. Read them, run them as often as you like.",
  },
  RESULTS_ONLY: {
    label: "Results only",
    forRecruiter: "Candidates can run the tests and see which pass or fail, but not the test code.",
    forCandidate: "You can run the tests and see which pass or fail, but the test code itself is not shown.",
  },
  HIDDEN: {
    label: "Hidden",
    forRecruiter: "No tests during the interview; only the hidden evaluation runs at the end.",
    forCandidate: "There are no tests to run during the interview. Your solution is checked by hidden tests when you finish.",
  },
} as const satisfies Record<string, SettingExplanation>;

export const QUESTION_SELECTION_EXPLANATIONS = {
  AUTO: {
    label: "Automatic, by difficulty",
    forRecruiter: "Questions are drawn from the bank in the candidate's language when they start, beginning at the difficulty you choose.",
    forCandidate: "",
  },
  MANUAL: {
    label: "Hand-picked",
    forRecruiter: "You choose the questions and their order. Every candidate gets the same ones.",
    forCandidate: "",
  },
} as const satisfies Record<string, SettingExplanation>;

/** What the platform records during an interview, as told to candidates before they consent. */
export function recordedDuringInterview(aiAssistance: keyof typeof AI_ASSISTANCE_EXPLANATIONS): string[] {
  return [
    "Every change to your code and files, with timestamps, so reviewers can replay how you worked.",
    "Everything typed into and printed by the terminal.",
    "Every test run and its results.",
    ...(aiAssistance === "OFF" ? [] : ["Your conversation with the AI assistant, including every action it takes in your workspace."]),
    "When you paste text into the editor, and when the interview tab loses focus.",
  ];
}

export const ADAPTIVE_EXPLANATION_FOR_RECRUITER =
  "After the first question, each next one gets easier or harder depending on how the candidate did on the previous one. " +
  "Only with automatic selection: hand-picked questions keep the order you chose.";

export const ADAPTIVE_EXPLANATION_FOR_CANDIDATE =
  "Questions adapt to you: the next question is easier or harder depending on how the previous one went.";
