// @interviewlm/auth — authentication primitives. Account flows (sign-up, login, reset,
// invitations) are built on these in packages/core and packages/api.
export {
  SESSION_COOKIE_NAME,
  SESSION_POLICY,
  createSession,
  validateSessionToken,
  invalidateSession,
  invalidateUserSessions,
  listUserSessions,
  setActiveOrganization,
  pruneExpiredSessions,
  type SessionRecord,
  type SessionUser,
  type SessionMeta,
  type SessionValidation,
} from "./sessions.ts";
export { serializeSessionCookie, serializeBlankSessionCookie, readCookie, serializeCookie, type CookieOptions } from "./cookies.ts";
export {
  hashPassword,
  verifyPassword,
  passwordNeedsRehash,
  PASSWORD_HASH_OPTIONS,
  PasswordSchema,
  EmailSchema,
  NameSchema,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from "./passwords.ts";
export { generateOpaqueToken, hashOpaqueToken } from "./tokens.ts";
export {
  consumeRateLimit,
  consumeRateLimits,
  requireRateLimit,
  resetRateLimit,
  pruneRateLimitCounters,
  rateLimitRule,
  RATE_LIMITS,
  RATE_LIMIT_MAX_WINDOW_SECONDS,
  type RateLimitRule,
  type RateLimitResult,
  type RateLimitPolicy,
} from "./rate-limit.ts";
export { PERMISSIONS, ROLES, roleCan, permissionsFor, canAssignRole, canManageMember, type Permission } from "./permissions.ts";
export { checkRequestOrigin, type OriginCheck } from "./origin.ts";
export { safeRedirectPath } from "./redirects.ts";
export {
  createOAuthProvider,
  githubEndpoints,
  GOOGLE_ENDPOINTS,
  OAUTH_PROVIDER_IDS,
  OAUTH_STATE_MAX_AGE_SECONDS,
  type OAuthAuthorization,
  type OAuthCallbackParams,
  type OAuthEndpoints,
  type OAuthProfile,
  type OAuthProvider,
  type OAuthProviderConfig,
  type OAuthProviderId,
} from "./oauth/index.ts";
export { oauthEnv, readOAuthEnv, type OAuthEnv, type OAuthClientEnv } from "./env.ts";
export {
  AuthError,
  AuthConfigError,
  InvalidCookieError,
  OAuthError,
  RateLimitedError,
  SessionNotFoundError,
  isAuthError,
  type AuthErrorCode,
  type OAuthErrorCode,
} from "./errors.ts";
