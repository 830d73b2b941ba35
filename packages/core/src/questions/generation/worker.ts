// The generation worker in the web process, on the same polling loop as the evaluation worker
// (evaluation/job/worker.ts): passes never overlap within a process, several processes share
// the queue through the claim, and stop() waits for the job in progress.
import { createLogger, type Logger } from "@interviewlm/infra/log";
import { startPollingWorker, type PollingWorker } from "@interviewlm/infra/worker";
import { claimNextGeneration } from "./queue.ts";
import { GENERATION_LEASE_MS, runGeneration, type GenerationJobDeps, type GenerationOutcome } from "./run-generation.ts";

export type GenerationWorker = PollingWorker;

/** Runs due generation jobs one after another until none is due or `max` have run. */
export async function runDueGenerations(deps: GenerationJobDeps, max = 2, shouldStop: () => boolean = () => false): Promise<GenerationOutcome[]> {
  const outcomes: GenerationOutcome[] = [];
  for (let i = 0; i < max && !shouldStop(); i++) {
    const now = deps.now ? deps.now() : new Date();
    const claimed = await claimNextGeneration(deps.db, now, new Date(now.getTime() + GENERATION_LEASE_MS));
    if (!claimed) break;
    outcomes.push(await runGeneration(deps, claimed));
  }
  return outcomes;
}

export function startGenerationWorker(deps: GenerationJobDeps & { intervalMs?: number; logger?: Pick<Logger, "info" | "warn" | "error"> }): GenerationWorker {
  const { intervalMs = 2000, logger = createLogger({ component: "question_generation.worker" }) } = deps;
  return startPollingWorker({
    intervalMs,
    pass: async (isStopping) => {
      for (const outcome of await runDueGenerations(deps, 2, isStopping)) {
        if (outcome === "retry" || outcome === "failed") logger.warn(`question_generation.${outcome}`, { see: "lastError on the QuestionGeneration row" });
        else logger.info(`question_generation.${outcome}`, {});
      }
    },
    onError: (error) => logger.error("question_generation.pass_failed", { error, next: "will try again" }),
  });
}
