// Domain errors know nothing of HTTP: the API layer maps `code` to a status in one place.
export type DomainErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "TOO_MANY_REQUESTS"
  /** A service we depend on (the sandbox) failed; trying again later may work. */
  | "UNAVAILABLE";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Per-field messages, shown beside the inputs they belong to. */
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: DomainErrorCode,
    message: string,
    extra: { fieldErrors?: Record<string, string[]>; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }
}

export const notFound = (what: string, id: string) => new DomainError("NOT_FOUND", `${what} ${id} was not found.`);
export const forbidden = (message: string) => new DomainError("FORBIDDEN", message);
export const conflict = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("CONFLICT", message, { fieldErrors });
export const badRequest = (message: string, fieldErrors?: Record<string, string[]>) =>
  new DomainError("BAD_REQUEST", message, { fieldErrors });
export const tooManyRequests = (retryAfterSeconds: number, what = "attempts") =>
  new DomainError("TOO_MANY_REQUESTS", `Too many ${what}. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
