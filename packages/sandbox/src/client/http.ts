import { requestJson as sendJson, type HttpMethod } from "@interviewlm/infra/http";
import type { z } from "zod";
import { ApiErrorBodySchema } from "../api/schemas.ts";
import { SANDBOX_ERROR_CODES, SandboxError, type SandboxErrorCode } from "../errors.ts";

// The shared JSON-over-HTTP helper with the service token, and the service's error bodies
// turned back into SandboxErrors.

/** A SandboxError that came over HTTP; `status` is the response status. */
export class SandboxRequestError extends SandboxError {
  readonly status: number;

  constructor(status: number, code: SandboxErrorCode, message: string) {
    super(code, message);
    this.name = "SandboxRequestError";
    this.status = status;
  }
}

export interface RequestContext {
  baseUrl: string;
  fetch: typeof fetch;
  token(): Promise<string>;
  /** The id this call carries in x-request-id. */
  requestId(): string;
}

export async function requestJson<S extends z.ZodType>(
  context: RequestContext,
  method: HttpMethod,
  path: string,
  options: { body?: unknown; query?: Record<string, string>; schema: S | null; auth?: boolean; timeoutMs?: number },
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {};
  if (options.auth !== false) headers.authorization = `Bearer ${await context.token()}`;
  return sendJson({
    method,
    url: new URL(path, context.baseUrl),
    query: options.query,
    headers,
    body: options.body,
    schema: options.schema,
    timeoutMs: options.timeoutMs,
    requestId: context.requestId(),
    fetch: context.fetch,
    errorFor: toRequestError,
  }) as Promise<z.infer<S>>; // schema null: the caller expects no body (undefined)
}

export function toRequestError(status: number, text: string): SandboxRequestError {
  let parsed: ReturnType<typeof ApiErrorBodySchema.safeParse> | null = null;
  try {
    parsed = ApiErrorBodySchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (parsed?.success) {
    const code = (SANDBOX_ERROR_CODES as readonly string[]).includes(parsed.data.error.code) ? (parsed.data.error.code as SandboxErrorCode) : "PROVIDER_FAILURE";
    return new SandboxRequestError(status, code, parsed.data.error.message);
  }
  return new SandboxRequestError(status, "PROVIDER_FAILURE", `sandbox service answered ${status}: ${text.slice(0, 200)}`);
}
