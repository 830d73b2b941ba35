// The room's one validated environment module (docs/conventions.md §3). PartyKit hands rooms their
// variables through `room.env` / `lobby.env` (partykit.json#vars — scripts/partykit-launch.mjs
// writes them into a private config file — or .env);
// `process.env` is empty inside workerd.
import { z } from "zod";

const secret = z.string().min(32, "must be at least 32 characters");
const url = z.url().transform((value) => value.replace(/\/+$/, ""));

const RoomEnvSchema = z.object({
  /** Verifies room tokens and signs the room's requests to the web app (shared with apps/web). */
  ROOM_TOKEN_SECRET: secret,
  /** The secret before a rotation: room tokens it signed still verify until they expire. */
  ROOM_TOKEN_SECRET_PREVIOUS: secret.optional(),
  /** The sandbox service, e.g. http://127.0.0.1:4100. */
  SANDBOX_URL: url,
  /** Shared with the sandbox service; the room signs its own short-lived service tokens. */
  SANDBOX_SERVICE_SECRET: secret,
  /** Base URL of the web app's internal endpoints, e.g. http://127.0.0.1:3000. */
  WEB_INTERNAL_URL: url,
  /** Terminal output recorded per session, in characters (default in limits.ts); past it, a `terminal.truncated` marker. */
  TERMINAL_RECORDING_LIMIT_CHARS: z.coerce.number().int().min(1024).optional(),
});
export type RoomEnv = z.infer<typeof RoomEnvSchema>;

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
    throw new RoomEnvError(`The room's environment is not valid (set them in the environment of \`npm run dev\`, or in the partykit config's vars):\n${lines.join("\n")}`);
  }
  return parsed.data;
}
