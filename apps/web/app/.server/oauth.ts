import { createOAuthProvider, type OAuthProvider, type OAuthProviderId } from "@interviewlm/auth";
import type { WebEnv } from "../../server/env.ts";

export function isOAuthProviderId(value: string | undefined): value is OAuthProviderId {
  return value === "github" || value === "google";
}

/** The provider as configured by the environment, or null when it has no credentials. */
export function oauthProvider(env: WebEnv, id: OAuthProviderId): OAuthProvider | null {
  const client = env.oauth[id];
  if (!client) return null;
  return createOAuthProvider(id, { ...client, redirectUri: `${env.APP_URL}/auth/${id}/callback` });
}

export const OAUTH_COOKIE = "ilm_oauth";
