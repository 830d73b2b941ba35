// Periodic housekeeping that every web instance may run: each statement is an
// idempotent DELETE of rows already past their end, so concurrent instances are harmless.
import { pruneExpiredSessions, pruneRateLimitCounters, RATE_LIMIT_MAX_WINDOW_SECONDS } from "@interviewlm/auth";
import { expireInvitations } from "@interviewlm/core/candidates";
import type { PrismaClient } from "@interviewlm/db";

// Invitations expire on the minute; pruning is cheap enough to ride along.
const INTERVAL_MS = 60 * 1000;

export function startMaintenance(prisma: PrismaClient, log: Pick<Console, "warn">): { stop(): void } {
  const run = async () => {
    try {
      const now = new Date();
      await pruneExpiredSessions(prisma, now);
      await pruneRateLimitCounters(prisma, new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_SECONDS * 1000));
      await expireInvitations(prisma, now);
    } catch (error) {
      log.warn(`maintenance pass failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
