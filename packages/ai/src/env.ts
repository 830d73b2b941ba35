// The variables packages/ai owns. Deployables (web, rooms) compose them into their own env
// module and pass the parsed values in; nothing here reads process.env.
import { z } from "zod";
import { DEFAULT_MODEL } from "./models.ts";

export const AiEnvSchema = z.object({
  /** Switches the AI features on. Without it they say plainly that AI is unavailable. */
  ANTHROPIC_API_KEY: z.string().trim().min(1).optional(),
  /** Any model id the API accepts; cost is only known for ids in the price table. */
  ANTHROPIC_MODEL: z.string().trim().min(1).default(DEFAULT_MODEL),
  /** Another Anthropic-compatible endpoint (or a local test server). */
  ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
});
export type AiEnv = z.infer<typeof AiEnvSchema>;

export type AiConfig =
  | { enabled: true; apiKey: string; model: string; baseURL: string }
  | { enabled: false; model: string; reason: string };

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

export const AI_UNAVAILABLE_REASON = "AI is not configured on this installation (ANTHROPIC_API_KEY is not set).";

/** Empty strings count as unset, as they do for every other optional variable. */
export function aiConfigFromEnv(source: Record<string, string | undefined>): AiConfig {
  const clean = Object.fromEntries(
    (["ANTHROPIC_API_KEY", "ANTHROPIC_MODEL", "ANTHROPIC_BASE_URL"] as const)
      .map((key) => [key, source[key]?.trim() || undefined])
      .filter(([, value]) => value !== undefined),
  );
  const parsed = AiEnvSchema.safeParse(clean);
  if (!parsed.success) {
    throw new Error(`Invalid AI configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const env = parsed.data;
  if (!env.ANTHROPIC_API_KEY) return { enabled: false, model: env.ANTHROPIC_MODEL, reason: AI_UNAVAILABLE_REASON };
  return { enabled: true, apiKey: env.ANTHROPIC_API_KEY, model: env.ANTHROPIC_MODEL, baseURL: env.ANTHROPIC_BASE_URL ?? ANTHROPIC_DEFAULT_BASE_URL };
}
