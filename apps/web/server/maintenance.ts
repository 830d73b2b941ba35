// Periodic housekeeping that every web instance may run: each statement is an
// idempotent DELETE of rows already past their end, so concurrent instances are harmless.
import { pruneExpiredSessions, pruneRateLimitCounters, RATE_LIMIT_MAX_WINDOW_SECONDS } from "@interviewlm/auth";
import type { ApiDeps } from "@interviewlm/api";
import type { Logger } from "@interviewlm/infra/log";
import { releaseUnusedReservations } from "@interviewlm/core/billing";
import { expireInvitations } from "@interviewlm/core/candidates";
import { finishOverdueInterviews } from "@interviewlm/core/interviews";

// Invitations expire on the minute; pruning is cheap enough to ride along.
const INTERVAL_MS = 60 * 1000;

export function startMaintenance(deps: ApiDeps, log: Pick<Logger, "warn">): { stop(): void } {
  const db = deps.db;
  const run = async () => {
    try {
      const now = new Date();
      await pruneExpiredSessions(db, now);
      await pruneRateLimitCounters(db, new Date(now.getTime() - RATE_LIMIT_MAX_WINDOW_SECONDS * 1000));
      await expireInvitations(db, now);
      // Credits held by invitations that expired (or were revoked) go back, each once.
      await releaseUnusedReservations(db);
      // Rooms finish interviews at their deadline; this catches any a room could not.
      await finishOverdueInterviews(deps);
    } catch (error) {
      log.warn("maintenance.failed", { error });
    }
  };
  const timer = setInterval(run, INTERVAL_MS);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
