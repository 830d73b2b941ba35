import type { Db } from "@interviewlm/db";
import { createLogger, type Logger } from "@interviewlm/infra/log";
import { startPollingWorker, type PollingWorker } from "@interviewlm/infra/worker";
import { Resend } from "resend";
import { deliverDueEmails, type DeliveryPassResult } from "./deliver-due-emails.ts";

export interface OutboxWorkerOptions {
  db: Db;
  apiKey: string;
  /** Resend API origin; tests point it at the local Resend server. */
  baseUrl?: string;
  /** Pause between passes (default 2000 ms). */
  intervalMs?: number;
  logger?: Pick<Logger, "info" | "warn" | "error">;
}

export type OutboxWorker = PollingWorker;

/**
 * Delivers the outbox in the background of a long-running process (one pass at a time in a
 * process; several processes side by side, the claim keeps them apart).
 */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, intervalMs = 2000, logger = createLogger({ component: "emails.outbox" }) } = opts;
  const resend = new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined);
  return startPollingWorker({
    intervalMs,
    pass: async () => logPass(logger, await deliverDueEmails({ db, resend })),
    onError: (error) => logger.error("outbox.pass_failed", { error, next: "will try again" }),
  });
}

function logPass(logger: Pick<Logger, "info" | "warn">, { sent, retried, failed }: DeliveryPassResult) {
  if (sent > 0) logger.info("outbox.sent", { count: sent });
  if (retried > 0) logger.warn("outbox.will_retry", { count: retried });
  if (failed > 0) logger.warn("outbox.failed_permanently", { count: failed, see: "lastError in the outbox" });
}
