// One forced tool call to Claude, as the judge makes it (evaluation/judge/judge-session.ts):
// provider failures worth retrying are retried with backoff, the answer is validated with zod
// and an invalid one is answered with the validation error as a tool_result and asked again,
// and every call's tokens and cost are added to the job's usage.
import { classifyProviderError, costMicroUsd, tokensOf, type Anthropic } from "@interviewlm/ai";
import type { z } from "zod";

export interface GeneratorModel {
  client: Anthropic;
  model: string;
  retry?: { maxRetries: number; baseDelayMs: number; maxDelayMs: number };
  maxTokens?: number;
}

export interface GenerationUsage {
  inputTokens: number;
  outputTokens: number;
  /** null once a call's model had no price. */
  costMicroUsd: number | null;
  calls: number;
}

export const emptyUsage = (): GenerationUsage => ({ inputTokens: 0, outputTokens: 0, costMicroUsd: 0, calls: 0 });

/** The provider could not be reached (or refused): the job is retried later, or fails. */
export class ProviderCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "ProviderCallError";
  }
}

/** The model kept answering in the wrong shape: evidence for the report, not an outage. */
export class InvalidAnswerError extends Error {
  constructor(readonly problem: string) {
    super(`The model's answer was invalid ${INVALID_ANSWER_ATTEMPTS} times in a row: ${problem}`);
    this.name = "InvalidAnswerError";
  }
}

const INVALID_ANSWER_ATTEMPTS = 2;
const DEFAULT_RETRY = { maxRetries: 3, baseDelayMs: 2000, maxDelayMs: 30_000 };

type Tool = { name: string; description: string; input_schema: { type: "object"; [key: string]: unknown } };
export type ConversationMessage = Anthropic.MessageParam;

export interface ToolAnswer<T> {
  value: T;
  /** The conversation including the accepted answer, for a follow-up turn (a repair round). */
  messages: ConversationMessage[];
  toolUseId: string;
  /** Validation problems of rejected answers before this one. */
  invalidAnswers: string[];
}

export async function callTool<T>(
  model: GeneratorModel,
  usage: GenerationUsage,
  request: { system: string; tool: Tool; schema: z.ZodType<T>; messages: ConversationMessage[] },
): Promise<ToolAnswer<T>> {
  const messages = [...request.messages];
  const invalidAnswers: string[] = [];
  for (let attempt = 1; ; attempt++) {
    const message = await create(model, usage, {
      model: model.model,
      max_tokens: model.maxTokens ?? 16_000,
      system: request.system,
      tools: [request.tool],
      tool_choice: { type: "tool", name: request.tool.name },
      messages,
    });
    const toolUse = message.content.find((block) => block.type === "tool_use" && block.name === request.tool.name);
    if (!toolUse || toolUse.type !== "tool_use") {
      invalidAnswers.push(`no ${request.tool.name} tool call in the answer`);
      if (attempt >= INVALID_ANSWER_ATTEMPTS) throw new InvalidAnswerError(invalidAnswers.at(-1)!);
      messages.push({ role: "assistant", content: message.content }, { role: "user", content: `Answer through the ${request.tool.name} tool.` });
      continue;
    }
    messages.push({ role: "assistant", content: message.content });
    const parsed = request.schema.safeParse(toolUse.input);
    if (parsed.success) return { value: parsed.data, messages, toolUseId: toolUse.id, invalidAnswers };
    const problem = parsed.error.issues.map((issue) => `${issue.path.join(".") || "answer"}: ${issue.message}`).join("; ").slice(0, 1500);
    invalidAnswers.push(problem);
    if (attempt >= INVALID_ANSWER_ATTEMPTS) throw new InvalidAnswerError(problem);
    messages.push({ role: "user", content: [{ type: "tool_result", tool_use_id: toolUse.id, is_error: true, content: `The answer does not match the schema: ${problem}` }] });
  }
}

async function create(model: GeneratorModel, usage: GenerationUsage, params: Anthropic.MessageCreateParamsNonStreaming): Promise<Anthropic.Message> {
  const retry = model.retry ?? DEFAULT_RETRY;
  for (let attempt = 0; ; attempt++) {
    try {
      const message = await model.client.messages.create(params);
      const tokens = tokensOf(message.usage);
      usage.calls++;
      usage.inputTokens += tokens.inputTokens + tokens.cacheCreationInputTokens + tokens.cacheReadInputTokens;
      usage.outputTokens += tokens.outputTokens;
      const cost = costMicroUsd(model.model, tokens);
      usage.costMicroUsd = cost === null || usage.costMicroUsd === null ? null : usage.costMicroUsd + cost;
      return message;
    } catch (error) {
      const failure = classifyProviderError(error);
      if (!failure.retryable || attempt >= retry.maxRetries) throw new ProviderCallError(`The model call failed: ${failure.detail}`, failure.retryable);
      const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(retry.maxDelayMs, failure.retryAfterMs ?? backoff)));
    }
  }
}
