import { verifyInviteToken } from "../candidates/portal.ts";
import { nowOf, type CoreDeps } from "../shared/deps.ts";

export interface InterviewState {
  candidateName: string;
  organizationName: string;
  assessmentTitle: string;
  status: "NOT_STARTED" | "STARTING" | "ACTIVE" | "COMPLETED" | "FAILED";
  sessionId: string | null;
  workspaceId: string | null;
  language: string | null;
  deadlineAt: Date | null;
  /** Milliseconds left on the clock (0 when over), null before the start. */
  remainingMs: number | null;
  questionCount: number;
  currentQuestion: { position: number; title: string; statement: string; difficulty: string; language: string } | null;
  failureReason: string | null;
}

/**
 * What the candidate's interview page shows, authorised by the invite link alone.
 * Never includes hidden tests, reference solutions or anything about evaluation.
 */
export async function getInterviewState(deps: Pick<CoreDeps, "db" | "appSecret" | "appSecretPrevious" | "now">, token: string): Promise<InterviewState> {
  const candidate = await verifyInviteToken(deps, token);
  const session = await deps.db.interviewSession.findUnique({
    where: { candidateId: candidate.id },
    select: {
      id: true, status: true, workspaceId: true, language: true, deadlineAt: true, currentQuestionIndex: true, failureReason: true,
      questions: {
        orderBy: { position: "asc" },
        select: { position: true, question: { select: { title: true, statement: true, difficulty: true, language: true } } },
      },
    },
  });
  const current = session?.questions.find((q) => q.position === session.currentQuestionIndex) ?? null;
  return {
    candidateName: candidate.name,
    organizationName: candidate.organization.name,
    assessmentTitle: candidate.assessment.title,
    status: session ? session.status : "NOT_STARTED",
    sessionId: session?.id ?? null,
    workspaceId: session?.status === "ACTIVE" ? session.workspaceId : null,
    language: session?.language ?? null,
    deadlineAt: session?.status === "ACTIVE" ? session.deadlineAt : null,
    remainingMs: session?.status === "ACTIVE" ? Math.max(0, session.deadlineAt.getTime() - nowOf(deps).getTime()) : null,
    questionCount: candidate.assessment.questionCount,
    currentQuestion: current
      ? { position: current.position, title: current.question.title, statement: current.question.statement, difficulty: current.question.difficulty, language: current.question.language }
      : null,
    // The candidate sees that something went wrong, not the internals.
    failureReason: session?.status === "FAILED" ? "Your workspace could not be prepared." : null,
  };
}
