// One attempt at a claimed evaluation: read the recording and the stored hidden results,
// measure, judge (when a key is configured), and store the result with the candidate moved to
// EVALUATED, an audit entry and the "report is ready" email to the assessment's creator (once per
// evaluation, docs/decisions/0141) — in one transaction, and only while this worker still holds
// the lease (a worker that outlived its lease must not overwrite a newer attempt).
import type { Prisma, PrismaClient } from "@interviewlm/db";
import type { RecordingEvent } from "@interviewlm/realtime";
import { recordAudit } from "../../audit/audit-log.ts";
import { advanceCandidateStatus } from "../../candidates/status.ts";
import { readEventsAfter } from "../../replay/event-rows.ts";
import { JudgeError, judgeSession, type JudgeOptions, type JudgeResult } from "../judge/judge-session.ts";
import { measureSession } from "../measure/measure-session.ts";
import { notifyOwnerOnce } from "./notify-owner.ts";
import type { ClaimedEvaluation } from "./queue.ts";
import { MAX_EVALUATION_ATTEMPTS, retryDelayMs } from "./retry-policy.ts";

export const RUBRIC_NEEDS_KEY = "The rubric part needs the Anthropic API key (ANTHROPIC_API_KEY is not set on this installation); only the measured part was computed.";

export interface EvaluationJobDeps {
  db: PrismaClient;
  /** The judge's client and model; null without ANTHROPIC_API_KEY (measured part only). */
  judge: JudgeOptions | null;
  /** Public base URL of the web app (no trailing slash): the report link in the owner's email. */
  appUrl: string;
  /** Sender of that email (EMAIL_FROM); the emails package's default when unset. */
  emailFrom?: string | undefined;
  now?: () => Date;
}

const PAGE = 5000;

async function readAllEvents(db: PrismaClient, sessionId: string): Promise<RecordingEvent[]> {
  const events: RecordingEvent[] = [];
  for (;;) {
    const page = await readEventsAfter(db, sessionId, events.at(-1)?.seq ?? 0, PAGE);
    events.push(...page);
    if (page.length < PAGE) return events;
  }
}

export type EvaluationOutcome = "done" | "retry" | "failed" | "lost_lease";

export async function runEvaluation(deps: EvaluationJobDeps, claimed: ClaimedEvaluation): Promise<EvaluationOutcome> {
  const now = () => (deps.now ? deps.now() : new Date());
  const { db } = deps;
  try {
    const session = await db.interviewSession.findFirstOrThrow({
      where: { id: claimed.sessionId, organizationId: claimed.organizationId },
      select: { id: true, candidateId: true, startedAt: true, completedAt: true, questions: { select: { position: true, questionId: true, hiddenTestResult: true, question: { select: { title: true } } } } },
    });
    const events = await readAllEvents(db, session.id);
    const originAt = Math.min(session.startedAt.getTime(), events[0]?.at ?? Infinity);
    const endAt = Math.max(session.completedAt?.getTime() ?? 0, events.at(-1)?.at ?? originAt);
    const measured = measureSession({
      originAt,
      endAt,
      events,
      questions: session.questions.map((q) => ({ position: q.position, questionId: q.questionId, title: q.question.title, hiddenTestResult: q.hiddenTestResult })),
    });

    let judged: JudgeResult | null = null;
    let rubric: { status: "done" | "needs_key" | "failed"; note?: string; result?: JudgeResult } = { status: "needs_key", note: RUBRIC_NEEDS_KEY };
    if (deps.judge) {
      try {
        judged = await judgeSession(deps.judge, { measured, events, originAt });
        rubric = { status: "done", result: judged };
      } catch (error) {
        if (!(error instanceof JudgeError)) throw error;
        if (error.retryable && claimed.attempts < MAX_EVALUATION_ATTEMPTS) return await scheduleRetry(deps, claimed, error.message, now());
        rubric = { status: "failed", note: error.message };
      }
    }

    const finishedAt = now();
    return await db.$transaction(async (tx) => {
      const stored = await tx.evaluation.updateMany({
        where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts },
        data: {
          status: "DONE",
          lockedUntil: null,
          lastError: rubric.status === "failed" ? (rubric.note ?? null) : null,
          measured: measured as unknown as Prisma.InputJsonValue,
          rubric: (judged ? { dimensions: judged.dimensions, samples: judged.samples } : { note: rubric.note ?? null }) as unknown as Prisma.InputJsonValue,
          rubricStatus: rubric.status,
          model: judged?.model ?? null,
          promptVersion: judged?.promptVersion ?? null,
          inputTokens: judged?.usage.inputTokens ?? 0,
          outputTokens: judged?.usage.outputTokens ?? 0,
          costMicroUsd: judged ? judged.usage.costMicroUsd : null,
          droppedClaims: judged?.droppedClaims ?? 0,
          needsReview: judged?.needsReview ?? false,
          completedAt: finishedAt,
        },
      });
      if (stored.count !== 1) return "lost_lease" as const;
      await advanceCandidateStatus(tx, { candidateId: session.candidateId, to: "EVALUATED", now: finishedAt });
      await notifyOwnerOnce(tx, {
        evaluationId: claimed.id,
        organizationId: claimed.organizationId,
        sessionId: claimed.sessionId,
        evaluation: { measured, rubric: judged ? { status: "done", dimensions: judged.dimensions } : { status: rubric.status, dimensions: [] } },
        appUrl: deps.appUrl,
        emailFrom: deps.emailFrom,
        now: finishedAt,
      });
      await recordAudit(tx, {
        organizationId: claimed.organizationId,
        action: "evaluation.completed",
        targetType: "interview_session",
        targetId: claimed.sessionId,
        metadata: { evaluationId: claimed.id, version: claimed.version, rubric: rubric.status, needsReview: judged?.needsReview ?? false, droppedClaims: judged?.droppedClaims ?? 0 },
      });
      return "done" as const;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (claimed.attempts < MAX_EVALUATION_ATTEMPTS) return scheduleRetry(deps, claimed, message, now());
    const failed = await db.evaluation.updateMany({ where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts }, data: { status: "FAILED", lockedUntil: null, lastError: message.slice(0, 2000) } });
    return failed.count === 1 ? "failed" : "lost_lease";
  }
}

async function scheduleRetry(deps: EvaluationJobDeps, claimed: ClaimedEvaluation, message: string, now: Date): Promise<EvaluationOutcome> {
  const moved = await deps.db.evaluation.updateMany({
    where: { id: claimed.id, status: "RUNNING", attempts: claimed.attempts },
    data: { status: "QUEUED", lockedUntil: null, lastError: message.slice(0, 2000), nextAttemptAt: new Date(now.getTime() + retryDelayMs(claimed.attempts)) },
  });
  return moved.count === 1 ? "retry" : "lost_lease";
}
