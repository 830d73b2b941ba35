import {
  readCookie,
  serializeSessionCookie,
  SESSION_COOKIE_NAME,
  validateSessionToken,
  type SessionRecord,
  type SessionUser,
} from "@interviewlm/auth";
import type { CoreDeps } from "@interviewlm/core";
import type { WorkspacePort } from "@interviewlm/core/interviews";
import type { OAuthProviderId } from "@interviewlm/auth";

/** Everything the API needs from the deployable that hosts it (the web app). */
export interface ApiDeps extends CoreDeps {
  /** Set the Secure attribute on cookies (true unless serving plain http://localhost). */
  secureCookies: boolean;
  /** Origins allowed to send mutations (CSRF defence), e.g. ["https://app.interviewlm.com"]. */
  allowedOrigins: string[];
  /** OAuth providers with credentials configured, for the login page. */
  oauthProviders: OAuthProviderId[];
  /** The sandbox service; null when it is not configured (interviews cannot start). */
  sandbox: WorkspacePort | null;
  /** Where browsers reach the live rooms (PartyKit), e.g. https://rooms.example.com. */
  roomHost: string;
  /** Signs room tokens; shared with the rooms. */
  roomTokenSecret: string;
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

/**
 * Validates the session cookie (sliding its expiry and re-sending the cookie when it
 * moved), unless the host already did that for this request and passes `auth`.
 */
export async function resolveRequestAuth(
  deps: ApiDeps,
  request: Request,
  resHeaders: Headers,
): Promise<RequestAuth | null> {
  const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE_NAME);
  if (!token) return null;
  const validation = await validateSessionToken(deps.db, token, deps.now?.());
  if (!validation) return null;
  if (validation.fresh) {
    resHeaders.append("Set-Cookie", serializeSessionCookie(token, validation.session.expiresAt, { secure: deps.secureCookies }));
  }
  return { session: validation.session, user: validation.user };
}

export async function createApiContext(opts: {
  deps: ApiDeps;
  request: Request;
  resHeaders: Headers;
  ipAddress?: string | null;
  /** Already resolved by the host for this request (null = signed out); omitted = resolve here. */
  auth?: RequestAuth | null;
}): Promise<ApiContext> {
  const auth = opts.auth !== undefined ? opts.auth : await resolveRequestAuth(opts.deps, opts.request, opts.resHeaders);
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
