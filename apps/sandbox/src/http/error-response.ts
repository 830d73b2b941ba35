import type { ServerResponse } from "node:http";
import { type SandboxErrorCode, isSandboxError } from "@interviewlm/sandbox";
import { ZodError } from "zod";

// The one place where sandbox error codes become HTTP statuses.
const STATUS: Record<SandboxErrorCode, number> = {
  INVALID_REQUEST: 400,
  INVALID_PATH: 400,
  NOT_A_FILE: 400,
  NOT_A_DIRECTORY: 400,
  UNSUPPORTED_LANGUAGE: 400,
  UNAUTHORIZED: 401,
  TOKEN_EXPIRED: 401,
  FORBIDDEN: 403,
  FILE_NOT_FOUND: 404,
  WORKSPACE_NOT_FOUND: 404,
  SNAPSHOT_NOT_FOUND: 404,
  PTY_NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  FILE_TOO_LARGE: 413,
  LIMIT_REACHED: 429,
  WORKSPACE_FULL: 507,
  PROVIDER_FAILURE: 500,
  ISOLATION_UNAVAILABLE: 503,
  TOOLCHAIN_UNAVAILABLE: 503,
};

export interface ErrorBody {
  status: number;
  body: { error: { code: string; message: string } };
}

export function toErrorBody(error: unknown): ErrorBody {
  if (isSandboxError(error)) return { status: STATUS[error.code], body: { error: { code: error.code, message: error.detail } } };
  if (error instanceof ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    return { status: 400, body: { error: { code: "INVALID_REQUEST", message } } };
  }
  return { status: 500, body: { error: { code: "PROVIDER_FAILURE", message: "internal error" } } };
}

export function sendError(response: ServerResponse, error: unknown): number {
  const { status, body } = toErrorBody(error);
  if (!response.headersSent) {
    response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify(body));
  }
  return status;
}
