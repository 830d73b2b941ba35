export { startInterview, StartInterviewInput, type InterviewDeps } from "./start-interview.ts";
export { getInterviewState, type InterviewState } from "./interview-state.ts";
export { roomSessionInfo, toRoomSessionInfo } from "./room-info.ts";
export { advanceToNextQuestion, finishInterview, finishOverdueInterviews, nextDifficulty } from "./session-flow.ts";
export { evaluateQuestion, hiddenPassRatio, type StoredEvaluation } from "./evaluate-question.ts";
export { runFinished, scoreTestRun, type EvaluationScore } from "./evaluation-score.ts";
export { ingestRecording, readRecordingEvents } from "./recording-ingest.ts";
export {
  deadLetterRecording,
  listRecordingDeadLetters,
  recordingDeadLetterBody,
  retryRecordingDeadLetter,
  type RecordingDeadLetterSummary,
  type RetryOutcome,
} from "./recording-dead-letters.ts";
export { roomAccessForCandidate, listLiveSessions, joinLiveSession, type LiveSession, type RoomAccess } from "./room-access.ts";
export type { InterviewLanguage, WorkspacePort, WorkspaceFile, WorkspaceTestRun } from "./workspace-port.ts";
export { CandidateCodeCheckInput, checkCandidateCodeRuns, codeCannotRunMessage, type CandidateCodeCheck } from "./code-check.ts";
