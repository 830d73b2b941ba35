// The generation pipeline (docs/decisions/0151): ask Claude for a complete question through a
// forced tool call, verify it in the sandbox, and send every failing check's evidence back for
// a bounded number of repair rounds. The outcome is a verified question or a rejection with
// the report — never an unverified question.
import { questionContentHash } from "../load-question-bank.ts";
import type { QuestionDefinition, QuestionFile, QuestionLanguage } from "../schemas.ts";
import { callTool, InvalidAnswerError, type ConversationMessage, type GenerationUsage, type GeneratorModel } from "./model-call.ts";
import { GENERATION_PROMPT_VERSION, GENERATOR_SYSTEM, generationPrompt, repairPrompt, SOLVER_SYSTEM, solvePrompt } from "./prompts.ts";
import { GeneratedQuestionSchema, QUESTION_TOOL, SolveOutputSchema, SOLVE_TOOL, type GeneratedQuestion } from "./question-output.ts";
import type { DraftEdit, GenerationRequest } from "./spec.ts";
import type { CheckResult, RoundReport, VerificationReport } from "./verification-report.ts";
import { verifyQuestion, type VerifyOptions } from "./verify-question.ts";

/** Repair rounds after the first answer: enough to fix a slip the evidence points at, few enough to bound cost. */
export const MAX_REPAIR_ROUNDS = 2;
/** Every wrong solution must be caught, and this share of the non-stillborn mutants (the ADR says why 0.8). */
export const KILL_RATE_FLOOR = 0.8;

export interface PipelineOptions extends Omit<VerifyOptions, "afterCheck" | "beforeStage"> {
  model: GeneratorModel;
  usage: GenerationUsage;
  maxRepairRounds?: number;
  beforeStage: (stage: string, detail: string) => Promise<void>;
  afterCheck: (round: number, check: CheckResult) => Promise<void>;
}

export interface VerifiedQuestion extends Omit<QuestionDefinition, "slug" | "contentHash"> {
  wrongSolutions: { name: string; kind: string; files: QuestionFile[] }[];
}

export interface PipelineResult {
  report: VerificationReport;
  /** Present only when every check passed. */
  question: VerifiedQuestion | null;
  promptVersion: string;
}

export async function generateQuestion(options: PipelineOptions, input: { request: GenerationRequest; variantOf: { title: string; statement: string; topics: string[] } | null }): Promise<PipelineResult> {
  const maxRepairRounds = options.maxRepairRounds ?? MAX_REPAIR_ROUNDS;
  const rounds: RoundReport[] = [];
  let messages: ConversationMessage[] = [{ role: "user", content: generationPrompt(input.request, input.variantOf) }];
  for (let round = 1; round <= 1 + maxRepairRounds; round++) {
    await options.beforeStage(round === 1 ? "generate" : "repair", round === 1 ? "Claude writes the question" : `Repair round ${round - 1} of ${maxRepairRounds}: Claude fixes what failed`);
    let answer;
    try {
      answer = await callTool(options.model, options.usage, { system: GENERATOR_SYSTEM, tool: QUESTION_TOOL, schema: GeneratedQuestionSchema, messages });
    } catch (error) {
      if (!(error instanceof InvalidAnswerError)) throw error;
      rounds.push({ round, checks: [], passed: false, invalidAnswers: [error.problem] });
      return { report: finish(rounds, maxRepairRounds, `The model's answer did not match the question format: ${error.problem}`), question: null, promptVersion: GENERATION_PROMPT_VERSION };
    }
    const question = definitionOf(answer.value, input.request.language, input.request.difficulty);
    const checks = await verifyQuestion(roundOptions(options, round), asDefinition(question), question.wrongSolutions, () => solveIndependently(options, question));
    const passed = checks.every((c) => c.status === "passed");
    rounds.push({ round, checks, passed, invalidAnswers: answer.invalidAnswers });
    if (passed) return { report: finish(rounds, maxRepairRounds, null), question, promptVersion: GENERATION_PROMPT_VERSION };
    const evidence = checks.flatMap((c) => c.evidence).map((e) => e.slice(0, 3000));
    messages = [...answer.messages, { role: "user", content: [{ type: "tool_result", tool_use_id: answer.toolUseId, is_error: true, content: repairPrompt(evidence) }] }];
  }
  return { report: finish(rounds, maxRepairRounds, failedChecksOf(rounds.at(-1)!)), question: null, promptVersion: GENERATION_PROMPT_VERSION };
}

/** A recruiter's edit of a draft: one round, no repair (the recruiter is the author now). */
export async function reverifyEdit(options: PipelineOptions, draft: { language: QuestionLanguage; difficulty: QuestionDefinition["difficulty"]; topics: string[] }, edit: DraftEdit, wrongSolutions: VerifiedQuestion["wrongSolutions"]): Promise<PipelineResult> {
  const question: VerifiedQuestion = { ...edit, language: draft.language, difficulty: draft.difficulty, topics: draft.topics, wrongSolutions };
  const checks = await verifyQuestion(roundOptions(options, 1), asDefinition(question), wrongSolutions, () => solveIndependently(options, question));
  const passed = checks.every((c) => c.status === "passed");
  const rounds = [{ round: 1, checks, passed, invalidAnswers: [] }];
  return { report: finish(rounds, 0, passed ? null : failedChecksOf(rounds[0]!)), question: passed ? question : null, promptVersion: GENERATION_PROMPT_VERSION };
}

function roundOptions(options: PipelineOptions, round: number): VerifyOptions {
  return { ...options, seed: `${options.seed}:${round}`, afterCheck: (check) => options.afterCheck(round, check) };
}

async function solveIndependently(options: PipelineOptions, question: VerifiedQuestion): Promise<QuestionFile[]> {
  // A fresh conversation: the solver never sees the reference, the hidden tests or the wrong solutions.
  const answer = await callTool(options.model, options.usage, { system: SOLVER_SYSTEM, tool: SOLVE_TOOL, schema: SolveOutputSchema, messages: [{ role: "user", content: solvePrompt(question) }] });
  return answer.value.files;
}

function definitionOf(answer: GeneratedQuestion, language: QuestionLanguage, difficulty: QuestionDefinition["difficulty"]): VerifiedQuestion {
  const { wrongSolutions, ...rest } = answer;
  return { ...rest, language, difficulty, wrongSolutions };
}

export function asDefinition(question: VerifiedQuestion, slug = "generated-question"): QuestionDefinition {
  const { wrongSolutions: _wrong, ...content } = question;
  return { ...content, slug, contentHash: questionContentHash({ ...content, slug }) };
}

function failedChecksOf(round: RoundReport): string {
  return round.checks
    .filter((c) => c.status === "failed")
    .map((c) => `${c.check}: ${c.summary}`)
    .join(" ");
}

function finish(rounds: RoundReport[], maxRepairRounds: number, reason: string | null): VerificationReport {
  return { rounds, verdict: reason === null ? "accepted" : "rejected", reason, maxRepairRounds, killRateFloor: KILL_RATE_FLOOR };
}
