// GitHub OAuth app flow (no PKCE: GitHub OAuth apps authenticate the client with its
// secret). The profile comes from the REST API; the email from /user/emails because the
// `email` on /user is only the *public* one and says nothing about verification.
import { OAuth2Client, generateState } from "arctic";
import { z } from "zod";
import { OAuthError } from "../errors.ts";
import { githubEndpoints } from "./endpoints.ts";
import { checkCallback, exchangeCode, fetchProviderJson } from "./shared.ts";
import type { OAuthEndpoints, OAuthProvider, OAuthProviderConfig } from "./types.ts";

// read:user for the profile, user:email for private addresses and their verified flags.
const SCOPES = ["read:user", "user:email"];
const API_HEADERS = {
  Accept: "application/vnd.github+json",
  "X-GitHub-Api-Version": "2022-11-28",
  // GitHub's API rejects requests without a User-Agent.
  "User-Agent": "InterviewLM",
};

const GitHubUserSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  name: z.string().nullish(),
});

const GitHubEmailsSchema = z.array(
  z.object({ email: z.string(), primary: z.boolean(), verified: z.boolean() }),
);

export function createGitHubProvider(config: OAuthProviderConfig): OAuthProvider {
  const endpoints: OAuthEndpoints = { ...githubEndpoints(), ...config.endpoints };
  const client = new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);
  const emailsUrl = endpoints.emailsUrl ?? `${endpoints.userInfoUrl.replace(/\/+$/, "")}/emails`;

  return {
    id: "github",
    endpoints,
    createAuthorization() {
      const state = generateState();
      return { url: client.createAuthorizationURL(endpoints.authorizationUrl, state, SCOPES), state, codeVerifier: null };
    },
    async handleCallback(params) {
      checkCallback(params);
      const accessToken = await exchangeCode(client, endpoints.tokenUrl, params.code, null);
      const [user, emails] = await Promise.all([
        fetchProviderJson(endpoints.userInfoUrl, accessToken, GitHubUserSchema, API_HEADERS),
        fetchProviderJson(emailsUrl, accessToken, GitHubEmailsSchema, API_HEADERS),
      ]);
      // Only the primary address, and only once GitHub has verified it, identifies the person.
      const primary = emails.find((e) => e.primary) ?? null;
      const verified = primary?.verified === true;
      if (!verified && !params.allowUnverifiedEmail) {
        throw new OAuthError("no_verified_email", `GitHub account ${user.login} has no verified primary email`);
      }
      return {
        provider: "github",
        providerAccountId: String(user.id),
        email: primary ? primary.email.trim().toLowerCase() : null,
        emailVerified: verified,
        name: user.name?.trim() || user.login,
      };
    },
  };
}
