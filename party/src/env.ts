// The room's one validated environment module (docs/conventions.md §3). PartyKit hands rooms their
// variables through `room.env` / `lobby.env` (partykit.json#vars — scripts/partykit-launch.mjs
// writes them into a private config file — or .env);
// `process.env` is empty inside workerd.
import { aiEnv, type AiConfig } from "@interviewlm/ai";
import { z } from "zod";
import { composeEnv, defineEnv, EnvError, envBaseUrl, requireEnv, type EnvSource } from "@interviewlm/infra/env";
import { roomSecretEnv } from "@interviewlm/realtime";
import { sandboxSecretEnv, sandboxUrlEnv } from "@interviewlm/sandbox/env";

const roomOwnEnv = defineEnv({
  /** Base URL of the web app's internal endpoints, e.g. http://127.0.0.1:3000. */
  WEB_INTERNAL_URL: envBaseUrl,
  /** Terminal output recorded per session, in characters (default in limits.ts); past it, a `terminal.truncated` marker. */
  TERMINAL_RECORDING_LIMIT_CHARS: z.coerce.number().int().min(1024).optional(),
});

// A room cannot work without the sandbox service, so it insists on what the web app may leave out.
const roomEnvParts = {
  room: roomOwnEnv,
  roomSecret: roomSecretEnv,
  sandboxUrl: requireEnv(sandboxUrlEnv, ["SANDBOX_URL"], "is required"),
  sandboxSecret: requireEnv(sandboxSecretEnv, ["SANDBOX_SERVICE_SECRET"], "is required"),
  /** The AI agent (packages/ai owns the variables): without a key the agent says it is unavailable. */
  ai: aiEnv,
};

export interface RoomEnv {
  ROOM_TOKEN_SECRET: string;
  SANDBOX_URL: string;
  SANDBOX_SERVICE_SECRET: string;
  WEB_INTERNAL_URL: string;
  ROOM_TOKEN_SECRET_PREVIOUS?: string;
  TERMINAL_RECORDING_LIMIT_CHARS?: number;
  ai: AiConfig;
}

export class RoomEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RoomEnvError";
  }
}

/** Parses the room's variables; throws one message that lists everything missing or invalid. */
export function readRoomEnv(source: EnvSource): RoomEnv {
  try {
    const env = composeEnv(roomEnvParts, source, "The room's environment", "Set them in the environment of `npm run dev`, or in the partykit config's vars.");
    return { ...env.room, ...env.roomSecret, ...env.sandboxUrl, ...env.sandboxSecret, ai: env.ai };
  } catch (error) {
    throw error instanceof EnvError ? new RoomEnvError(error.message) : error;
  }
}
