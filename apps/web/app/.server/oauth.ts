import { createOAuthProvider, githubEndpoints, type OAuthProvider, type OAuthProviderId } from "@interviewlm/auth";
import type { WebEnv } from "../../server/env.ts";

export function isOAuthProviderId(value: string | undefined): value is OAuthProviderId {
  return value === "github" || value === "google";
}

/** The provider as configured by the environment, or null when it has no credentials. */
export function oauthProvider(env: WebEnv, id: OAuthProviderId): OAuthProvider | null {
  const redirectUri = `${env.APP_URL}/auth/${id}/callback`;
  if (id === "github") {
    if (!env.GITHUB_CLIENT_ID || !env.GITHUB_CLIENT_SECRET) return null;
    return createOAuthProvider("github", {
      clientId: env.GITHUB_CLIENT_ID,
      clientSecret: env.GITHUB_CLIENT_SECRET,
      redirectUri,
      endpoints: githubEndpoints(env.GITHUB_OAUTH_BASE_URL, env.GITHUB_API_BASE_URL),
    });
  }
  if (!env.GOOGLE_CLIENT_ID || !env.GOOGLE_CLIENT_SECRET) return null;
  return createOAuthProvider("google", {
    clientId: env.GOOGLE_CLIENT_ID,
    clientSecret: env.GOOGLE_CLIENT_SECRET,
    redirectUri,
    endpoints: {
      ...(env.GOOGLE_AUTH_URL ? { authorizationUrl: env.GOOGLE_AUTH_URL } : {}),
      ...(env.GOOGLE_TOKEN_URL ? { tokenUrl: env.GOOGLE_TOKEN_URL } : {}),
      ...(env.GOOGLE_USERINFO_URL ? { userInfoUrl: env.GOOGLE_USERINFO_URL } : {}),
    },
  });
}

export const OAUTH_COOKIE = "ilm_oauth";
