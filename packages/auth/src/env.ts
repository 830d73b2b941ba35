// The auth package's configuration: which OAuth providers are on, and where they live.
// A provider is configured when its client id is set; a half-configured one (id without
// secret) is an error at start-up rather than a broken button later.
import { defineEnv, EnvError, readEnv, type EnvSource } from "@interviewlm/infra/env";
import { z } from "zod";
import { AuthConfigError } from "./errors.ts";
import { GITHUB_API_BASE_URL, GITHUB_OAUTH_BASE_URL, GOOGLE_ENDPOINTS, githubEndpoints } from "./oauth/endpoints.ts";
import type { OAuthEndpoints, OAuthProviderId } from "./oauth/types.ts";

const optional = z.string().trim().min(1).optional();
const url = (fallback: string) => z.url().default(fallback);

const oauthVariables = {
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  GITHUB_OAUTH_BASE_URL: url(GITHUB_OAUTH_BASE_URL),
  GITHUB_API_BASE_URL: url(GITHUB_API_BASE_URL),
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  GOOGLE_AUTH_URL: url(GOOGLE_ENDPOINTS.authorizationUrl),
  GOOGLE_TOKEN_URL: url(GOOGLE_ENDPOINTS.tokenUrl),
  GOOGLE_USERINFO_URL: url(GOOGLE_ENDPOINTS.userInfoUrl),
};

/** Everything createOAuthProvider needs except redirectUri, which the web app derives from its own URL. */
export interface OAuthClientEnv {
  clientId: string;
  clientSecret: string;
  endpoints: OAuthEndpoints;
}

export interface OAuthEnv {
  github: OAuthClientEnv | null;
  google: OAuthClientEnv | null;
  /** The providers whose buttons the sign-in page should show. */
  configured: OAuthProviderId[];
}

export const oauthEnv = defineEnv(oauthVariables, {
  check(env, report) {
    for (const [id, secret, name] of [
      [env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET, "GITHUB"],
      [env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET, "GOOGLE"],
    ] as const) {
      if (id && !secret) report(`${name}_CLIENT_SECRET`, `required when ${name}_CLIENT_ID is set`);
      if (secret && !id) report(`${name}_CLIENT_ID`, `required when ${name}_CLIENT_SECRET is set`);
    }
  },
  map(env): OAuthEnv {
    const github =
      env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
        ? {
            clientId: env.GITHUB_CLIENT_ID,
            clientSecret: env.GITHUB_CLIENT_SECRET,
            endpoints: githubEndpoints(env.GITHUB_OAUTH_BASE_URL, env.GITHUB_API_BASE_URL),
          }
        : null;
    const google =
      env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
        ? {
            clientId: env.GOOGLE_CLIENT_ID,
            clientSecret: env.GOOGLE_CLIENT_SECRET,
            endpoints: {
              authorizationUrl: env.GOOGLE_AUTH_URL,
              tokenUrl: env.GOOGLE_TOKEN_URL,
              userInfoUrl: env.GOOGLE_USERINFO_URL,
              emailsUrl: null,
            },
          }
        : null;
    const configured: OAuthProviderId[] = [];
    if (github) configured.push("github");
    if (google) configured.push("google");
    return { github, google, configured };
  },
});

export function readOAuthEnv(source: EnvSource): OAuthEnv {
  try {
    return readEnv(oauthEnv, source, "The OAuth configuration");
  } catch (error) {
    throw error instanceof EnvError ? new AuthConfigError(error.message) : error;
  }
}
