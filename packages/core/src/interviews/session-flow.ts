import type { NextQuestionResponse, RoomSessionInfo } from "@interviewlm/realtime";
import { recordAudit } from "../audit/audit-log.ts";
import { queueEvaluation } from "../evaluation/job/queue.ts";
import { advanceCandidateStatus } from "../candidates/status.ts";
import { questionWorkspaceFiles, selectQuestions } from "../questions/index.ts";
import { nowOf } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { evaluateQuestion, hiddenPassRatio } from "./evaluate-question.ts";
import { runFinished } from "./evaluation-score.ts";
import { currentQuestionOf, loadRoomSession, toRoomSessionInfo, type RoomSessionRow } from "./room-info.ts";
import type { InterviewDeps } from "./start-interview.ts";

type Difficulty = "EASY" | "MEDIUM" | "HARD";
const LADDER: Difficulty[] = ["EASY", "MEDIUM", "HARD"];

/**
 * Adaptive progression: the next question's difficulty follows how the candidate did on
 * the previous one — up a step when at least 80 % of its hidden tests passed in a run that
 * finished, down a step below 50 %, the same otherwise (and the same when the evaluation could
 * not run). A run stopped by a limit never moves a candidate up, whatever it reported first.
 */
export function nextDifficulty(previous: Difficulty, passRatio: number | null, runFinished = true): Difficulty {
  const index = LADDER.indexOf(previous);
  if (passRatio === null) return previous;
  if (passRatio >= 0.8 && runFinished) return LADDER[Math.min(index + 1, LADDER.length - 1)]!;
  if (passRatio < 0.5) return LADDER[Math.max(index - 1, 0)]!;
  return previous;
}

function requireSandbox(deps: InterviewDeps) {
  if (!deps.sandbox) throw new DomainError("UNAVAILABLE", "The sandbox service is not configured.");
  return deps.sandbox;
}

function requireActive(session: RoomSessionRow): void {
  if (session.status !== "ACTIVE") throw new DomainError("PRECONDITION_FAILED", `Session ${session.id} is ${session.status.toLowerCase()}, not active.`);
}

/** Evaluates the current question, then serves the next one (or says there is none). */
export async function advanceToNextQuestion(deps: InterviewDeps, sessionId: string): Promise<NextQuestionResponse> {
  const sandbox = requireSandbox(deps);
  const session = await loadRoomSession(deps.db, sessionId);
  requireActive(session);
  const current = currentQuestionOf(session);
  if (!current) throw new Error(`Session ${sessionId} has no current question`);
  const now = nowOf(deps);
  const evaluation = current.completedAt ? null : await evaluateQuestion(deps.db, sandbox, session, current, now);

  const nextPosition = session.currentQuestionIndex + 1;
  if (nextPosition >= session.assessment.questionCount) return { done: true, session: toRoomSessionInfo(await loadRoomSession(deps.db, sessionId)) };

  const assessment = await deps.db.assessment.findUniqueOrThrow({
    where: { id: session.assessmentId },
    select: { questionSelection: true, adaptiveDifficulty: true, startingDifficulty: true, testVisibility: true, questions: { where: { position: nextPosition }, select: { question: { select: { id: true, difficulty: true } } } } },
  });
  let next: { id: string; difficulty: Difficulty } | null;
  if (assessment.questionSelection === "MANUAL") {
    next = assessment.questions[0]?.question ?? null;
  } else {
    const ratio = evaluation ? hiddenPassRatio(evaluation) : null;
    const finished = evaluation?.ok ? runFinished(evaluation.status) : true;
    const difficulty = assessment.adaptiveDifficulty ? nextDifficulty(current.difficulty, ratio, finished) : assessment.startingDifficulty;
    const [picked] = await selectQuestions(deps.db, {
      organizationId: session.organizationId,
      language: session.language,
      difficulty,
      count: 1,
      excludeIds: session.questions.map((q) => q.question.id),
    });
    next = picked ? { id: picked.id, difficulty } : null;
  }
  if (!next) return { done: true, session: toRoomSessionInfo(await loadRoomSession(deps.db, sessionId)) };

  const question = await deps.db.question.findUniqueOrThrow({ where: { id: next.id }, select: { starterFiles: true, visibleTests: true, title: true } });
  await deps.db.$transaction(async (tx) => {
    // Optimistic: of two concurrent "next" requests only the first moves the index.
    const moved = await tx.interviewSession.updateMany({
      where: { id: sessionId, status: "ACTIVE", currentQuestionIndex: session.currentQuestionIndex },
      data: { currentQuestionIndex: nextPosition },
    });
    if (moved.count !== 1) throw new DomainError("CONFLICT", "The interview already moved to another question.");
    await tx.sessionQuestion.create({ data: { sessionId, questionId: next.id, position: nextPosition, difficulty: next.difficulty, startedAt: now } });
    await recordAudit(tx, { organizationId: session.organizationId, action: "interview.question_changed", targetType: "interview_session", targetId: sessionId, metadata: { position: nextPosition, questionId: next.id } });
  });
  return {
    done: false,
    session: toRoomSessionInfo(await loadRoomSession(deps.db, sessionId)),
    files: questionWorkspaceFiles(question, assessment.testVisibility).map(({ path, content }) => ({ path, content })),
  };
}

/**
 * Ends the interview (the candidate's choice, or the clock): evaluates the current
 * question, marks the session and the candidate completed and queues the session's
 * evaluation (docs/decisions/0140). Idempotent.
 */
export async function finishInterview(deps: InterviewDeps, sessionId: string, reason: "candidate" | "timeout"): Promise<RoomSessionInfo> {
  const session = await loadRoomSession(deps.db, sessionId);
  if (session.status === "COMPLETED") return toRoomSessionInfo(session);
  requireActive(session);
  const now = nowOf(deps);
  const current = currentQuestionOf(session);
  if (current && !current.completedAt) {
    if (deps.sandbox) await evaluateQuestion(deps.db, deps.sandbox, session, current, now);
  }
  await deps.db.$transaction(async (tx) => {
    const finished = await tx.interviewSession.updateMany({ where: { id: sessionId, status: "ACTIVE" }, data: { status: "COMPLETED", completedAt: now } });
    if (finished.count !== 1) return;
    await advanceCandidateStatus(tx, { candidateId: session.candidateId, to: "COMPLETED", now });
    await recordAudit(tx, { organizationId: session.organizationId, action: "interview.finished", targetType: "interview_session", targetId: sessionId, metadata: { reason } });
    // Committed with the finish: a finished session always has its evaluation queued.
    await queueEvaluation(tx, { organizationId: session.organizationId, sessionId, now });
  });
  return toRoomSessionInfo(await loadRoomSession(deps.db, sessionId));
}

/** Safety net for rooms that could not finish on time: sessions past their deadline + grace. */
export async function finishOverdueInterviews(deps: InterviewDeps, graceMs = 2 * 60_000): Promise<string[]> {
  const overdue = await deps.db.interviewSession.findMany({
    where: { status: "ACTIVE", deadlineAt: { lt: new Date(nowOf(deps).getTime() - graceMs) } },
    select: { id: true },
    take: 20,
  });
  const finished: string[] = [];
  for (const { id } of overdue) {
    await finishInterview(deps, id, "timeout");
    finished.push(id);
  }
  return finished;
}
