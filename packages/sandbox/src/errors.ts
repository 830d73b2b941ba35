// Typed errors shared by providers, the service and the client. Every message carries its code
// as "[sandbox:CODE]" so logs and bug reports say which rule fired; the service maps codes to
// HTTP statuses in one place (apps/sandbox/src/http/error-response.ts).

export const SANDBOX_ERROR_CODES = [
  "INVALID_REQUEST",
  "INVALID_PATH",
  "FILE_NOT_FOUND",
  "NOT_A_FILE",
  "NOT_A_DIRECTORY",
  "ALREADY_EXISTS",
  "FILE_TOO_LARGE",
  "WORKSPACE_FULL",
  "WORKSPACE_NOT_FOUND",
  "SNAPSHOT_NOT_FOUND",
  "PTY_NOT_FOUND",
  "UNSUPPORTED_LANGUAGE",
  "LIMIT_REACHED",
  "UNAUTHORIZED",
  "TOKEN_EXPIRED",
  "FORBIDDEN",
  "ISOLATION_UNAVAILABLE",
  "TOOLCHAIN_UNAVAILABLE",
  "PROVIDER_FAILURE",
] as const;

export type SandboxErrorCode = (typeof SANDBOX_ERROR_CODES)[number];

export class SandboxError extends Error {
  readonly code: SandboxErrorCode;

  constructor(code: SandboxErrorCode, message: string, options?: { cause?: unknown }) {
    super(`[sandbox:${code}] ${message}`, options);
    this.name = "SandboxError";
    this.code = code;
  }

  /** The message without the "[sandbox:CODE]" prefix, for API bodies that carry the code separately. */
  get detail(): string {
    return this.message.replace(/^\[sandbox:[A-Z_]+\] /, "");
  }
}

export function isSandboxError(error: unknown, code?: SandboxErrorCode): error is SandboxError {
  return error instanceof SandboxError && (code === undefined || error.code === code);
}
