// The rooms' way into the web app: HMAC-signed requests (packages/realtime/internal-auth).
// Every internal endpoint goes through `answerInternal` — verify the signature over the raw
// body, parse it with the endpoint's zod schema, call the core service, map its errors —
// whether Remix serves it (`handleInternal`) or Express does (the recording ingest, the hot
// path: server/recording-ingest-route.ts).
import { createLogger, type Logger } from "@interviewlm/infra/log";
import { httpStatusOf } from "@interviewlm/api/errors";
import { DomainError } from "@interviewlm/core";
import { verifyInternalRequest } from "@interviewlm/realtime";
import type { KeyInput } from "@interviewlm/tokens";
import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";

/** An internal request as both servers see it: the raw body is what the signature covers. */
export interface InternalRequest {
  method: string;
  path: string;
  body: string;
  headers: Headers;
}

/** A JSON answer: the service's result, or `{ error: { code, message } }`. */
export interface InternalReply {
  status: number;
  body: unknown;
}

export function problem(status: number, code: string, message: string): InternalReply {
  return { status, body: { error: { code, message } } };
}

/** A refusal names the first few fields at fault; a batch of thousands must not answer with thousands. */
function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 5).map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  const more = error.issues.length - shown.length;
  return shown.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

/**
 * Verifies, parses with `schema` (null: no body), runs `handle`; domain errors keep their
 * meaning as HTTP statuses (one map, packages/api errors.ts). A 5xx makes the room retry; a
 * 4xx tells it retrying the same request cannot help.
 */
export async function answerInternal<S extends z.ZodType>(
  secret: KeyInput,
  request: InternalRequest,
  schema: S | null,
  handle: (body: z.infer<S>) => Promise<unknown>,
  log: Pick<Logger, "error"> = createLogger({ service: "web" }),
): Promise<InternalReply> {
  const verdict = await verifyInternalRequest(secret, request);
  if (!verdict.ok) return problem(401, "UNAUTHORIZED", `Internal request refused: ${verdict.reason}`);
  let input: unknown = undefined;
  if (schema) {
    let json: unknown;
    try {
      json = JSON.parse(request.body);
    } catch {
      return problem(400, "BAD_REQUEST", "The body is not JSON.");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return problem(400, "BAD_REQUEST", describeIssues(parsed.error));
    input = parsed.data;
  }
  try {
    return { status: 200, body: await handle(input as z.infer<S>) };
  } catch (error) {
    if (error instanceof DomainError) return problem(httpStatusOf(error), error.code, error.message);
    log.error("internal.failed", { method: request.method, path: request.path, error });
    return problem(500, "INTERNAL", "The request failed; retry later.");
  }
}

/** answerInternal for a Remix loader or action. */
export async function handleInternal<S extends z.ZodType>(
  request: Request,
  context: AppLoadContext,
  schema: S | null,
  handle: (body: z.infer<S>) => Promise<unknown>,
): Promise<Response> {
  const body = request.method === "GET" || request.method === "HEAD" ? "" : await request.text();
  const call = { method: request.method, path: new URL(request.url).pathname, body, headers: request.headers };
  const reply = await answerInternal(roomKeys(context.services.env), call, schema, handle, context.log);
  return Response.json(reply.body, { status: reply.status });
}

export function interviewDeps(context: AppLoadContext) {
  return context.services.deps;
}

/** ROOM_TOKEN_SECRET, and during a rotation the previous one, for the rooms' signed requests. */
export function roomKeys(env: { ROOM_TOKEN_SECRET: string; ROOM_TOKEN_SECRET_PREVIOUS?: string }): KeyInput {
  return { current: env.ROOM_TOKEN_SECRET, previous: env.ROOM_TOKEN_SECRET_PREVIOUS ? [env.ROOM_TOKEN_SECRET_PREVIOUS] : [] };
}
