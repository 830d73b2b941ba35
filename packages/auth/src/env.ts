// The auth package's configuration: which OAuth providers are on, and where they live.
// A provider is configured when its client id is set; a half-configured one (id without
// secret) is an error at start-up rather than a broken button later.
import { z } from "zod";
import { AuthConfigError } from "./errors.ts";
import { GITHUB_API_BASE_URL, GITHUB_OAUTH_BASE_URL, GOOGLE_ENDPOINTS, githubEndpoints } from "./oauth/endpoints.ts";
import type { OAuthEndpoints, OAuthProviderId } from "./oauth/types.ts";

const optional = z.string().trim().min(1).optional();
const url = (fallback: string) => z.url().default(fallback);

const EnvSchema = z.object({
  GITHUB_CLIENT_ID: optional,
  GITHUB_CLIENT_SECRET: optional,
  GITHUB_OAUTH_BASE_URL: url(GITHUB_OAUTH_BASE_URL),
  GITHUB_API_BASE_URL: url(GITHUB_API_BASE_URL),
  GOOGLE_CLIENT_ID: optional,
  GOOGLE_CLIENT_SECRET: optional,
  GOOGLE_AUTH_URL: url(GOOGLE_ENDPOINTS.authorizationUrl),
  GOOGLE_TOKEN_URL: url(GOOGLE_ENDPOINTS.tokenUrl),
  GOOGLE_USERINFO_URL: url(GOOGLE_ENDPOINTS.userInfoUrl),
});

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

export function readOAuthEnv(source: Record<string, string | undefined> = process.env): OAuthEnv {
  // Empty strings (common in .env files) mean "unset".
  const cleaned = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, source[k] || undefined]));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  const env = parsed.data;
  if (env) {
    for (const [id, secret, name] of [
      [env.GITHUB_CLIENT_ID, env.GITHUB_CLIENT_SECRET, "GITHUB"],
      [env.GOOGLE_CLIENT_ID, env.GOOGLE_CLIENT_SECRET, "GOOGLE"],
    ] as const) {
      if (id && !secret) problems.push(`  ${name}_CLIENT_SECRET: required when ${name}_CLIENT_ID is set`);
      if (secret && !id) problems.push(`  ${name}_CLIENT_ID: required when ${name}_CLIENT_SECRET is set`);
    }
  }
  if (!env || problems.length > 0) throw new AuthConfigError(`Invalid OAuth configuration:\n${problems.join("\n")}`);

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
}
