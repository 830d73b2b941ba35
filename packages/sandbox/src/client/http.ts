import type { z } from "zod";
import { ApiErrorBodySchema } from "../api/schemas.ts";
import { SANDBOX_ERROR_CODES, SandboxError, type SandboxErrorCode } from "../errors.ts";

// fetch + JSON + zod, and the service's error bodies turned back into SandboxErrors.

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
}

export async function requestJson<S extends z.ZodType>(
  context: RequestContext,
  method: string,
  path: string,
  options: { body?: unknown; query?: Record<string, string>; schema: S | null; auth?: boolean },
): Promise<z.infer<S>> {
  const url = new URL(path, context.baseUrl);
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.auth !== false) headers.authorization = `Bearer ${await context.token()}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await context.fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await response.text();
  if (!response.ok) throw toRequestError(response.status, text);
  if (options.schema === null) return undefined as z.infer<S>;
  return options.schema.parse(text ? JSON.parse(text) : null);
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
