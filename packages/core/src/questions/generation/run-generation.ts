// One attempt at a claimed generation job: read the spec, run the pipeline with its progress
// appended to the row, and store the outcome — the verified draft and SUCCEEDED in one
// transaction, only while this worker still holds the lease (a worker that outlived its lease
// must not save a second draft). Cancellation is checked before every stage. A crash or a
// provider outage retries the whole job later (it is idempotent: nothing is saved before the
// end); a question that fails its checks is REJECTED, which is an answer, not an error.
import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@interviewlm/db";
import { recordAudit } from "../../audit/audit-log.ts";
import { questionsVisibleTo } from "../question-queries.ts";
import { parseQuestionFiles } from "../workspace-files.ts";
import { asDefinition, generateQuestion, KILL_RATE_FLOOR, reverifyEdit, type PipelineOptions, type PipelineResult, type VerifiedQuestion } from "./generate-question.ts";
import { emptyUsage, ProviderCallError, type GenerationUsage, type GeneratorModel } from "./model-call.ts";
import { appendProgress, type ClaimedGeneration } from "./queue.ts";
import { GenerationSpecSchema } from "./spec.ts";
import type { VerificationReport } from "./verification-report.ts";
import type { GenerationSandbox } from "./verify-question.ts";

export const MAX_GENERATION_ATTEMPTS = 3;
export const GENERATION_LEASE_MS = 10 * 60_000;

export interface GenerationJobDeps {
  db: PrismaClient;
  /** Null without ANTHROPIC_API_KEY: jobs fail with that reason. */
  model: GeneratorModel | null;
  /** Null without SANDBOX_SERVICE_SECRET: jobs fail with that reason. */
  sandbox: GenerationSandbox | null;
  runTimeoutMs?: number;
  mutantsPerRound?: number;
  concurrency?: number;
  maxRepairRounds?: number;
  now?: () => Date;
  /** Delay before a retry after an infrastructure failure. */
  retryDelayMs?: (attempts: number) => number;
}

export type GenerationOutcome = "succeeded" | "rejected" | "cancelled" | "retry" | "failed" | "lost_lease";

class Stop extends Error {
  constructor(readonly why: "cancelled" | "lost_lease") {
    super(why);
  }
}

export async function runGeneration(deps: GenerationJobDeps, claimed: ClaimedGeneration): Promise<GenerationOutcome> {
  const now = () => (deps.now ? deps.now() : new Date());
  const lease = () => new Date(now().getTime() + GENERATION_LEASE_MS);
  const { db } = deps;
  const usage = emptyUsage();
  const progress = async (stage: string, status: "started" | "passed" | "failed" | "skipped" | "info", detail: string) => {
    if (!(await appendProgress(db, claimed, { stage, status, detail }, now(), lease()))) throw new Stop("lost_lease");
  };
  try {
    const job = await db.questionGeneration.findUniqueOrThrow({ where: { id: claimed.id }, select: { spec: true, requestedById: true, cancelRequestedAt: true } });
    if (claimed.attempts > 1) await progress("restart", "info", `Attempt ${claimed.attempts}: the previous attempt did not finish, starting over.`);
    if (!deps.model) return await fail(deps, claimed, usage, "Generating questions needs the Anthropic API key (ANTHROPIC_API_KEY is not set on this installation).");
    if (!deps.sandbox) return await fail(deps, claimed, usage, "Verifying questions needs the sandbox service (SANDBOX_SERVICE_SECRET is not set on this installation).");
    const spec = GenerationSpecSchema.parse(job.spec);
    const options: PipelineOptions = {
      model: deps.model,
      usage,
      sandbox: deps.sandbox,
      runTimeoutMs: deps.runTimeoutMs ?? 20_000,
      mutantsPerRound: deps.mutantsPerRound ?? 8,
      killRateFloor: KILL_RATE_FLOOR,
      concurrency: deps.concurrency ?? 2,
      seed: claimed.id,
      ...(deps.maxRepairRounds !== undefined ? { maxRepairRounds: deps.maxRepairRounds } : {}),
      beforeStage: async (stage, detail) => {
        const row = await db.questionGeneration.findUniqueOrThrow({ where: { id: claimed.id }, select: { cancelRequestedAt: true } });
        if (row.cancelRequestedAt) throw new Stop("cancelled");
        await progress(stage, "started", detail);
      },
      afterCheck: async (round, check) => progress(check.check, check.status, `Round ${round}: ${check.summary}`),
    };

    let result: PipelineResult;
    let target: { questionId: string } | null = null;
    if (spec.kind === "edit") {
      const draft = await db.question.findFirst({ where: { id: spec.questionId, organizationId: claimed.organizationId, source: "GENERATED" }, select: { language: true, difficulty: true, topics: true } });
      if (!draft) return await fail(deps, claimed, usage, "The draft to re-verify no longer exists.");
      result = await reverifyEdit(options, draft, spec.edit, await wrongSolutionsOf(db, spec.questionId));
      target = { questionId: spec.questionId };
    } else {
      // Only the statement: a curated question's hidden tests and reference never reach the model (ADR 0040).
      const variantOf =
        spec.kind === "variant"
          ? await db.question.findFirst({ where: { AND: [{ id: spec.variantOf }, questionsVisibleTo(claimed.organizationId)] }, select: { title: true, statement: true, topics: true } })
          : null;
      result = await generateQuestion(options, { request: spec.request, variantOf });
    }

    const finishedAt = now();
    return await db.$transaction(async (tx) => {
      const held = await tx.questionGeneration.findFirst({ where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts }, select: { id: true } });
      if (!held) return "lost_lease" as const;
      let questionId: string | null = null;
      if (result.question) {
        const content = asDefinition(result.question);
        const data = {
          title: content.title,
          language: content.language,
          difficulty: content.difficulty,
          topics: content.topics,
          estimatedMinutes: content.estimatedMinutes,
          statement: content.statement,
          starterFiles: content.starterFiles,
          visibleTests: content.visibleTests,
          hiddenTests: content.hiddenTests,
          referenceSolution: content.referenceSolution,
          contentHash: content.contentHash,
          verifiedAt: finishedAt,
          // An edit is a new draft: it needs approval again.
          approvedAt: null,
          approvedById: null,
        };
        questionId = target
          ? (await tx.question.update({ where: { id: target.questionId }, data, select: { id: true } })).id
          : (await tx.question.create({ data: { ...data, slug: generatedSlug(content.title, claimed.id), source: "GENERATED", organizationId: claimed.organizationId }, select: { id: true } })).id;
      }
      await tx.questionGeneration.update({
        where: { id: claimed.id },
        data: {
          status: result.question ? "SUCCEEDED" : "REJECTED",
          lockedUntil: null,
          lastError: null,
          report: { ...result.report, wrongSolutions: result.question?.wrongSolutions ?? [] } as unknown as Prisma.InputJsonValue,
          questionId,
          completedAt: finishedAt,
          ...usageColumns(deps.model!, result.promptVersion, usage),
        },
      });
      await tx.$executeRaw`UPDATE "QuestionGeneration" SET progress = progress || ${JSON.stringify([{ stage: "done", status: result.question ? "passed" : "failed", detail: result.question ? "Verified: the draft is in your question bank, waiting for approval." : `Rejected: ${result.report.reason ?? ""}`.slice(0, 500), at: finishedAt.toISOString() }])}::jsonb WHERE id = ${claimed.id}`;
      await recordAudit(tx, {
        organizationId: claimed.organizationId,
        actorUserId: job.requestedById,
        action: result.question ? "question.generation_succeeded" : "question.generation_rejected",
        targetType: "question_generation",
        targetId: claimed.id,
        metadata: { questionId, rounds: result.report.rounds.length, reason: result.report.reason },
      });
      return result.question ? ("succeeded" as const) : ("rejected" as const);
    });
  } catch (error) {
    if (error instanceof Stop) {
      if (error.why === "lost_lease") return "lost_lease";
      await appendProgress(db, claimed, { stage: "cancelled", status: "info", detail: "Cancelled at the recruiter's request." }, now(), now());
      const cancelled = await db.questionGeneration.updateMany({
        where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts },
        data: { status: "CANCELLED", lockedUntil: null, completedAt: now(), ...usageColumns(deps.model!, null, usage) },
      });
      return cancelled.count === 1 ? "cancelled" : "lost_lease";
    }
    const message = error instanceof Error ? error.message : String(error);
    const retryable = !(error instanceof ProviderCallError) || error.retryable;
    await progress("error", "info", `Attempt ${claimed.attempts} stopped: ${message}`).catch(() => undefined);
    if (retryable && claimed.attempts < MAX_GENERATION_ATTEMPTS) {
      const moved = await db.questionGeneration.updateMany({
        where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts },
        data: { status: "QUEUED", lockedUntil: null, lastError: message.slice(0, 2000), nextAttemptAt: new Date(now().getTime() + (deps.retryDelayMs ?? defaultRetryDelayMs)(claimed.attempts)) },
      });
      return moved.count === 1 ? "retry" : "lost_lease";
    }
    return fail(deps, claimed, usage, message);
  }
}

const defaultRetryDelayMs = (attempts: number) => 60_000 * 4 ** Math.max(0, attempts - 1);

async function fail(deps: GenerationJobDeps, claimed: ClaimedGeneration, usage: GenerationUsage, message: string): Promise<GenerationOutcome> {
  const failed = await deps.db.questionGeneration.updateMany({
    where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts },
    data: { status: "FAILED", lockedUntil: null, lastError: message.slice(0, 2000), completedAt: deps.now ? deps.now() : new Date(), ...(deps.model ? usageColumns(deps.model, null, usage) : {}) },
  });
  return failed.count === 1 ? "failed" : "lost_lease";
}

function usageColumns(model: GeneratorModel, promptVersion: string | null, usage: GenerationUsage) {
  return { model: model.model, ...(promptVersion ? { promptVersion } : {}), inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, costMicroUsd: usage.costMicroUsd };
}

/** The wrong solutions of the job that produced a draft: an edit is checked against them too. */
async function wrongSolutionsOf(db: PrismaClient, questionId: string): Promise<VerifiedQuestion["wrongSolutions"]> {
  const job = await db.questionGeneration.findFirst({ where: { questionId, status: "SUCCEEDED" }, orderBy: { createdAt: "asc" }, select: { report: true } });
  const stored = (job?.report as { wrongSolutions?: { name: string; kind: string; files: unknown }[] } | null)?.wrongSolutions ?? [];
  return stored.map((w) => ({ name: w.name, kind: w.kind, files: parseQuestionFiles(w.files as Prisma.JsonValue, "wrong solution") }));
}

function generatedSlug(title: string, jobId: string): string {
  const words = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 50).replace(/-$/, "");
  return `gen-${words || "question"}-${createHash("sha256").update(jobId).digest("hex").slice(0, 8)}`;
}

export type { VerificationReport };
