// Every message between browsers and an interview room, parsed on both sides with these
// schemas. Client messages carry the role that may send them; the room enforces it.
import { TestRunResultSchema } from "@interviewlm/sandbox/client";
import { z } from "zod";
import { AgentBudgetViewSchema, AgentViewSchema, AgentWireEventSchema } from "./agent.ts";
import { RoomRoleSchema, type RoomPermission } from "./room-token.ts";

/** Largest JSON message a client may send (the platform's own limit is 1 MiB). */
export const MAX_CLIENT_MESSAGE_BYTES = 64 * 1024;

// ───────────────────────── browser → room ─────────────────────────

export const ClientMessageSchema = z.discriminatedUnion("type", [
  /** Keystrokes for the terminal (candidate). */
  z.object({ type: z.literal("terminal.input"), data: z.string().min(1).max(8192) }),
  z.object({ type: z.literal("terminal.resize"), cols: z.number().int().min(10).max(500), rows: z.number().int().min(4).max(200) }),
  /** Run the visible tests (candidate). */
  z.object({ type: z.literal("tests.run") }),
  /** Text pasted into the editor (candidate). */
  z.object({ type: z.literal("signal.paste"), path: z.string().max(1024), length: z.number().int().min(0), lines: z.number().int().min(0) }),
  /** The interview tab lost or regained focus (candidate). */
  z.object({ type: z.literal("signal.focus"), state: z.enum(["lost", "regained"]) }),
  /** Move on to the next question (candidate). */
  z.object({ type: z.literal("question.next") }),
  /** Finish the interview (candidate). */
  z.object({ type: z.literal("session.finish") }),
  /** A private note (reviewer); never sent to the candidate. */
  z.object({ type: z.literal("note.add"), text: z.string().trim().min(1).max(5000) }),
  /** A message to the AI agent (candidate). */
  z.object({ type: z.literal("agent.message"), text: z.string().trim().min(1).max(20_000) }),
  /** Stop the agent's turn in progress (candidate). */
  z.object({ type: z.literal("agent.stop") }),
  /** Undo one of the agent's edits, by the tool call that made it (candidate). */
  z.object({ type: z.literal("agent.undo"), toolId: z.string().min(1).max(200) }),
  z.object({ type: z.literal("ping"), at: z.number() }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];

/** Who may send what: the room refuses (and logs) anything else. */
export const CLIENT_MESSAGE_ROLES: Record<ClientMessageType, readonly z.infer<typeof RoomRoleSchema>[]> = {
  "terminal.input": ["candidate"],
  "terminal.resize": ["candidate"],
  "tests.run": ["candidate"],
  "signal.paste": ["candidate"],
  "signal.focus": ["candidate"],
  "question.next": ["candidate"],
  "session.finish": ["candidate"],
  "note.add": ["reviewer"],
  "agent.message": ["candidate"],
  "agent.stop": ["candidate"],
  "agent.undo": ["candidate"],
  ping: ["candidate", "reviewer"],
};

/** Messages that also need a room permission from the sender's token (beyond the role above). */
export const CLIENT_MESSAGE_PERMISSIONS: Partial<Record<ClientMessageType, RoomPermission>> = {
  "note.add": "notes:write",
};

// ───────────────────────── room → browser ─────────────────────────

export const ParticipantSchema = z.object({
  connectionId: z.string(),
  role: RoomRoleSchema,
  userId: z.string(),
  name: z.string(),
  joinedAt: z.number(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const QuestionViewSchema = z.object({
  position: z.number().int(),
  count: z.number().int(),
  title: z.string(),
  /** Markdown. */
  statement: z.string(),
  difficulty: z.string(),
  language: z.string(),
});
export type QuestionView = z.infer<typeof QuestionViewSchema>;

export const SessionViewSchema = z.object({
  sessionId: z.string(),
  status: z.enum(["ACTIVE", "FINISHING", "COMPLETED"]),
  deadlineAt: z.number(),
  language: z.string(),
  aiAssistance: z.enum(["OFF", "CHAT", "AGENT"]),
  testVisibility: z.enum(["VISIBLE", "RESULTS_ONLY", "HIDDEN"]),
  question: QuestionViewSchema.nullable(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const TestRunViewSchema = z.object({
  runId: z.string(),
  startedAt: z.number(),
  questionPosition: z.number().int(),
  status: z.enum(["running", "done", "error"]),
  result: TestRunResultSchema.nullable(),
  error: z.string().nullable(),
});
export type TestRunView = z.infer<typeof TestRunViewSchema>;

export const NoteSchema = z.object({ id: z.string(), authorId: z.string(), authorName: z.string(), text: z.string(), at: z.number() });
export type Note = z.infer<typeof NoteSchema>;

export const SignalSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paste"), at: z.number(), path: z.string(), length: z.number(), lines: z.number() }),
  z.object({ type: z.literal("focus"), at: z.number(), state: z.enum(["lost", "regained"]) }),
]);
export type Signal = z.infer<typeof SignalSchema>;

export const ServerMessageSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("welcome"),
    role: RoomRoleSchema,
    connectionId: z.string(),
    serverTime: z.number(),
    session: SessionViewSchema,
    participants: z.array(ParticipantSchema),
    /** Recent terminal output, so a (re)connecting client sees what was there. */
    terminalScrollback: z.string(),
    testRuns: z.array(TestRunViewSchema),
    /** Reviewers only. */
    notes: z.array(NoteSchema).optional(),
    signals: z.array(SignalSchema).optional(),
    /** The AI assistant: availability, budget and the conversation so far. */
    agent: AgentViewSchema.optional(),
  }),
  z.object({ type: z.literal("presence"), participants: z.array(ParticipantSchema) }),
  z.object({ type: z.literal("terminal.output"), data: z.string() }),
  z.object({ type: z.literal("terminal.status"), state: z.enum(["connecting", "ready", "exited", "unavailable"]), message: z.string().optional() }),
  z.object({ type: z.literal("tests.update"), run: TestRunViewSchema }),
  z.object({ type: z.literal("session"), session: SessionViewSchema }),
  /** Reviewers only. */
  z.object({ type: z.literal("note"), note: NoteSchema }),
  /** Reviewers only. */
  z.object({ type: z.literal("signal"), signal: SignalSchema }),
  z.object({ type: z.literal("pong"), at: z.number(), serverTime: z.number() }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string() }),
  /** The agent's stream, to every connection. */
  z.object({ type: z.literal("agent.event"), event: AgentWireEventSchema }),
  /** After each model call and at each turn's end. */
  z.object({ type: z.literal("agent.budget"), budget: AgentBudgetViewSchema, busy: z.boolean() }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
