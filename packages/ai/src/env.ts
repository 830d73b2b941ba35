// The variables packages/ai owns. Deployables (web, rooms) compose them into their own env
// module and pass the parsed values in; nothing here reads process.env.
import { defineEnv, readEnv, type EnvSource } from "@interviewlm/infra/env";
import { z } from "zod";
import { DEFAULT_MODEL } from "./models.ts";

const aiVariables = {
  /** Switches the AI features on. Without it they say plainly that AI is unavailable. */
  ANTHROPIC_API_KEY: z.string().trim().min(1).optional(),
  /** Any model id the API accepts; cost is only known for ids in the price table. */
  ANTHROPIC_MODEL: z.string().trim().min(1).default(DEFAULT_MODEL),
  /** Another Anthropic-compatible endpoint (or a local test server). */
  ANTHROPIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
};
export const AiEnvSchema = z.object(aiVariables);
export type AiEnv = z.infer<typeof AiEnvSchema>;

export type AiConfig =
  | { enabled: true; apiKey: string; model: string; baseURL: string }
  | { enabled: false; model: string; reason: string };

export const ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";

export const AI_UNAVAILABLE_REASON = "AI is not configured on this installation (ANTHROPIC_API_KEY is not set).";

function toAiConfig(env: AiEnv): AiConfig {
  if (!env.ANTHROPIC_API_KEY) return { enabled: false, model: env.ANTHROPIC_MODEL, reason: AI_UNAVAILABLE_REASON };
  return { enabled: true, apiKey: env.ANTHROPIC_API_KEY, model: env.ANTHROPIC_MODEL, baseURL: env.ANTHROPIC_BASE_URL ?? ANTHROPIC_DEFAULT_BASE_URL };
}

/** The AI variables as an env part: web and rooms compose it (empty strings count as unset). */
export const aiEnv = defineEnv(aiVariables, { map: toAiConfig });

/** The AI configuration alone (scripts such as the smoke test); throws listing every problem. */
export function aiConfigFromEnv(source: EnvSource): AiConfig {
  const trimmed = Object.fromEntries(Object.entries(source).map(([key, value]) => [key, typeof value === "string" ? value.trim() : value]));
  return readEnv(aiEnv, trimmed, "Invalid AI configuration");
}
