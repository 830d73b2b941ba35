// Fixed-window counters in PostgreSQL, so every web instance shares them. One atomic
// upsert per attempt: no read-then-write race between concurrent requests.
import type { Db } from "@interviewlm/db";
import { RateLimitedError } from "./errors.ts";

export interface RateLimitRule {
  /** Counter identity, e.g. `login:email:ada@example.com` (see rateLimitRule). */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Attempts left in this window after this one. */
  remaining: number;
  /** 0 when allowed; otherwise seconds until the window rolls over. */
  retryAfterSeconds: number;
}

export interface RateLimitPolicy {
  /** Key prefix; the subject (email, IP, user id…) is appended. */
  prefix: string;
  limit: number;
  windowSeconds: number;
}

/**
 * The rules the account flows apply. Per-subject limits stop guessing against one account
 * (or one mailbox being flooded); per-IP limits stop one client spraying many accounts
 * while staying loose enough for an office behind one NAT. Why each number:
 * docs/decisions/0008-auth-rate-limits.md.
 */
export const RATE_LIMITS = {
  login: {
    perEmail: { prefix: "login:email", limit: 5, windowSeconds: 60 },
    perIp: { prefix: "login:ip", limit: 20, windowSeconds: 60 },
  },
  signup: {
    perIp: { prefix: "signup:ip", limit: 10, windowSeconds: 60 * 60 },
  },
  passwordReset: {
    perEmail: { prefix: "password-reset:email", limit: 3, windowSeconds: 60 * 60 },
    perIp: { prefix: "password-reset:ip", limit: 10, windowSeconds: 60 * 60 },
  },
  verificationResend: {
    perUser: { prefix: "verification-resend:user", limit: 3, windowSeconds: 15 * 60 },
  },
  invitation: {
    perOrganization: { prefix: "invitation:org", limit: 50, windowSeconds: 60 * 60 },
  },
  oauthCallback: {
    perIp: { prefix: "oauth-callback:ip", limit: 30, windowSeconds: 60 },
  },
  // A candidate asking for their own data (docs/decisions/0171): each request mails them, so
  // few per candidate; downloads stream a whole recording, so a handful per hour.
  candidateDataRequest: {
    perCandidate: { prefix: "data-request:candidate", limit: 3, windowSeconds: 60 * 60 },
    perIp: { prefix: "data-request:ip", limit: 10, windowSeconds: 60 * 60 },
  },
  candidateErasureRequest: {
    perCandidate: { prefix: "erasure-request:candidate", limit: 3, windowSeconds: 60 * 60 },
    perIp: { prefix: "erasure-request:ip", limit: 10, windowSeconds: 60 * 60 },
  },
  candidateDataDownload: {
    perCandidate: { prefix: "data-download:candidate", limit: 5, windowSeconds: 60 * 60 },
  },
} as const satisfies Record<string, Record<string, RateLimitPolicy>>;

/** A concrete rule for one subject: `rateLimitRule(RATE_LIMITS.login.perEmail, email)`. */
export function rateLimitRule(policy: RateLimitPolicy, subject: string): RateLimitRule {
  return { key: `${policy.prefix}:${subject.trim().toLowerCase()}`, limit: policy.limit, windowSeconds: policy.windowSeconds };
}

/** Counts one attempt against `rule` and says whether it is within the limit. */
export async function consumeRateLimit(
  db: Db,
  rule: RateLimitRule,
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(now.getTime() / windowMs) * windowMs;
  // The timestamp goes in as ISO text cast to the column's type: `timestamp(3)` without
  // time zone, holding UTC like every Prisma-written DateTime. Both drivers agree on text.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count")
    VALUES (${rule.key}, ${new Date(windowStart).toISOString()}::timestamp(3), 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? Number.POSITIVE_INFINITY);
  const allowed = count <= rule.limit;
  return {
    allowed,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((windowStart + windowMs - now.getTime()) / 1000)),
  };
}

/**
 * Consumes every rule (e.g. per email and per IP) and combines them: allowed only if all
 * are, the smallest remaining, the longest wait.
 */
export async function consumeRateLimits(
  db: Db,
  rules: RateLimitRule[],
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const results = await Promise.all(rules.map((rule) => consumeRateLimit(db, rule, now)));
  return {
    allowed: results.every((r) => r.allowed),
    remaining: Math.min(...results.map((r) => r.remaining)),
    retryAfterSeconds: Math.max(0, ...results.map((r) => r.retryAfterSeconds)),
  };
}

/** Guard form: throws RateLimitedError ("Too many attempts. Try again in N s.") when refused. */
export async function requireRateLimit(
  db: Db,
  rules: RateLimitRule | RateLimitRule[],
  now: Date = new Date(),
): Promise<RateLimitResult> {
  const result = await consumeRateLimits(db, Array.isArray(rules) ? rules : [rules], now);
  if (!result.allowed) throw new RateLimitedError(result.retryAfterSeconds);
  return result;
}

/** Forgets every window of `key`, e.g. the per-email login counter after a successful login. */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.rateLimitCounter.deleteMany({ where: { key } });
}

/**
 * Deletes windows that started before `olderThan`; for a periodic job. Pass at least
 * now − the longest window in use (RATE_LIMIT_MAX_WINDOW_SECONDS) so live windows survive.
 */
export async function pruneRateLimitCounters(db: Db, olderThan: Date): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}

export const RATE_LIMIT_MAX_WINDOW_SECONDS = Math.max(
  ...Object.values(RATE_LIMITS).flatMap((group) => Object.values(group).map((p: RateLimitPolicy) => p.windowSeconds)),
);
