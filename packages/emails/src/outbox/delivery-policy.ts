// What to do after a send attempt fails, and when to try again.
//
// The resend SDK never throws: it returns `{ data, error }`. `error.statusCode`
// is the HTTP status Resend put in its JSON error body; it is `null` when the
// request never got an answer (DNS, refused connection, timeout — the SDK then
// names it `application_error`). Non-JSON error pages keep the HTTP status.
import type { ErrorResponse } from "resend";

/** After this many attempts a still-transient failure becomes FAILED. */
export const MAX_DELIVERY_ATTEMPTS = 8;

const FIRST_RETRY_DELAY_MS = 30_000;
const BACKOFF_FACTOR = 4;
// Resend keeps an idempotency key for 24 hours. With this cap every attempt
// (30 s, 2 m, 8 m, 32 m, then hourly: about 3.7 h in all) happens while the
// key is still remembered, so a retry can never send the message twice.
const MAX_RETRY_DELAY_MS = 60 * 60_000;
const JITTER = 0.2;

// Resend's codes for requests that will fail the same way every time. Only
// consulted when no HTTP status came back with the error (see above).
const permanentErrorNames = new Set<string>([
  "validation_error",
  "missing_required_field",
  "invalid_parameter",
  "invalid_from_address",
  "invalid_attachment",
  "invalid_access",
  "invalid_region",
  "invalid_api_key",
  "missing_api_key",
  "restricted_api_key",
  "invalid_idempotency_key",
  "invalid_idempotent_request",
  "security_error",
  "not_found",
  "method_not_allowed",
]);

export type FailureKind = "transient" | "permanent";

export interface ClassifiedFailure {
  kind: FailureKind;
  /** Stored in `lastError`: the provider's own words plus its code. */
  reason: string;
  /** Stop the current pass: the provider is refusing or unreachable, other sends would fail too. */
  pauseDelivery: boolean;
  /** Seconds from the `retry-after` header, when the provider sent one. */
  retryAfterSeconds?: number;
}

export function classifySendFailure(error: ErrorResponse, headers: Record<string, string> | null): ClassifiedFailure {
  const status = typeof error.statusCode === "number" ? error.statusCode : null;
  const name = String(error.name ?? "unknown_error");
  const message = String(error.message ?? "").trim() || "no message";
  const reason = status === null ? `${name}: ${message}` : `${status} ${name}: ${message}`;

  // No status: the request got no usable answer, so it may well work next time.
  const noAnswer = status === null;
  const transient = noAnswer
    ? !permanentErrorNames.has(name)
    : status === 429 ||
      status >= 500 ||
      // Another request with the same idempotency key is still running — an
      // earlier attempt of ours; asking again later returns its result.
      name === "concurrent_idempotent_requests";

  const retryAfter = Number(headers?.["retry-after"]);
  return {
    kind: transient ? "transient" : "permanent",
    reason,
    pauseDelivery: transient && (noAnswer || status === 429),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

/**
 * Delay before attempt `attempts + 1`, given that `attempts` have failed:
 * exponential from 30 s by ×4, capped at one hour, ±20 % jitter so rows that
 * failed together (an outage) do not come back together. A longer
 * `retry-after` from the provider wins, within the cap.
 */
export function retryDelayMs(attempts: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const exponential = FIRST_RETRY_DELAY_MS * BACKOFF_FACTOR ** Math.max(0, attempts - 1);
  const jittered = Math.min(exponential, MAX_RETRY_DELAY_MS) * (1 - JITTER + 2 * JITTER * random());
  const requested = (retryAfterSeconds ?? 0) * 1000;
  return Math.round(Math.min(Math.max(jittered, requested), MAX_RETRY_DELAY_MS));
}
