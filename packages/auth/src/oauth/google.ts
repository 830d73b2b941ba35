// Google: authorization code + PKCE (S256). The profile comes from the OpenID Connect
// userinfo endpoint rather than the id_token: trusting an id_token means fetching Google's
// JWKS and verifying RS256 signatures, audience and expiry ourselves; userinfo is one more
// HTTPS call authenticated by the access token we just received, and its URL is
// configurable, so tests exercise the very same code path against a local server.
import { CodeChallengeMethod, OAuth2Client, generateCodeVerifier, generateState } from "arctic";
import { z } from "zod";
import { OAuthError } from "../errors.ts";
import { GOOGLE_ENDPOINTS } from "./endpoints.ts";
import { checkCallback, exchangeCode, fetchProviderJson } from "./shared.ts";
import type { OAuthEndpoints, OAuthProvider, OAuthProviderConfig } from "./types.ts";

const SCOPES = ["openid", "email", "profile"];

const UserInfoSchema = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  // Google sends a boolean; some OIDC servers send "true"/"false".
  email_verified: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]).optional(),
  name: z.string().optional(),
});

export function createGoogleProvider(config: OAuthProviderConfig): OAuthProvider {
  const endpoints: OAuthEndpoints = { ...GOOGLE_ENDPOINTS, ...config.endpoints, emailsUrl: null };
  const client = new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri);

  return {
    id: "google",
    endpoints,
    createAuthorization() {
      const state = generateState();
      const codeVerifier = generateCodeVerifier();
      const url = client.createAuthorizationURLWithPKCE(
        endpoints.authorizationUrl,
        state,
        CodeChallengeMethod.S256,
        codeVerifier,
        SCOPES,
      );
      return { url, state, codeVerifier };
    },
    async handleCallback(params) {
      checkCallback(params);
      // Without the verifier cookie the flow did not start in this browser: same as a state mismatch.
      if (!params.codeVerifier) throw new OAuthError("state_mismatch", "PKCE code verifier is missing");
      const accessToken = await exchangeCode(client, endpoints.tokenUrl, params.code, params.codeVerifier);
      const info = await fetchProviderJson(endpoints.userInfoUrl, accessToken, UserInfoSchema);
      const verified = Boolean(info.email) && info.email_verified === true;
      if (!verified && !params.allowUnverifiedEmail) {
        throw new OAuthError("no_verified_email", `Google account ${info.sub} has no verified email`);
      }
      return {
        provider: "google",
        providerAccountId: info.sub,
        email: info.email ? info.email.trim().toLowerCase() : null,
        emailVerified: verified,
        name: info.name?.trim() || null,
      };
    },
  };
}
