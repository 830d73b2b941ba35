export type OAuthProviderId = "github" | "google";

/** Where a provider lives. Real endpoints by default; tests point them at a local server. */
export interface OAuthEndpoints {
  authorizationUrl: string;
  tokenUrl: string;
  /** GitHub: {api}/user. Google: the OpenID Connect userinfo endpoint. */
  userInfoUrl: string;
  /** GitHub only: {api}/user/emails (null for Google). */
  emailsUrl: string | null;
}

export interface OAuthProviderConfig {
  clientId: string;
  clientSecret: string;
  /** Our callback, e.g. https://app.example.com/auth/github/callback; must match the provider app. */
  redirectUri: string;
  endpoints?: Partial<OAuthEndpoints>;
}

export interface OAuthProfile {
  provider: OAuthProviderId;
  /** Stable account id at the provider (GitHub numeric id, Google `sub`), never the email. */
  providerAccountId: string;
  /** Lower-cased. Verified unless handleCallback was called with allowUnverifiedEmail. */
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

export interface OAuthAuthorization {
  /** Redirect the browser here. */
  url: URL;
  /** Also store in a short-lived HttpOnly cookie (serializeCookie, ~10 min) and pass back to handleCallback. */
  state: string;
  /** PKCE verifier (Google); store beside state. null for GitHub, which does not use PKCE here. */
  codeVerifier: string | null;
}

export interface OAuthCallbackParams {
  /** `code` query parameter of the callback. */
  code: string;
  /** `state` query parameter of the callback. */
  state: string;
  /** state read back from the cookie set at createAuthorization (null if the cookie is gone). */
  storedState: string | null;
  codeVerifier: string | null;
  /**
   * Default false: a provider account without a verified email is refused with
   * no_verified_email, because accounts are keyed and linked by verified email.
   */
  allowUnverifiedEmail?: boolean;
}

export interface OAuthProvider {
  readonly id: OAuthProviderId;
  readonly endpoints: OAuthEndpoints;
  createAuthorization(): OAuthAuthorization;
  handleCallback(params: OAuthCallbackParams): Promise<OAuthProfile>;
}
