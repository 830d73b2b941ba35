// The generator's prompts. A change to any of them makes a new GENERATION_PROMPT_VERSION,
// recorded on every job with its model, so a question can be traced to what produced it.
import { DIFFICULTY_LABELS, LANGUAGE_LABELS } from "../labels.ts";
import type { QuestionFile } from "../schemas.ts";
import type { GenerationRequest } from "./spec.ts";

export const GENERATION_PROMPT_VERSION = "question-gen-2026-12-v1";

const TEST_STYLE: Record<string, string> = {
  python: "pytest: test files named test_*.py at the workspace root, importing the solution module by name.",
  javascript: "node:test (`import { test } from 'node:test'` and `node:assert/strict`): files named *.test.mjs.",
  typescript: "Vitest style (`import { describe, it, expect } from 'vitest'`) or node:test: files named *.test.ts.",
};

export const GENERATOR_SYSTEM = [
  "You write technical interview questions that are proven by execution before anyone sees them.",
  "Every answer goes through the submit_question tool. The platform runs, in a sandbox without network:",
  "the reference solution against all visible and hidden tests three times (identical results required);",
  "the starter files (they must fail); each of your wrong solutions and mechanical mutants of the",
  "reference (each must fail at least one HIDDEN test); and a fresh solver who sees only the statement,",
  "the starter and the visible tests (their solution must pass the hidden tests, so the statement must",
  "state every rule the hidden tests check). Tests must not use the network, the clock or unseeded randomness.",
].join(" ");

export function generationPrompt(request: GenerationRequest, variantOf: { title: string; statement: string; topics: string[] } | null): string {
  const lines = [
    `Role: ${request.role}`,
    `Language: ${LANGUAGE_LABELS[request.language]} — tests in ${TEST_STYLE[request.language] ?? "the language's standard runner"}`,
    `Difficulty: ${DIFFICULTY_LABELS[request.difficulty]}`,
    `Time for the candidate: about ${request.minutes} minutes`,
    `Topics: ${request.topics.join(", ")}`,
  ];
  if (request.context) lines.push(`Context from the recruiter: ${request.context}`);
  if (variantOf) {
    lines.push(
      "",
      "Write a VARIANT of the question below: the same skill and difficulty, a new surface (different domain, names and data), so a candidate who saw the original gains nothing.",
      `<original title="${variantOf.title}" topics="${variantOf.topics.join(", ")}">`,
      variantOf.statement,
      "</original>",
    );
  }
  lines.push("", "Write at least three wrong solutions: an off-by-one, a missing edge case and a wrong complexity (too slow for the hidden tests' sizes).");
  return lines.join("\n");
}

/** What went wrong in a round, sent back with the question for the next one. */
export function repairPrompt(failures: readonly string[]): string {
  return [
    "The platform ran your question and these checks failed:",
    ...failures.map((failure, i) => `${i + 1}. ${failure}`),
    "",
    "Fix the question and submit it again in full through submit_question. Keep what passed.",
  ].join("\n");
}

export const SOLVER_SYSTEM = "You are a strong candidate in a coding interview. Solve the task exactly as stated. Answer only through the submit_solution tool with the files that replace the starter files.";

export function solvePrompt(question: { statement: string; starterFiles: readonly QuestionFile[]; visibleTests: readonly QuestionFile[] }): string {
  const files = (list: readonly QuestionFile[]) => list.map((f) => `<file path="${f.path}">\n${f.content}\n</file>`).join("\n");
  return ["<statement>", question.statement, "</statement>", "<starter>", files(question.starterFiles), "</starter>", "<visible_tests>", files(question.visibleTests), "</visible_tests>"].join("\n");
}
