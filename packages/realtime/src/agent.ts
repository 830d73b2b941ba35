// The AI agent's part of the room protocol: what the candidate sends, what every connection
// receives while a turn streams, and the history a (re)connecting client is given.
import { z } from "zod";

export const AiHelpLevelSchema = z.enum(["GUIDE", "SOLVE"]);
export type AiHelpLevel = z.infer<typeof AiHelpLevelSchema>;

/** Per assessment; cost in micro-dollars. */
export const AiBudgetSchema = z.object({
  messagesPerQuestion: z.number().int().min(1).max(1000),
  tokensPerSession: z.number().int().min(1000).max(100_000_000),
  costMicroUsdPerSession: z.number().int().min(1000).max(1_000_000_000),
});
export type AiBudget = z.infer<typeof AiBudgetSchema>;

export const AgentTurnOutcomeSchema = z.enum(["completed", "stopped", "budget", "provider_error", "max_steps", "interrupted"]);

export const AgentWireEventSchema = z.discriminatedUnion("kind", [
  /** The candidate's message opens a turn. */
  z.object({ kind: z.literal("turn_started"), turnId: z.string(), at: z.number(), questionPosition: z.number().int(), text: z.string() }),
  /** Streamed answer text (in the history: one event per finished stretch of text). */
  z.object({ kind: z.literal("text"), turnId: z.string(), delta: z.string() }),
  z.object({ kind: z.literal("tool_started"), turnId: z.string(), toolId: z.string(), name: z.string(), input: z.unknown() }),
  z.object({
    kind: z.literal("tool_finished"),
    turnId: z.string(),
    toolId: z.string(),
    name: z.string(),
    output: z.string(),
    isError: z.boolean(),
    durationMs: z.number(),
    /** An edit of the workspace: a unified-style diff the conversation shows. */
    edit: z.object({ path: z.string(), diff: z.string(), created: z.boolean() }).optional(),
  }),
  z.object({ kind: z.literal("retrying"), turnId: z.string(), attempt: z.number().int(), delayMs: z.number(), reason: z.string() }),
  z.object({
    kind: z.literal("turn_finished"),
    turnId: z.string(),
    outcome: AgentTurnOutcomeSchema,
    /** For the candidate when the outcome is not a plain completion. */
    message: z.string().nullable(),
  }),
  /** The candidate undid the agent's edit made by this tool call. */
  z.object({ kind: z.literal("edit_undone"), toolId: z.string(), path: z.string() }),
  /** A new question starts a fresh conversation. */
  z.object({ kind: z.literal("reset"), questionPosition: z.number().int() }),
]);
export type AgentWireEvent = z.infer<typeof AgentWireEventSchema>;

export const AgentBudgetViewSchema = z.object({
  messagesLeftThisQuestion: z.number().int(),
  tokensLeft: z.number().int(),
  costLeftMicroUsd: z.number().int(),
  /** Spent so far this session. */
  costMicroUsd: z.number().int(),
});
export type AgentBudgetView = z.infer<typeof AgentBudgetViewSchema>;

export const AgentViewSchema = z.object({
  /** false: no panel (OFF) or AI not configured; `reason` says which. */
  available: z.boolean(),
  reason: z.string().nullable(),
  mode: z.enum(["OFF", "CHAT", "AGENT"]),
  helpLevel: AiHelpLevelSchema,
  busy: z.boolean(),
  budget: AgentBudgetViewSchema.nullable(),
  /** The current question's conversation so far. */
  history: z.array(AgentWireEventSchema),
});
export type AgentView = z.infer<typeof AgentViewSchema>;
