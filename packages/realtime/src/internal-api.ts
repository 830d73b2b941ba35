// The web app's internal endpoints for rooms (signed with internal-auth.ts). The web app owns
// the database; rooms ask it for the session, the next question, and to finish.
import { z } from "zod";
import { AiBudgetSchema, AiHelpLevelSchema } from "./agent.ts";
import { QuestionViewSchema } from "./messages.ts";

export const INTERNAL_PATHS = {
  session: (sessionId: string) => `/internal/rooms/${encodeURIComponent(sessionId)}`,
  nextQuestion: (sessionId: string) => `/internal/rooms/${encodeURIComponent(sessionId)}/next-question`,
  finish: (sessionId: string) => `/internal/rooms/${encodeURIComponent(sessionId)}/finish`,
  recordings: "/internal/recordings",
  /** Where the room sets aside events the ingest refused for good. */
  recordingDeadLetters: "/internal/recordings/dead-letters",
} as const;

export const WorkspaceFileSchema = z.object({ path: z.string(), content: z.string() });

export const RoomSessionInfoSchema = z.object({
  sessionId: z.string(),
  organizationId: z.string(),
  status: z.enum(["STARTING", "ACTIVE", "COMPLETED", "FAILED"]),
  workspaceId: z.string().nullable(),
  language: z.enum(["python", "javascript", "typescript", "go", "java", "ruby", "cpp", "rust"]),
  deadlineAt: z.number(),
  aiAssistance: z.enum(["OFF", "CHAT", "AGENT"]),
  /** Recorded with the session; defaults keep a web app that does not send them yet working. */
  aiHelpLevel: AiHelpLevelSchema.default("GUIDE"),
  /** null: the installation's defaults. */
  aiBudget: AiBudgetSchema.nullable().default(null),
  testVisibility: z.enum(["VISIBLE", "RESULTS_ONLY", "HIDDEN"]),
  question: QuestionViewSchema.extend({ questionId: z.string() }).nullable(),
  /**
   * Test files a visible test run injects (RunTestsRequest.hiddenTests) — the visible tests
   * when the candidate may run but not read them. Never the hidden evaluation tests.
   */
  runTestFiles: z.array(WorkspaceFileSchema),
  /** false when the candidate may not run tests during the interview (HIDDEN). */
  canRunTests: z.boolean(),
});
export type RoomSessionInfo = z.infer<typeof RoomSessionInfoSchema>;

export const NextQuestionResponseSchema = z.discriminatedUnion("done", [
  /** The files of the new question, to write into the workspace and the editor. */
  z.object({ done: z.literal(false), session: RoomSessionInfoSchema, files: z.array(WorkspaceFileSchema) }),
  /** That was the last question. */
  z.object({ done: z.literal(true), session: RoomSessionInfoSchema }),
]);
export type NextQuestionResponse = z.infer<typeof NextQuestionResponseSchema>;

export const FinishRequestSchema = z.object({ reason: z.enum(["candidate", "timeout"]) });
export const FinishResponseSchema = z.object({ session: RoomSessionInfoSchema });
