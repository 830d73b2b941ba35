import { createGitHubProvider } from "./github.ts";
import { createGoogleProvider } from "./google.ts";
import type { OAuthProvider, OAuthProviderConfig, OAuthProviderId } from "./types.ts";

export type {
  OAuthAuthorization,
  OAuthCallbackParams,
  OAuthEndpoints,
  OAuthProfile,
  OAuthProvider,
  OAuthProviderConfig,
  OAuthProviderId,
} from "./types.ts";
export { GITHUB_API_BASE_URL, GITHUB_OAUTH_BASE_URL, GOOGLE_ENDPOINTS, githubEndpoints } from "./endpoints.ts";
export { OAuthError, type OAuthErrorCode } from "../errors.ts";

export const OAUTH_PROVIDER_IDS = ["github", "google"] as const satisfies readonly OAuthProviderId[];

/** How long the state / PKCE cookies should live: long enough to log in at the provider. */
export const OAUTH_STATE_MAX_AGE_SECONDS = 10 * 60;

export function createOAuthProvider(id: OAuthProviderId, config: OAuthProviderConfig): OAuthProvider {
  switch (id) {
    case "github":
      return createGitHubProvider(config);
    case "google":
      return createGoogleProvider(config);
  }
}
