// Provider failures in words a candidate understands, and which ones are worth retrying.
import { APIConnectionError, APIConnectionTimeoutError, APIError } from "@anthropic-ai/sdk";

export type ProviderFailureKind = "rate_limited" | "overloaded" | "unavailable" | "configuration" | "invalid_request" | "stream_error";

export interface ProviderFailure {
  kind: ProviderFailureKind;
  /** Shown to the candidate and reviewers. */
  message: string;
  /** For logs: what the provider said. */
  detail: string;
  retryable: boolean;
  /** The delay the provider asked for, if any. */
  retryAfterMs: number | null;
}

export function classifyProviderError(error: unknown): ProviderFailure {
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof APIConnectionTimeoutError || error instanceof APIConnectionError) {
    return { kind: "unavailable", message: "The AI provider could not be reached. Try again in a moment.", detail, retryable: true, retryAfterMs: null };
  }
  if (error instanceof APIError) {
    const type = errorTypeOf(error);
    const retryAfterMs = retryAfterOf(error.headers);
    // No status: an `event: error` inside a stream that had started.
    if (error.status === undefined) {
      const overloaded = type === "overloaded_error";
      return {
        kind: "stream_error",
        message: overloaded ? "The AI provider is overloaded and stopped mid-answer. Try again in a moment." : "The AI provider failed mid-answer. Try again.",
        detail,
        retryable: overloaded || type === "api_error" || type === "rate_limit_error",
        retryAfterMs,
      };
    }
    if (error.status === 429) return { kind: "rate_limited", message: "The AI provider is rate-limiting requests. Wait a moment and try again.", detail, retryable: true, retryAfterMs };
    if (error.status === 529 || type === "overloaded_error") return { kind: "overloaded", message: "The AI provider is overloaded. Try again in a moment.", detail, retryable: true, retryAfterMs };
    if (error.status === 401 || error.status === 403) {
      return { kind: "configuration", message: "The AI assistant is misconfigured on this installation (the provider refused its key).", detail, retryable: false, retryAfterMs };
    }
    if (error.status === 408 || error.status >= 500) return { kind: "unavailable", message: "The AI provider is having problems. Try again in a moment.", detail, retryable: true, retryAfterMs };
    return { kind: "invalid_request", message: "The AI provider refused the request. Start a new message; if it keeps happening, tell the interviewer.", detail, retryable: false, retryAfterMs };
  }
  return { kind: "stream_error", message: "The AI assistant failed unexpectedly. Try again.", detail, retryable: false, retryAfterMs: null };
}

function errorTypeOf(error: APIError): string | undefined {
  const body = error.error as { error?: { type?: unknown } } | undefined;
  const type = body?.error?.type;
  return typeof type === "string" ? type : undefined;
}

function retryAfterOf(headers: Headers | undefined): number | null {
  const ms = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get("retry-after");
  if (!raw) return null;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}
