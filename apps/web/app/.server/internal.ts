// The rooms' way into the web app: HMAC-signed requests (packages/realtime/internal-auth).
import { verifyInternalRequest } from "@interviewlm/realtime";
import { DomainError } from "@interviewlm/core";
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";

const statusOf: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  TOO_MANY_REQUESTS: 429,
  UNAVAILABLE: 503,
};

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * Verifies the signature over the raw body, parses it with `schema`, runs `handle` and
 * answers JSON; domain errors keep their meaning as HTTP statuses (a 5xx makes the room retry).
 */
export async function handleInternal<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S | null,
  handle: (body: z.infer<S>) => Promise<unknown>,
): Promise<Response> {
  const body = request.method === "GET" ? "" : await request.text();
  const url = new URL(request.url);
  const verdict = await verifyInternalRequest(context.services.env.ROOM_TOKEN_SECRET, {
    method: request.method,
    path: url.pathname,
    body,
    headers: request.headers,
  });
  if (!verdict.ok) return problem(401, "UNAUTHORIZED", `Internal request refused: ${verdict.reason}`);
  let input: unknown = undefined;
  if (schema) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return problem(400, "BAD_REQUEST", "The body is not JSON.");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return problem(400, "BAD_REQUEST", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    input = parsed.data;
  }
  try {
    return Response.json(await handle(input as z.infer<S>));
  } catch (error) {
    if (error instanceof DomainError) return problem(statusOf[error.code] ?? 400, error.code, error.message);
    console.error(`internal ${request.method} ${url.pathname} failed:`, error);
    return problem(500, "INTERNAL", "The request failed; retry later.");
  }
}

export function interviewDeps(context: AppLoadContext) {
  return context.services.deps;
}
