import type { Db, Prisma } from "@interviewlm/db";
import type { RoomSessionInfo } from "@interviewlm/realtime";
import { questionTestFiles } from "../questions/index.ts";
import { notFound } from "../shared/errors.ts";


export const roomSessionSelect = {
  id: true,
  organizationId: true,
  assessmentId: true,
  candidateId: true,
  status: true,
  workspaceId: true,
  language: true,
  deadlineAt: true,
  currentQuestionIndex: true,
  assessment: { select: { aiAssistance: true, aiHelpLevel: true, aiMessagesPerQuestion: true, aiTokensPerSession: true, aiCostUsdPerSession: true, testVisibility: true, questionCount: true } },
  questions: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      completedAt: true,
      difficulty: true,
      question: { select: { id: true, title: true, statement: true, difficulty: true, language: true, visibleTests: true, hiddenTests: true, starterFiles: true } },
    },
  },
} as const satisfies Prisma.InterviewSessionSelect;

export type RoomSessionRow = Prisma.InterviewSessionGetPayload<{ select: typeof roomSessionSelect }>;

export async function loadRoomSession(db: Db, sessionId: string): Promise<RoomSessionRow> {
  const session = await db.interviewSession.findUnique({ where: { id: sessionId }, select: roomSessionSelect });
  if (!session) throw notFound("Interview session", sessionId);
  return session;
}

export function currentQuestionOf(session: RoomSessionRow) {
  return session.questions.find((q) => q.position === session.currentQuestionIndex) ?? null;
}

/**
 * What a room needs to run a session. Carries the visible tests to inject only when the
 * candidate may run but not read them; hidden evaluation tests never leave the web app.
 */
export function toRoomSessionInfo(session: RoomSessionRow): RoomSessionInfo {
  const current = currentQuestionOf(session);
  const testVisibility = session.assessment.testVisibility;
  return {
    sessionId: session.id,
    organizationId: session.organizationId,
    status: session.status,
    workspaceId: session.workspaceId,
    language: session.language,
    deadlineAt: session.deadlineAt.getTime(),
    aiAssistance: session.assessment.aiAssistance,
    aiHelpLevel: session.assessment.aiHelpLevel,
    aiBudget: {
      messagesPerQuestion: session.assessment.aiMessagesPerQuestion,
      tokensPerSession: session.assessment.aiTokensPerSession,
      costMicroUsdPerSession: session.assessment.aiCostUsdPerSession * 1_000_000,
    },
    testVisibility,
    question: current
      ? {
          questionId: current.question.id,
          position: current.position,
          count: session.assessment.questionCount,
          title: current.question.title,
          statement: current.question.statement,
          difficulty: current.question.difficulty,
          language: current.question.language,
        }
      : null,
    runTestFiles: current ? questionTestFiles(current.question, testVisibility, { includeHidden: false }).map(({ path, content }) => ({ path, content })) : [],
    canRunTests: testVisibility !== "HIDDEN",
  };
}

export async function roomSessionInfo(db: Db, sessionId: string): Promise<RoomSessionInfo> {
  return toRoomSessionInfo(await loadRoomSession(db, sessionId));
}
