import type { AppLoadContext } from "@remix-run/node";

/** Why the candidate's AI agent cannot run on this installation (no ANTHROPIC_API_KEY), or null. */
export function aiUnavailableReason(context: AppLoadContext): string | null {
  const { ai } = context.services.env;
  return ai.enabled ? null : ai.reason;
}
