import type { Prisma, Tx } from "@interviewlm/db";
import { z } from "zod";
import { recordAudit } from "../audit/audit-log.ts";
import { advanceCandidateStatus } from "../candidates/status.ts";
import { verifyInviteToken, type VerifiedInvitation } from "../candidates/portal.ts";
import { questionWorkspaceFiles, selectQuestions } from "../questions/index.ts";
import { QUESTION_LANGUAGES, type QuestionLanguage } from "../questions/schemas.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { badRequest, DomainError } from "../shared/errors.ts";
import { settleReservation } from "../billing/reservations.ts";
import { requireCodeRuns } from "./code-check.ts";
import type { WorkspacePort } from "./workspace-port.ts";

export const StartInterviewInput = z.object({
  token: z.string().trim().min(10, "That link is incomplete.").max(2000),
  language: z.enum(QUESTION_LANGUAGES).optional(),
});

export interface InterviewDeps extends CoreDeps {
  sandbox: WorkspacePort | null;
}

type Language = QuestionLanguage;

/** A session still STARTING after this long is assumed abandoned (crashed process) and retried. */
const STALE_START_MS = 2 * 60 * 1000;

/**
 * Starts (or resumes) the candidate's interview: picks the first question, creates the
 * sandbox workspace from its starter files, starts the clock. Idempotent: a second call
 * returns the same session; a session whose workspace could not be prepared is retried.
 * The sandbox call happens outside any transaction — no lock is held across the network.
 */
export async function startInterview(
  deps: InterviewDeps,
  input: z.infer<typeof StartInterviewInput>,
): Promise<{ sessionId: string; status: "ACTIVE" | "STARTING" }> {
  if (!deps.sandbox) {
    throw new DomainError("UNAVAILABLE", "Interviews cannot start right now: the sandbox service is not configured.");
  }
  // Before anything is written (session, candidate status, clock): can code run at all?
  const preparing = await languageToPrepare(deps, input, nowOf(deps));
  if (preparing) await requireCodeRuns(deps.sandbox, preparing.language, preparing.organizationName);
  const now = nowOf(deps);
  const claim = await deps.db.$transaction((tx) => claimSession(tx, deps, input, now));
  if (claim.kind !== "prepare") return { sessionId: claim.sessionId, status: claim.kind === "ready" ? "ACTIVE" : "STARTING" };

  let workspaceId: string;
  try {
    const workspace = await deps.sandbox.createWorkspace({ language: claim.language, files: claim.files, label: `session:${claim.sessionId}` });
    workspaceId = workspace.id;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    await deps.db.interviewSession.update({ where: { id: claim.sessionId }, data: { status: "FAILED", failureReason: reason.slice(0, 500) } });
    throw new DomainError("UNAVAILABLE", "We could not prepare your workspace. Please try again in a minute.");
  }

  const startedAt = nowOf(deps);
  await deps.db.$transaction(async (tx) => {
    await tx.interviewSession.update({
      where: { id: claim.sessionId },
      data: {
        status: "ACTIVE",
        workspaceId,
        failureReason: null,
        startedAt,
        deadlineAt: new Date(startedAt.getTime() + claim.durationMinutes * 60_000),
      },
    });
    await tx.sessionQuestion.updateMany({ where: { sessionId: claim.sessionId, position: 0 }, data: { startedAt } });
    await recordAudit(tx, {
      organizationId: claim.organizationId,
      action: "interview.started",
      targetType: "interview_session",
      targetId: claim.sessionId,
      metadata: { candidateId: claim.candidateId, workspaceId },
    });
  });
  return { sessionId: claim.sessionId, status: "ACTIVE" };
}

type Claim =
  | { kind: "ready" | "in-progress"; sessionId: string }
  | {
      kind: "prepare";
      sessionId: string;
      organizationId: string;
      candidateId: string;
      language: Language;
      durationMinutes: number;
      files: { path: string; content: string }[];
    };

async function claimSession(tx: Tx, deps: InterviewDeps, input: z.infer<typeof StartInterviewInput>, now: Date): Promise<Claim> {
  const candidate = await verifyInviteToken(deps, input.token, tx);
  // Serialise concurrent starts of one candidate (double click, two tabs).
  await tx.$queryRaw`SELECT id FROM "Candidate" WHERE id = ${candidate.id} FOR UPDATE`;
  const existing = await tx.interviewSession.findUnique({
    where: { candidateId: candidate.id },
    select: { id: true, status: true, language: true, updatedAt: true, questions: { where: { position: 0 }, select: { question: true } } },
  });

  if (existing) {
    if (existing.status === "ACTIVE" || existing.status === "COMPLETED") return { kind: "ready", sessionId: existing.id };
    if (isStartInProgress(existing, now)) return { kind: "in-progress", sessionId: existing.id };
    const question = existing.questions[0]?.question;
    if (!question) throw new Error(`Session ${existing.id} has no first question`);
    await tx.interviewSession.update({ where: { id: existing.id }, data: { status: "STARTING", failureReason: null } });
    return prepare(existing.id, candidate, existing.language, question);
  }

  if (candidate.status !== "INVITED" && candidate.status !== "OPENED") {
    throw new DomainError("PRECONDITION_FAILED", "This interview cannot be started.");
  }
  const { language, question, difficulty } = await firstQuestion(tx, candidate, input.language);
  const session = await tx.interviewSession.create({
    data: {
      organizationId: candidate.organizationId,
      assessmentId: candidate.assessmentId,
      candidateId: candidate.id,
      status: "STARTING",
      language,
      startedAt: now,
      deadlineAt: new Date(now.getTime() + candidate.assessment.durationMinutes * 60_000),
      questions: { create: { questionId: question.id, position: 0, difficulty, startedAt: now } },
    },
    select: { id: true },
  });
  const advanced = await advanceCandidateStatus(tx, { candidateId: candidate.id, to: "STARTED", now });
  if (!advanced) throw new DomainError("PRECONDITION_FAILED", "This interview cannot be started.");
  await settleReservation(tx, candidate.id, { kind: "CONSUME", sessionId: session.id });
  return prepare(session.id, candidate, language, question);

  function prepare(
    sessionId: string,
    c: VerifiedInvitation,
    lang: Language,
    q: { starterFiles: Prisma.JsonValue; visibleTests: Prisma.JsonValue },
  ): Claim {
    return {
      kind: "prepare",
      sessionId,
      organizationId: c.organizationId,
      candidateId: c.id,
      language: lang,
      durationMinutes: c.assessment.durationMinutes,
      files: questionWorkspaceFiles(q, c.assessment.testVisibility).map((f) => ({ path: f.path, content: f.content })),
    };
  }
}

function isStartInProgress(session: { status: string; updatedAt: Date }, now: Date): boolean {
  return session.status === "STARTING" && now.getTime() - session.updatedAt.getTime() < STALE_START_MS;
}

/**
 * The language a start would prepare a workspace for, read without changing anything; null
 * when the start will not prepare one (already running, or refused by the claim with its reason).
 */
async function languageToPrepare(deps: InterviewDeps, input: z.infer<typeof StartInterviewInput>, now: Date): Promise<{ language: Language; organizationName: string } | null> {
  const candidate = await verifyInviteToken(deps, input.token);
  const organizationName = candidate.organization.name;
  const existing = await deps.db.interviewSession.findUnique({ where: { candidateId: candidate.id }, select: { status: true, language: true, updatedAt: true } });
  if (existing) {
    const prepares = existing.status !== "ACTIVE" && existing.status !== "COMPLETED" && !isStartInProgress(existing, now);
    return prepares ? { language: existing.language, organizationName } : null;
  }
  if (candidate.status !== "INVITED" && candidate.status !== "OPENED") return null;
  const assessment = await deps.db.assessment.findUniqueOrThrow({
    where: { id: candidate.assessmentId },
    select: { questionSelection: true, languages: true, questions: { orderBy: { position: "asc" }, take: 1, select: { question: { select: { language: true } } } } },
  });
  if (assessment.questionSelection === "MANUAL") {
    const first = assessment.questions[0]?.question.language;
    return first ? { language: first, organizationName } : null;
  }
  const language = input.language ?? assessment.languages[0];
  return language && assessment.languages.includes(language) ? { language, organizationName } : null;
}

const questionFields = { id: true, language: true, difficulty: true, starterFiles: true, visibleTests: true } as const;

/** The first question: the assessment's first listed one (MANUAL), or one picked from the bank (AUTO). */
async function firstQuestion(tx: Tx, candidate: VerifiedInvitation, requested: Language | undefined) {
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id: candidate.assessmentId },
    select: {
      questionSelection: true,
      startingDifficulty: true,
      languages: true,
      questions: { orderBy: { position: "asc" }, take: 1, select: { question: { select: questionFields } } },
    },
  });
  if (assessment.questionSelection === "MANUAL") {
    const question = assessment.questions[0]?.question;
    if (!question) throw new DomainError("PRECONDITION_FAILED", "This assessment has no questions yet. Please contact the recruiter.");
    return { language: question.language, question, difficulty: question.difficulty };
  }
  const language = requested ?? assessment.languages[0];
  if (!language || !assessment.languages.includes(language)) {
    throw badRequest("Choose one of the assessment's languages.", { language: [`Choose one of: ${assessment.languages.join(", ")}.`] });
  }
  const [picked] = await selectQuestions(tx, {
    organizationId: candidate.organizationId,
    language,
    difficulty: assessment.startingDifficulty,
    count: 1,
    excludeIds: [],
  });
  if (!picked) throw new DomainError("PRECONDITION_FAILED", `No ${language} question is available for this assessment. Please contact the recruiter.`);
  const question = await tx.question.findUniqueOrThrow({ where: { id: picked.id }, select: questionFields });
  return { language, question, difficulty: question.difficulty };
}
