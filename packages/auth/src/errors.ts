// Typed errors for the auth primitives. Callers (tRPC middleware, route actions)
// switch on `code`, never on message text; messages are for logs and developers.

export type AuthErrorCode =
  | "session_not_found"
  | "rate_limited"
  | "invalid_cookie"
  | "invalid_config"
  | OAuthErrorCode;

export class AuthError extends Error {
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

export class SessionNotFoundError extends AuthError {
  readonly sessionId: string;

  constructor(sessionId: string) {
    // The id is not a secret (the secret half of the token is), so it may be logged.
    super("session_not_found", `Session ${sessionId} does not exist (expired or signed out)`);
    this.sessionId = sessionId;
  }
}

export class RateLimitedError extends AuthError {
  readonly retryAfterSeconds: number;

  constructor(retryAfterSeconds: number) {
    // Worded for end users: the acceptance asks for a clear "try again in N s".
    super("rate_limited", `Too many attempts. Try again in ${retryAfterSeconds} s.`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class InvalidCookieError extends AuthError {
  constructor(message: string) {
    super("invalid_cookie", message);
  }
}

export class AuthConfigError extends AuthError {
  constructor(message: string) {
    super("invalid_config", message);
  }
}

export type OAuthErrorCode =
  | "state_mismatch"
  | "missing_code"
  | "token_exchange_failed"
  | "profile_failed"
  | "no_verified_email";

export class OAuthError extends AuthError {
  declare readonly code: OAuthErrorCode;

  constructor(code: OAuthErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
