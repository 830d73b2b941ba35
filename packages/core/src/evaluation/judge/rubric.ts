// The rubric the judge scores against. Levels are anchored to behaviour a reviewer could see in
// the replay, never to impressions; a change to any text here is a new prompt version.

export const JUDGE_PROMPT_VERSION = "judge-v1";

export const DIMENSIONS = ["code_quality", "problem_solving", "ai_collaboration", "communication"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const LEVELS = [1, 2, 3, 4] as const;

export const DIMENSION_LABELS: Record<Dimension, string> = {
  code_quality: "Code quality",
  problem_solving: "Problem solving",
  ai_collaboration: "AI collaboration",
  communication: "Communication",
};

export const RUBRIC: Record<Dimension, Record<(typeof LEVELS)[number], string>> = {
  code_quality: {
    1: "The final code does not run or is mostly placeholder; names and structure hide what it does.",
    2: "The code works for the main case but has duplicated logic, unclear names or unhandled edge cases visible in the file.",
    3: "Clear names and structure; edge cases named by the task are handled; little dead or duplicated code.",
    4: "As 3, and the code is simple for what it does: small functions, no dead code, edge cases handled deliberately (guards, tests or comments show it).",
  },
  problem_solving: {
    1: "No working approach: tests are never run, or runs show no progress.",
    2: "Progress by trial and error: many runs with changes that do not follow from the failures seen.",
    3: "A working approach reached steadily: failing runs are followed by targeted changes and then passing runs.",
    4: "As 3, and the candidate checks beyond the visible tests (own cases, edge cases) or restructures once the approach is clear.",
  },
  ai_collaboration: {
    1: "AI output accepted without checking: agent edits are never followed by a test run or a reading of the change, or prompts hand over the whole task.",
    2: "Some checking: tests are run after some agent edits; prompts are broad (\"solve it\").",
    3: "Specific prompts (a function, an error, a case); agent edits are followed by test runs; wrong suggestions are corrected or undone.",
    4: "As 3, and the candidate directs the agent deliberately: asks for explanations or alternatives, rejects or edits output with reasons, keeps ownership of the design. A candidate who did not use the AI and solved the task well scores 3.",
  },
  communication: {
    1: "Prompts and messages are unclear or missing where they were needed; no comments where the code is not obvious.",
    2: "Messages are understandable but vague; context the reader needs is missing.",
    3: "Messages state the goal and the context (the error, the case, the constraint); comments explain non-obvious choices.",
    4: "As 3, and the candidate explains their reasoning or trade-offs in messages or comments so a reviewer can follow their decisions.",
  },
};

export function rubricText(): string {
  return DIMENSIONS.map((dimension) => {
    const levels = LEVELS.map((level) => `  ${level}: ${RUBRIC[dimension][level]}`).join("\n");
    return `${dimension} (${DIMENSION_LABELS[dimension]}):\n${levels}`;
  }).join("\n\n");
}
