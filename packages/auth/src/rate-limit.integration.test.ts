import type { PrismaClient } from "@interviewlm/db";
import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RateLimitedError } from "./errors.ts";
import {
  RATE_LIMITS,
  consumeRateLimit,
  consumeRateLimits,
  pruneRateLimitCounters,
  rateLimitRule,
  requireRateLimit,
  resetRateLimit,
} from "./rate-limit.ts";

// 10 s into a minute-aligned window.
const t0 = new Date("2030-01-01T09:00:10.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe(`rate limiting (${testDatabaseFlavour()})`, () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    prisma = db.prisma;
  });
  afterAll(() => db?.close());

  it("allows `limit` attempts, then refuses with the seconds left in the window", async () => {
    const rule = { key: "test:allow-then-refuse", limit: 5, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimit(prisma, rule, at(i)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, true, true]);
    expect(results.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(results.every((r) => r.retryAfterSeconds === 0)).toBe(true);

    // 6th attempt at 09:00:15 → the window ends at 09:01:00.
    expect(await consumeRateLimit(prisma, rule, at(5))).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 45 });
    expect((await consumeRateLimit(prisma, rule, at(49.5))).retryAfterSeconds).toBe(1);
  });

  it("keeps separate keys independent", async () => {
    const a = { key: "test:a", limit: 1, windowSeconds: 60 };
    const b = { key: "test:b", limit: 1, windowSeconds: 60 };
    expect((await consumeRateLimit(prisma, a, t0)).allowed).toBe(true);
    expect((await consumeRateLimit(prisma, a, t0)).allowed).toBe(false);
    expect((await consumeRateLimit(prisma, b, t0)).allowed).toBe(true);
  });

  it("starts afresh when the window rolls over", async () => {
    const rule = { key: "test:rollover", limit: 2, windowSeconds: 60 };
    await consumeRateLimit(prisma, rule, t0);
    await consumeRateLimit(prisma, rule, t0);
    expect((await consumeRateLimit(prisma, rule, at(49))).allowed).toBe(false);
    expect(await consumeRateLimit(prisma, rule, at(50))).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
  });

  it("counts every concurrent attempt exactly once (atomic upsert)", async () => {
    const rule = { key: "test:concurrent", limit: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(prisma, rule, t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const row = await prisma.rateLimitCounter.findFirstOrThrow({ where: { key: rule.key } });
    expect(row.count).toBe(25);
    // The window is stored as the UTC instant it starts at.
    expect(row.windowStart).toEqual(new Date("2030-01-01T09:00:00.000Z"));
  });

  it("login: 5 attempts per email per minute, then a clear 'try again in N s' error", async () => {
    const rules = [rateLimitRule(RATE_LIMITS.login.perEmail, " Ada@Example.com "), rateLimitRule(RATE_LIMITS.login.perIp, "198.51.100.7")];
    expect(rules[0]?.key).toBe("login:email:ada@example.com");
    for (let i = 0; i < 5; i++) await requireRateLimit(prisma, rules, at(i));
    const error = await requireRateLimit(prisma, rules, at(20)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 30, message: "Too many attempts. Try again in 30 s." });
  });

  it("combines rules: refused if any is exhausted, with the longest wait", async () => {
    const short = { key: "test:combo:short", limit: 1, windowSeconds: 60 };
    const long = { key: "test:combo:long", limit: 1, windowSeconds: 3600 };
    expect((await consumeRateLimits(prisma, [short, long], t0)).allowed).toBe(true);
    const refused = await consumeRateLimits(prisma, [short, long], t0);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(3600 - 10);
  });

  it("reset forgets a key (e.g. after a successful login)", async () => {
    const rule = { key: "test:reset", limit: 1, windowSeconds: 60 };
    await consumeRateLimit(prisma, rule, t0);
    expect((await consumeRateLimit(prisma, rule, t0)).allowed).toBe(false);
    await resetRateLimit(prisma, rule.key);
    expect((await consumeRateLimit(prisma, rule, t0)).allowed).toBe(true);
  });

  it("prunes windows that started before a cut-off", async () => {
    const rule = { key: "test:prune", limit: 5, windowSeconds: 60 };
    await consumeRateLimit(prisma, rule, new Date("2020-01-01T00:00:00.000Z"));
    await consumeRateLimit(prisma, rule, t0);
    expect(await pruneRateLimitCounters(prisma, new Date("2025-01-01T00:00:00.000Z"))).toBe(1);
    expect(await prisma.rateLimitCounter.count({ where: { key: rule.key } })).toBe(1);
  });
});
