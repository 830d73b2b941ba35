// What every model call records: the same shape for the agent, the evaluator and the question
// generator, so AI cost is counted one way everywhere.
import { z } from "zod";
import { costMicroUsd, type TokenCounts } from "./models.ts";

export const ModelCallUsageSchema = z.object({
  model: z.string(),
  promptVersion: z.string(),
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cacheCreationInputTokens: z.number().int().nonnegative(),
  cacheReadInputTokens: z.number().int().nonnegative(),
  /** From sending the request to the first streamed content delta; null when none arrived. */
  timeToFirstTokenMs: z.number().nonnegative().nullable(),
  totalMs: z.number().nonnegative(),
  /** end_turn, tool_use, max_tokens, refusal… or null when the call ended without one (stopped, failed). */
  stopReason: z.string().nullable(),
  /** Micro-dollars; null when the model is not in the price table. */
  costMicroUsd: z.number().int().nonnegative().nullable(),
  /** Attempts refused with 429/529 before this call's stream started. */
  retries: z.number().int().nonnegative(),
});
export type ModelCallUsage = z.infer<typeof ModelCallUsageSchema>;

interface ApiUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
}

export function tokensOf(usage: ApiUsage | null | undefined): TokenCounts {
  return {
    inputTokens: usage?.input_tokens ?? 0,
    outputTokens: usage?.output_tokens ?? 0,
    cacheCreationInputTokens: usage?.cache_creation_input_tokens ?? 0,
    cacheReadInputTokens: usage?.cache_read_input_tokens ?? 0,
  };
}

export function usageRecord(args: {
  model: string;
  promptVersion: string;
  usage: ApiUsage | null | undefined;
  timeToFirstTokenMs: number | null;
  totalMs: number;
  stopReason: string | null;
  retries: number;
}): ModelCallUsage {
  const tokens = tokensOf(args.usage);
  return {
    model: args.model,
    promptVersion: args.promptVersion,
    ...tokens,
    timeToFirstTokenMs: args.timeToFirstTokenMs === null ? null : Math.round(args.timeToFirstTokenMs),
    totalMs: Math.round(args.totalMs),
    stopReason: args.stopReason,
    costMicroUsd: costMicroUsd(args.model, tokens),
    retries: args.retries,
  };
}

/** Every token the call was billed for: what the session token budget counts. */
export function billedTokens(usage: TokenCounts): number {
  return usage.inputTokens + usage.outputTokens + usage.cacheCreationInputTokens + usage.cacheReadInputTokens;
}

export interface UsageTotals {
  calls: number;
  tokens: number;
  costMicroUsd: number;
  /** Calls whose model had no price: their cost is missing from costMicroUsd. */
  unpricedCalls: number;
}

export const EMPTY_TOTALS: UsageTotals = { calls: 0, tokens: 0, costMicroUsd: 0, unpricedCalls: 0 };

export function addUsage(totals: UsageTotals, usage: ModelCallUsage): UsageTotals {
  return {
    calls: totals.calls + 1,
    tokens: totals.tokens + billedTokens(usage),
    costMicroUsd: totals.costMicroUsd + (usage.costMicroUsd ?? 0),
    unpricedCalls: totals.unpricedCalls + (usage.costMicroUsd === null ? 1 : 0),
  };
}
