// Model ids and prices. Prices are USD per million tokens (checked against Anthropic's
// pricing page, late 2026); cache writes cost 1.25× input and cache reads 0.1× input.
// Costs are kept in micro-dollars (integers) so sums never drift.

/** A current Sonnet from the SDK's `Model` list: the default for the candidate's agent. */
export const DEFAULT_MODEL = "claude-sonnet-5-5";

export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheWritePerMTok: number;
  cacheReadPerMTok: number;
}

function price(input: number, output: number): ModelPrice {
  return { inputPerMTok: input, outputPerMTok: output, cacheWritePerMTok: input * 1.25, cacheReadPerMTok: input * 0.1 };
}

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  "claude-sonnet-5-5": price(2, 10),
  "claude-sonnet-5": price(2, 10),
  "claude-sonnet-4-6": price(3, 15),
  "claude-sonnet-4-5": price(3, 15),
  "claude-sonnet-4-5-20250929": price(3, 15),
  "claude-opus-5-5": price(4, 20),
  "claude-opus-5": price(4, 20),
  "claude-opus-4-5": price(5, 25),
  "claude-opus-4-5-20251101": price(5, 25),
  "claude-haiku-5-5": price(1, 5),
  "claude-haiku-4-5": price(1, 5),
  "claude-haiku-4-5-20251001": price(1, 5),
};

export function priceOf(model: string): ModelPrice | null {
  return MODEL_PRICES[model] ?? null;
}

export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
}

/** Cost in micro-dollars, or null for a model the table does not price (another endpoint's id). */
export function costMicroUsd(model: string, tokens: TokenCounts): number | null {
  const p = priceOf(model);
  if (!p) return null;
  // Per-million prices × tokens = micro-dollars exactly.
  return Math.round(
    tokens.inputTokens * p.inputPerMTok +
      tokens.outputTokens * p.outputPerMTok +
      tokens.cacheCreationInputTokens * p.cacheWritePerMTok +
      tokens.cacheReadInputTokens * p.cacheReadPerMTok,
  );
}

export function formatUsd(microUsd: number): string {
  return `$${(microUsd / 1_000_000).toFixed(microUsd < 10_000 ? 4 : 2)}`;
}
