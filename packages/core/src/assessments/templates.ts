// Ready-made assessments a recruiter can start from. They all pick questions
// automatically by language and difficulty, so they work with whatever the bank holds
// (curated today, generated questions later) instead of naming questions that may retire.
import { DEFAULT_RECOMMENDATION_WEIGHTS } from "../decisions/schemas.ts";
import { DEFAULT_AI_BUDGET_SETTINGS, type AssessmentSettings } from "./schemas.ts";

export interface AssessmentTemplate {
  /** Stable key, recorded on assessments created from it (`Assessment.templateKey`). */
  key: string;
  name: string;
  /** One sentence for the template card: who it is for and what it checks. */
  summary: string;
  settings: AssessmentSettings;
}

const TEMPLATES: readonly AssessmentTemplate[] = [
  {
    key: "backend-python-mid",
    name: "Backend Python, mid-level",
    summary: "Two practical Python problems with a full AI agent; difficulty adapts from medium.",
    settings: {
      title: "Backend Python, mid-level",
      role: "Backend engineer",
      seniority: "MID",
      languages: ["python"],
      durationMinutes: 75,
      questionCount: 2,
      questionSelection: "AUTO",
      questionIds: [],
      startingDifficulty: "MEDIUM",
      adaptiveDifficulty: true,
      aiAssistance: "AGENT",
      aiHelpLevel: "GUIDE",
      ...DEFAULT_AI_BUDGET_SETTINGS,
      recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS },
      testVisibility: "VISIBLE",
      instructions:
        "Solve each problem as you would at work. Use the AI agent whenever it helps, and check what it writes: " +
        "we look at how you verify its output as much as at the final code.",
    },
  },
  {
    key: "frontend-typescript-junior",
    name: "Frontend TypeScript, junior",
    summary: "Two easy-to-medium TypeScript tasks, AI in chat only, so the candidate writes the code.",
    settings: {
      title: "Frontend TypeScript, junior",
      role: "Frontend engineer",
      seniority: "JUNIOR",
      languages: ["typescript", "javascript"],
      durationMinutes: 60,
      questionCount: 2,
      questionSelection: "AUTO",
      questionIds: [],
      startingDifficulty: "EASY",
      adaptiveDifficulty: true,
      aiAssistance: "CHAT",
      aiHelpLevel: "GUIDE",
      ...DEFAULT_AI_BUDGET_SETTINGS,
      recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS },
      testVisibility: "VISIBLE",
      instructions:
        "Work in TypeScript or JavaScript. The assistant can explain APIs and ideas, but you write the code. " +
        "Run the tests often; small steps are fine.",
    },
  },
  {
    key: "fullstack-typescript-senior",
    name: "Full-stack TypeScript, senior",
    summary: "Three problems from medium upwards with a full agent; tests run but their code stays hidden.",
    settings: {
      title: "Full-stack TypeScript, senior",
      role: "Full-stack engineer",
      seniority: "SENIOR",
      languages: ["typescript"],
      durationMinutes: 90,
      questionCount: 3,
      questionSelection: "AUTO",
      questionIds: [],
      startingDifficulty: "MEDIUM",
      adaptiveDifficulty: true,
      aiAssistance: "AGENT",
      aiHelpLevel: "GUIDE",
      ...DEFAULT_AI_BUDGET_SETTINGS,
      recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS },
      testVisibility: "RESULTS_ONLY",
      instructions:
        "You can run the tests and see their results, but not their code: write your own checks where you need them. " +
        "Explain your trade-offs in comments or in the chat.",
    },
  },
  {
    key: "algorithms-python-senior",
    name: "Algorithms & data structures, Python, senior",
    summary: "Three harder algorithmic problems in Python; the assistant can discuss but not write code.",
    settings: {
      title: "Algorithms & data structures, Python, senior",
      role: "Software engineer",
      seniority: "SENIOR",
      languages: ["python"],
      durationMinutes: 90,
      questionCount: 3,
      questionSelection: "AUTO",
      questionIds: [],
      startingDifficulty: "HARD",
      adaptiveDifficulty: true,
      aiAssistance: "CHAT",
      aiHelpLevel: "GUIDE",
      ...DEFAULT_AI_BUDGET_SETTINGS,
      recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS },
      testVisibility: "RESULTS_ONLY",
      instructions:
        "Think about time and space complexity and say what you chose and why. The assistant can discuss approaches " +
        "with you; the implementation is yours.",
    },
  },
  {
    key: "ai-collaboration-typescript-mid",
    name: "AI-collaboration screen, TypeScript, mid-level",
    summary: "How well a candidate drives a coding agent: two medium tasks, full agent, visible tests.",
    settings: {
      title: "AI-collaboration screen, TypeScript",
      role: "Software engineer",
      seniority: "MID",
      languages: ["typescript"],
      durationMinutes: 60,
      questionCount: 2,
      questionSelection: "AUTO",
      questionIds: [],
      startingDifficulty: "MEDIUM",
      adaptiveDifficulty: false,
      aiAssistance: "AGENT",
      aiHelpLevel: "GUIDE",
      ...DEFAULT_AI_BUDGET_SETTINGS,
      recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS },
      testVisibility: "VISIBLE",
      instructions:
        "This interview is about working with an AI coding agent. Give it clear instructions, review its changes, " +
        "run the tests and correct it when it goes wrong. Prompting, verification and judgement all count.",
    },
  },
  {
    key: "quick-screen-any-language",
    name: "Quick screen, any language",
    summary: "One easy problem in 30 minutes, in Python, JavaScript, TypeScript, Go, Java, Ruby, C++ or Rust, without AI.",
    settings: {
      title: "Quick coding screen",
      role: "Software engineer",
      seniority: "JUNIOR",
      languages: ["python", "javascript", "typescript", "go", "java", "ruby", "cpp", "rust"],
      durationMinutes: 30,
      questionCount: 1,
      questionSelection: "AUTO",
      questionIds: [],
      startingDifficulty: "EASY",
      adaptiveDifficulty: false,
      aiAssistance: "OFF",
      aiHelpLevel: "GUIDE",
      ...DEFAULT_AI_BUDGET_SETTINGS,
      recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS },
      testVisibility: "VISIBLE",
      instructions: "A short warm-up problem. Pick the language you are most comfortable with.",
    },
  },
];

export function listTemplates(): readonly AssessmentTemplate[] {
  return TEMPLATES;
}

export function findTemplate(key: string): AssessmentTemplate | null {
  return TEMPLATES.find((template) => template.key === key) ?? null;
}
