import type { Db } from "@interviewlm/db";
import { createLogger, type Logger } from "@interviewlm/infra/log";
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

export interface OutboxWorker {
  /** Stops polling and resolves once the pass in progress (if any) has finished. */
  stop(): Promise<void>;
  /**
   * When a pass last started or ended (ms since the epoch): readiness probes tell a live
   * worker from one whose timer died or whose pass hangs.
   */
  lastActivityAt(): number;
}

/**
 * Delivers the outbox in the background of a long-running process. Passes never
 * overlap within one process (the next is scheduled when the previous ends);
 * several processes may run workers side by side, the claim keeps them apart.
 */
export function startOutboxWorker(opts: OutboxWorkerOptions): OutboxWorker {
  const { db, intervalMs = 2000, logger = createLogger({ component: "emails.outbox" }) } = opts;
  const resend = new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let lastActivityAt = Date.now();

  async function runPass() {
    lastActivityAt = Date.now();
    try {
      const result = await deliverDueEmails({ db, resend });
      logPass(logger, result);
    } catch (error) {
      // A database hiccup must not end delivery for the life of the process.
      logger.error("outbox.pass_failed", { error, next: "will try again" });
    } finally {
      lastActivityAt = Date.now();
    }
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runPass().finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
    }, delayMs);
    // The worker alone must not keep a process alive (tests, scripts).
    timer.unref();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    lastActivityAt: () => lastActivityAt,
  };
}

function logPass(logger: Pick<Logger, "info" | "warn">, { sent, retried, failed }: DeliveryPassResult) {
  if (sent > 0) logger.info("outbox.sent", { count: sent });
  if (retried > 0) logger.warn("outbox.will_retry", { count: retried });
  if (failed > 0) logger.warn("outbox.failed_permanently", { count: failed, see: "lastError in the outbox" });
}
