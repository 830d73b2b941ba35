// One streamed model call. Retries with backoff while nothing has arrived (429, 529, overloaded,
// connection failures), honouring the provider's retry-after; once an event has arrived it never
// retries — the candidate has already seen text — and a failure ends the call with a message.
import type Anthropic from "@anthropic-ai/sdk";
import { now as clockNow } from "../clock.ts";
import type { Message, MessageCreateParamsBase } from "@anthropic-ai/sdk/resources/messages";
import { usageRecord, type ModelCallUsage } from "../usage.ts";
import { classifyProviderError, type ProviderFailure } from "./provider-errors.ts";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  /** Also caps a provider's retry-after: a candidate is waiting. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 20_000 };

export interface RetryNotice {
  attempt: number;
  delayMs: number;
  reason: string;
}

export type ModelCallResult =
  | { status: "done"; message: Message; usage: ModelCallUsage }
  | { status: "stopped"; usage: ModelCallUsage }
  | { status: "failed"; failure: ProviderFailure; usage: ModelCallUsage };

export interface ModelCallOptions {
  client: Anthropic;
  params: MessageCreateParamsBase;
  promptVersion: string;
  signal: AbortSignal;
  retry: RetryPolicy;
  onText: (delta: string) => void;
  onRetry: (notice: RetryNotice) => void;
  now?: () => number;
}

export async function streamModelCall(options: ModelCallOptions): Promise<ModelCallResult> {
  const { client, params, signal, retry, promptVersion } = options;
  const now = options.now ?? clockNow;
  for (let attempt = 0; ; attempt++) {
    const startedAt = now();
    let firstDeltaAt: number | null = null;
    let received = false;
    const stream = client.messages.stream(params, { signal });
    const usage = (stopReason: string | null) =>
      usageRecord({
        model: params.model,
        promptVersion,
        usage: stream.currentMessage?.usage ?? stream.receivedMessages.at(-1)?.usage,
        timeToFirstTokenMs: firstDeltaAt === null ? null : firstDeltaAt - startedAt,
        totalMs: now() - startedAt,
        stopReason,
        retries: attempt,
      });
    try {
      for await (const event of stream) {
        received = true;
        if (event.type !== "content_block_delta") continue;
        firstDeltaAt ??= now();
        if (event.delta.type === "text_delta") options.onText(event.delta.text);
      }
      if (signal.aborted) return { status: "stopped", usage: usage(null) };
      const message = await stream.finalMessage();
      return { status: "done", message, usage: usage(message.stop_reason) };
    } catch (error) {
      if (signal.aborted) return { status: "stopped", usage: usage(null) };
      const failure = classifyProviderError(error);
      if (received || !failure.retryable || attempt >= retry.maxRetries) return { status: "failed", failure, usage: usage(null) };
      const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt * (0.75 + Math.random() * 0.25));
      const delayMs = Math.round(failure.retryAfterMs === null ? backoff : Math.min(retry.maxDelayMs, failure.retryAfterMs));
      options.onRetry({ attempt: attempt + 1, delayMs, reason: failure.message });
      if (!(await sleep(delayMs, signal))) return { status: "stopped", usage: usage(null) };
    }
  }
}

/** false when aborted while waiting. */
function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const done = (value: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
      resolve(value);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
