import { describe, expect, it } from "vitest";
import { classifySendFailure, retryDelayMs } from "./delivery-policy.ts";

const middle = () => 0.5;

describe("classifySendFailure", () => {
  it("retries rate limits and pauses the pass, honouring retry-after", () => {
    const failure = classifySendFailure(
      { statusCode: 429, name: "rate_limit_exceeded", message: "Too many requests." },
      { "retry-after": "7" },
    );
    expect(failure).toEqual({
      kind: "transient",
      reason: "429 rate_limit_exceeded: Too many requests.",
      pauseDelivery: true,
      retryAfterSeconds: 7,
    });
  });

  it("retries server errors without pausing the pass", () => {
    const failure = classifySendFailure({ statusCode: 503, name: "application_error", message: "Unavailable" }, null);
    expect(failure.kind).toBe("transient");
    expect(failure.pauseDelivery).toBe(false);
  });

  it("retries when Resend could not be reached (no status) and pauses the pass", () => {
    const failure = classifySendFailure(
      { statusCode: null, name: "application_error", message: "Unable to fetch data. The request could not be resolved." },
      null,
    );
    expect(failure).toMatchObject({ kind: "transient", pauseDelivery: true });
    expect(failure.reason).toBe("application_error: Unable to fetch data. The request could not be resolved.");
  });

  it("retries while an earlier attempt with the same idempotency key is still running", () => {
    expect(
      classifySendFailure({ statusCode: 409, name: "concurrent_idempotent_requests", message: "in progress" }, null).kind,
    ).toBe("transient");
  });

  it.each([
    [422, "validation_error"],
    [422, "missing_required_field"],
    [403, "validation_error"],
    [403, "invalid_api_key"],
    [401, "missing_api_key"],
    [409, "invalid_idempotent_request"],
    [400, "invalid_idempotency_key"],
  ] as const)("fails %s %s at once with the provider's message", (statusCode, name) => {
    const failure = classifySendFailure({ statusCode, name, message: "The provider says no." }, null);
    expect(failure).toEqual({ kind: "permanent", reason: `${statusCode} ${name}: The provider says no.`, pauseDelivery: false });
  });
});

describe("retryDelayMs", () => {
  it("grows 30 s, 2 min, 8 min, 32 min and is capped at one hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempts) => retryDelayMs(attempts, undefined, middle))).toEqual([
      30_000, 120_000, 480_000, 1_920_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
  });

  it("spreads retries by ±20 %", () => {
    expect(retryDelayMs(1, undefined, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, undefined, () => 0.999999)).toBeCloseTo(36_000, -1);
  });

  it("waits at least as long as the provider's retry-after, within the cap", () => {
    expect(retryDelayMs(1, 90, middle)).toBe(90_000);
    expect(retryDelayMs(1, 86_400, middle)).toBe(3_600_000);
  });

  it("keeps every attempt inside Resend's 24-hour idempotency window", () => {
    const total = [1, 2, 3, 4, 5, 6, 7].reduce((sum, attempts) => sum + retryDelayMs(attempts, undefined, () => 1), 0);
    expect(total).toBeLessThan(24 * 3_600_000);
  });
});
