// The retention job in the web process, on the shared polling loop (@interviewlm/infra/worker) like
// the outbox and evaluation workers: passes never overlap within a process, several processes
// share the work through the row claims, and stop() waits for the erasure in progress.
import { createLogger, type Logger } from "@interviewlm/infra/log";
import { startPollingWorker, type PollingWorker } from "@interviewlm/infra/worker";
import type { ErasureDeps } from "./erase-candidate.ts";
import { runRetention } from "./retention.ts";

export type RetentionWorker = PollingWorker;

/** Expiry is counted in days: a pass a minute keeps erasures prompt and costs one indexed query. */
export const RETENTION_INTERVAL_MS = 60_000;

export function startRetentionWorker(deps: ErasureDeps & { intervalMs?: number; logger?: Pick<Logger, "info" | "warn" | "error"> }): RetentionWorker {
  const { intervalMs = RETENTION_INTERVAL_MS, logger = createLogger({ component: "retention.worker" }) } = deps;
  return startPollingWorker({
    intervalMs,
    pass: async (isStopping) => {
      const result = await runRetention(deps, { shouldStop: isStopping });
      if (result.requested > 0 || result.erased > 0) logger.info("retention.run", { ...result });
      if (result.pending > 0) logger.warn("retention.erasure_pending", { count: result.pending, see: "erasureError on the Candidate row; retried with backoff" });
    },
    onError: (error) => logger.error("retention.pass_failed", { error, next: "will try again" }),
  });
}
