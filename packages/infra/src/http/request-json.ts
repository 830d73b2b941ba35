// The one JSON-over-HTTP helper for calls between our own processes (room → web app,
// web app and room → sandbox service): a timeout on every request, retries only where a
// repeat cannot do harm, the answer parsed with the caller's zod schema, errors that say
// which call failed and how, and the request id passed along. Only fetch, AbortSignal and
// setTimeout: it runs in Node and in workerd (the PartyKit rooms).
import type { z } from "zod";

export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Carries one request's id from the browser through room, web app and sandbox service. */
export const REQUEST_ID_HEADER = "x-request-id";

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_RETRIES = 2;
const RETRY_BASE_DELAY_MS = 200;
// RFC 9110: these methods mean the same whether sent once or several times.
const IDEMPOTENT_METHODS = new Set<HttpMethod>(["GET", "HEAD", "PUT", "DELETE"]);
// Answers that say "not now" rather than "no": a gateway or an overloaded service.
const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export type HttpFailure = "network" | "timeout" | "status" | "contract";

export class HttpError extends Error {
  constructor(
    readonly failure: HttpFailure,
    /** The answer's status; 0 when none came; 502 when the answer broke the contract. */
    readonly status: number,
    message: string,
    /** The start of the answer's body, for logs. */
    readonly body = "",
  ) {
    super(message);
    this.name = "HttpError";
  }

  /** A 4xx other than 408/429: sending the same request again will not help. */
  get permanent(): boolean {
    return this.failure === "status" && this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export interface JsonRequest<S extends z.ZodType | null> {
  method: HttpMethod;
  url: string | URL;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A string goes as it is (JSON already serialised, e.g. a signed body); anything else is JSON-encoded. */
  body?: unknown;
  /** Parses the answer; null when no body is expected. */
  schema: S;
  timeoutMs?: number;
  /**
   * Attempts after the first, on a network failure, a timeout or a 502/503/504. Only for
   * idempotent requests (GET, HEAD, PUT, DELETE, or `idempotent: true` for a POST the server
   * deduplicates); anything else is sent once.
   */
  retries?: number;
  idempotent?: boolean;
  requestId?: string;
  fetch?: typeof fetch;
  /** Turns a non-2xx answer into the caller's own error (e.g. from a service's error body). */
  errorFor?: (status: number, text: string) => Error;
}

export function requestJson<S extends z.ZodType>(request: JsonRequest<S>): Promise<z.output<S>>;
export function requestJson(request: JsonRequest<null>): Promise<undefined>;
export function requestJson(request: JsonRequest<z.ZodType | null>): Promise<unknown>;
export async function requestJson(request: JsonRequest<z.ZodType | null>): Promise<unknown> {
  const url = new URL(request.url);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  // The request id in every message lets a failure in one process's log be found in the other's.
  const what = `${request.method} ${url.pathname}${request.requestId ? ` [request ${request.requestId}]` : ""}`;
  const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has(request.method);
  const attempts = 1 + (idempotent ? Math.max(0, request.retries ?? DEFAULT_RETRIES) : 0);
  const send = request.fetch ?? globalThis.fetch.bind(globalThis);
  const headers: Record<string, string> = { accept: "application/json", ...request.headers };
  if (request.requestId) headers[REQUEST_ID_HEADER] = request.requestId;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    headers["content-type"] ??= "application/json";
  }
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  for (let attempt = 1; ; attempt += 1) {
    const last = attempt >= attempts;
    let response: Response;
    let text: string;
    try {
      response = await send(url, { method: request.method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (error) {
      if (last) throw transportFailure(error, what, timeoutMs);
      await backOff(attempt);
      continue;
    }
    if (response.ok) return parseAnswer(request.schema, text, what);
    if (!RETRYABLE_STATUSES.has(response.status) || last) {
      throw request.errorFor
        ? request.errorFor(response.status, text)
        : new HttpError("status", response.status, `${what} answered ${response.status}: ${text.slice(0, 300)}`, text.slice(0, 2000));
    }
    await backOff(attempt);
  }
}

const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, RETRY_BASE_DELAY_MS * 2 ** (attempt - 1)));

// fetch rejects with a TypeError (Node: "fetch failed"; workerd: "Network connection lost"),
// or with a TimeoutError once the signal fires.
function transportFailure(error: unknown, what: string, timeoutMs: number): HttpError {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return new HttpError("timeout", 0, `${what} got no answer within ${timeoutMs} ms`);
  }
  return new HttpError("network", 0, `${what} failed: ${error instanceof Error ? error.message : String(error)}`);
}

function parseAnswer(schema: z.ZodType | null, text: string, what: string): unknown {
  if (schema === null) return undefined;
  try {
    return schema.parse(text ? JSON.parse(text) : null);
  } catch (error) {
    throw new HttpError("contract", 502, `${what} answered outside the contract: ${error instanceof Error ? error.message : String(error)}`, text.slice(0, 2000));
  }
}
