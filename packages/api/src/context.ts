import { readCookie, SESSION_COOKIE_NAME, validateSessionToken, type SessionRecord, type SessionUser } from "@interviewlm/auth";
import type { CoreDeps } from "@interviewlm/core";
import type { OAuthProviderId } from "@interviewlm/auth";

/** Everything the API needs from the deployable that hosts it (the web app). */
export interface ApiDeps extends CoreDeps {
  /** Set the Secure attribute on cookies (true unless serving plain http://localhost). */
  secureCookies: boolean;
  /** Origins allowed to send mutations (CSRF defence), e.g. ["https://app.interviewlm.com"]. */
  allowedOrigins: string[];
  /** OAuth providers with credentials configured, for the login page. */
  oauthProviders: OAuthProviderId[];
}

export interface RequestAuth {
  session: SessionRecord;
  user: SessionUser;
}

export interface ApiContext {
  deps: ApiDeps;
  request: Request;
  /** Headers added to the HTTP response (Set-Cookie). */
  resHeaders: Headers;
  meta: { userAgent: string | null; ipAddress: string | null };
  auth: RequestAuth | null;
}

export async function createApiContext(opts: {
  deps: ApiDeps;
  request: Request;
  resHeaders: Headers;
  ipAddress?: string | null;
}): Promise<ApiContext> {
  const token = readCookie(opts.request.headers.get("cookie"), SESSION_COOKIE_NAME);
  const auth = token ? await validateSessionToken(opts.deps.prisma, token, opts.deps.now?.()) : null;
  return {
    deps: opts.deps,
    request: opts.request,
    resHeaders: opts.resHeaders,
    meta: {
      userAgent: opts.request.headers.get("user-agent")?.slice(0, 512) ?? null,
      ipAddress: opts.ipAddress ?? null,
    },
    auth,
  };
}
