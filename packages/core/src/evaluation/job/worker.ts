// The evaluation worker in the web process, on the same polling loop as the email outbox worker
// (@interviewlm/infra/worker): passes never overlap within a process, several processes share
// the queue through the claim, and stop() waits for the evaluation in progress.
import { createLogger, type Logger } from "@interviewlm/infra/log";
import { startPollingWorker, type PollingWorker } from "@interviewlm/infra/worker";
import { claimNextEvaluation } from "./queue.ts";
import { EVALUATION_LEASE_MS } from "./retry-policy.ts";
import { runEvaluation, type EvaluationJobDeps } from "./run-evaluation.ts";

export type EvaluationWorker = PollingWorker;

export interface EvaluationPassResult {
  done: number;
  retried: number;
  failed: number;
}

/** Runs due evaluations one after another until none is due or `max` have run. */
export async function runDueEvaluations(deps: EvaluationJobDeps, max = 5, shouldStop: () => boolean = () => false): Promise<EvaluationPassResult> {
  const result: EvaluationPassResult = { done: 0, retried: 0, failed: 0 };
  for (let i = 0; i < max && !shouldStop(); i++) {
    const now = deps.now ? deps.now() : new Date();
    const claimed = await claimNextEvaluation(deps.db, now, new Date(now.getTime() + EVALUATION_LEASE_MS));
    if (!claimed) break;
    const outcome = await runEvaluation(deps, claimed);
    if (outcome === "done") result.done++;
    else if (outcome === "retry") result.retried++;
    else if (outcome === "failed") result.failed++;
  }
  return result;
}

export function startEvaluationWorker(deps: EvaluationJobDeps & { intervalMs?: number; logger?: Pick<Logger, "info" | "warn" | "error"> }): EvaluationWorker {
  const { intervalMs = 3000, logger = createLogger({ component: "evaluation.worker" }) } = deps;
  return startPollingWorker({
    intervalMs,
    pass: async (isStopping) => {
      const { done, retried, failed } = await runDueEvaluations(deps, 5, isStopping);
      if (done > 0) logger.info("evaluation.done", { count: done });
      if (retried > 0) logger.warn("evaluation.will_retry", { count: retried });
      if (failed > 0) logger.warn("evaluation.failed_permanently", { count: failed, see: "lastError on the Evaluation row" });
    },
    onError: (error) => logger.error("evaluation.pass_failed", { error, next: "will try again" }),
  });
}
