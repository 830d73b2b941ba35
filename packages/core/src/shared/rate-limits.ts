import { consumeRateLimit, rateLimitRule, type RateLimitPolicy } from "@interviewlm/auth";
import type { Db } from "@interviewlm/db";
import { tooManyRequests } from "./errors.ts";

/**
 * Counts one attempt against a policy of the auth package's RATE_LIMITS table and
 * refuses with "Too many <what>. Try again in N s." once it is spent.
 */
export async function enforceRateLimit(
  db: Db,
  policy: RateLimitPolicy,
  subject: string,
  now: Date,
  what: string,
): Promise<void> {
  const verdict = await consumeRateLimit(db, rateLimitRule(policy, subject), now);
  if (!verdict.allowed) throw tooManyRequests(verdict.retryAfterSeconds, what);
}

/** Same count, but answers instead of throwing (for flows that must not reveal the limit). */
export async function withinRateLimit(db: Db, policy: RateLimitPolicy, subject: string, now: Date): Promise<boolean> {
  return (await consumeRateLimit(db, rateLimitRule(policy, subject), now)).allowed;
}
