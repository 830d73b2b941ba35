// The judged part: N samples (odd) of Claude scoring the rubric through a forced tool call,
// each answer validated with zod (an invalid one is asked again once), each claim's evidence
// checked against the session, then the median per dimension with its spread. Provider
// failures worth retrying are retried here with backoff; if they persist the error says so and
// the evaluation job retries later.
import { classifyProviderError, costMicroUsd, tokensOf, type Anthropic } from "@interviewlm/ai";
import type { RecordingEvent } from "@interviewlm/realtime";
import type { MeasuredEvaluation } from "../measure/types.ts";
import { aggregateSamples, type DimensionResult, type SampleDimension } from "./aggregate.ts";
import { verifyClaims, type EvidenceContext } from "./evidence-check.ts";
import { JUDGE_TOOL, JUDGE_TOOL_NAME, JudgeOutputSchema } from "./judge-output.ts";
import { filesText, JUDGE_SYSTEM, judgeUserPrompt, measuredFacts, timelineText } from "./judge-input.ts";
import { JUDGE_PROMPT_VERSION, type Dimension } from "./rubric.ts";

export interface JudgeOptions {
  client: Anthropic;
  model: string;
  /** Samples per dimension: odd, 1–9 (default 3). */
  samples?: number;
  /** A spread of this many levels or more is flagged for human review (default 2). */
  flagSpread?: number;
  retry?: { maxRetries: number; baseDelayMs: number; maxDelayMs: number };
  maxTokens?: number;
}

export interface JudgeUsage {
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number | null;
}

export interface JudgeResult {
  model: string;
  promptVersion: string;
  samples: number;
  dimensions: DimensionResult[];
  needsReview: boolean;
  droppedClaims: number;
  usage: JudgeUsage;
}

export class JudgeError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly usage: JudgeUsage,
  ) {
    super(message);
    this.name = "JudgeError";
  }
}

export const DEFAULT_JUDGE_SAMPLES = 3;
const INVALID_ANSWER_ATTEMPTS = 2;
const DEFAULT_RETRY = { maxRetries: 3, baseDelayMs: 2000, maxDelayMs: 30_000 };

export function checkSampleCount(samples: number): number {
  if (!Number.isInteger(samples) || samples < 1 || samples > 9 || samples % 2 === 0) throw new Error(`The judge needs an odd number of samples between 1 and 9 (got ${samples}).`);
  return samples;
}

export async function judgeSession(options: JudgeOptions, input: { measured: MeasuredEvaluation; events: readonly RecordingEvent[]; originAt: number }): Promise<JudgeResult> {
  const samples = checkSampleCount(options.samples ?? DEFAULT_JUDGE_SAMPLES);
  const retry = options.retry ?? DEFAULT_RETRY;
  const usage: JudgeUsage = { inputTokens: 0, outputTokens: 0, costMicroUsd: 0 };
  const agentEditSeqs = new Set(input.measured.ai.agentEdits.map((edit) => edit.seq));
  const prompt = judgeUserPrompt({ facts: measuredFacts(input.measured), timeline: timelineText(input.events, input.originAt, agentEditSeqs), files: filesText(input.measured.finalFiles) });
  const context: EvidenceContext = { events: new Map(input.events.map((e) => [e.seq, e.at - input.originAt])), files: input.measured.finalFiles };
  const params = {
    model: options.model,
    max_tokens: options.maxTokens ?? 8000,
    system: JUDGE_SYSTEM,
    tools: [JUDGE_TOOL],
    tool_choice: { type: "tool" as const, name: JUDGE_TOOL_NAME },
    // The same prompt for every sample: cached after the first.
    messages: [{ role: "user" as const, content: [{ type: "text" as const, text: prompt, cache_control: { type: "ephemeral" as const } }] }],
  };

  const call = async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        const message = await options.client.messages.create(params);
        const tokens = tokensOf(message.usage);
        usage.inputTokens += tokens.inputTokens + tokens.cacheCreationInputTokens + tokens.cacheReadInputTokens;
        usage.outputTokens += tokens.outputTokens;
        const cost = costMicroUsd(options.model, tokens);
        usage.costMicroUsd = cost === null || usage.costMicroUsd === null ? null : usage.costMicroUsd + cost;
        return message;
      } catch (error) {
        const failure = classifyProviderError(error);
        if (!failure.retryable || attempt >= retry.maxRetries) throw new JudgeError(`The judge's model call failed: ${failure.detail}`, failure.retryable, usage);
        const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
        await new Promise((resolve) => setTimeout(resolve, Math.min(retry.maxDelayMs, failure.retryAfterMs ?? backoff)));
      }
    }
  };

  const results: Record<Dimension, SampleDimension>[] = [];
  let droppedClaims = 0;
  for (let sample = 0; sample < samples; sample++) {
    let problem = "";
    for (let attempt = 1; ; attempt++) {
      const message = await call();
      const toolUse = message.content.find((block) => block.type === "tool_use" && block.name === JUDGE_TOOL_NAME);
      const parsed = toolUse && toolUse.type === "tool_use" ? JudgeOutputSchema.safeParse(toolUse.input) : null;
      if (parsed?.success) {
        const byDimension = {} as Record<Dimension, SampleDimension>;
        for (const judged of parsed.data.dimensions) {
          const { kept, dropped } = verifyClaims(judged.claims, context);
          droppedClaims += dropped;
          byDimension[judged.dimension] = { level: judged.level, rationale: judged.rationale, claims: kept };
        }
        results.push(byDimension);
        break;
      }
      problem = parsed ? parsed.error.issues.map((issue) => `${issue.path.join(".") || "answer"}: ${issue.message}`).join("; ") : `no ${JUDGE_TOOL_NAME} tool call in the answer`;
      if (attempt >= INVALID_ANSWER_ATTEMPTS) throw new JudgeError(`The judge's answer was invalid ${INVALID_ANSWER_ATTEMPTS} times in a row (sample ${sample + 1}): ${problem.slice(0, 500)}`, false, usage);
    }
  }
  const dimensions = aggregateSamples(results, options.flagSpread ?? 2);
  return { model: options.model, promptVersion: JUDGE_PROMPT_VERSION, samples, dimensions, needsReview: dimensions.some((d) => d.needsReview), droppedClaims, usage };
}
