// The room's one validated environment module (docs/conventions.md §3). PartyKit hands rooms their
// variables through `room.env` / `lobby.env` (`--var K=V`, partykit.json#vars, .env);
// `process.env` is empty inside workerd.
import { aiConfigFromEnv, type AiConfig } from "@interviewlm/ai";
import { z } from "zod";

const secret = z.string().min(32, "must be at least 32 characters");
const url = z.url().transform((value) => value.replace(/\/+$/, ""));

const RoomEnvSchema = z.object({
  /** Verifies room tokens and signs the room's requests to the web app (shared with apps/web). */
  ROOM_TOKEN_SECRET: secret,
  /** The sandbox service, e.g. http://127.0.0.1:4100. */
  SANDBOX_URL: url,
  /** Shared with the sandbox service; the room signs its own short-lived service tokens. */
  SANDBOX_SERVICE_SECRET: secret,
  /** Base URL of the web app's internal endpoints, e.g. http://127.0.0.1:3000. */
  WEB_INTERNAL_URL: url,
  /** The AI agent (packages/ai owns their meaning): without a key the agent says it is unavailable. */
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_MODEL: z.string().optional(),
  ANTHROPIC_BASE_URL: z.string().optional(),
});
export type RoomEnv = z.infer<typeof RoomEnvSchema> & { ai: AiConfig };

export class RoomEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RoomEnvError";
  }
}

/** Parses the room's variables; throws one message that lists everything missing or invalid. */
export function readRoomEnv(source: Record<string, unknown>): RoomEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = RoomEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".") || "(env)"}: ${issue.message}`);
    throw new RoomEnvError(`The room's environment is not valid (pass --var K=V to partykit):\n${lines.join("\n")}`);
  }
  try {
    return { ...parsed.data, ai: aiConfigFromEnv(parsed.data) };
  } catch (error) {
    throw new RoomEnvError(`The room's environment is not valid (pass --var K=V to partykit):\n  - ${error instanceof Error ? error.message : String(error)}`);
  }
}
