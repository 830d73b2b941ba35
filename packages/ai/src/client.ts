// The one place an Anthropic client is made. Retries are the agent loop's (it reports them to
// the candidate and never retries once a stream has started), so the SDK's own are off.
import Anthropic from "@anthropic-ai/sdk";
import type { AiConfig } from "./env.ts";

export type EnabledAiConfig = Extract<AiConfig, { enabled: true }>;

export interface ClientOptions {
  /** Per-request timeout; a streamed agent turn can take minutes. */
  timeoutMs?: number;
  /** The runtime's fetch (workerd, Node); defaults to the global one. */
  fetch?: typeof fetch;
}

export function createAnthropicClient(config: EnabledAiConfig, options: ClientOptions = {}): Anthropic {
  return new Anthropic({
    apiKey: config.apiKey,
    // Always explicit: the SDK would otherwise read ANTHROPIC_BASE_URL from the ambient environment.
    baseURL: config.baseURL,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 10 * 60_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

export type { Anthropic };
