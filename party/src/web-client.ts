// The room's calls to the web app's internal endpoints (packages/realtime internal-api.ts),
// each signed with ROOM_TOKEN_SECRET. The web app owns the database; the room only asks.
import {
  FinishResponseSchema,
  INTERNAL_PATHS,
  IngestResponseSchema,
  NextQuestionResponseSchema,
  RecordingDeadLetterResponseSchema,
  RoomSessionInfoSchema,
  signInternalRequest,
  type IngestBatch,
  type IngestResponse,
  type RecordingDeadLetterRequest,
  type NextQuestionResponse,
  type RoomSessionInfo,
} from "@interviewlm/realtime";
import { requestJson } from "@interviewlm/infra/http";
import { newRequestId } from "@interviewlm/infra/log";
import type { z } from "zod";

/** A failed call to the web app: `status` 0 without an answer, `permanent` for a refusal retrying cannot change. */
export { HttpError as WebRequestError } from "@interviewlm/infra/http";

export interface WebClient {
  session(sessionId: string): Promise<RoomSessionInfo>;
  /** `requestId` ties the call to what caused it (a socket's message); a fresh one otherwise. */
  nextQuestion(sessionId: string, requestId?: string): Promise<NextQuestionResponse>;
  finish(sessionId: string, reason: "candidate" | "timeout", requestId?: string): Promise<RoomSessionInfo>;
  /** `body` is the IngestBatch already serialized (the recorder sizes batches by it). */
  ingest(body: string): Promise<IngestResponse>;
  /** Hands over events the ingest refused for good, to be kept aside (a dead letter). */
  deadLetter(request: RecordingDeadLetterRequest): Promise<{ id: string }>;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** Next question and finish run the hidden tests on the web side first (up to the sandbox's 120 s). */
const EVALUATING_TIMEOUT_MS = 150_000;

export function createWebClient(baseUrl: string, secret: string): WebClient {
  async function call<S extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    body: string,
    schema: S,
    timeoutMs = REQUEST_TIMEOUT_MS,
    requestId = newRequestId(),
  ): Promise<z.infer<S>> {
    // Signed once: a retried GET repeats the same signature, well inside its validity.
    const signed = await signInternalRequest(secret, { method, path, body });
    return requestJson({ method, url: new URL(path, baseUrl), headers: signed, body: method === "POST" ? body : undefined, schema, timeoutMs, requestId });
  }

  return {
    session: (sessionId) => call("GET", INTERNAL_PATHS.session(sessionId), "", RoomSessionInfoSchema),
    nextQuestion: (sessionId, requestId) => call("POST", INTERNAL_PATHS.nextQuestion(sessionId), "{}", NextQuestionResponseSchema, EVALUATING_TIMEOUT_MS, requestId),
    finish: async (sessionId, reason, requestId) =>
      (await call("POST", INTERNAL_PATHS.finish(sessionId), JSON.stringify({ reason }), FinishResponseSchema, EVALUATING_TIMEOUT_MS, requestId)).session,
    ingest: (body) => call("POST", INTERNAL_PATHS.recordings, body, IngestResponseSchema),
    deadLetter: (request) => call("POST", INTERNAL_PATHS.recordingDeadLetters, JSON.stringify(request), RecordingDeadLetterResponseSchema),
  };
}

/** Serializes a batch exactly as `ingest` sends it. */
export function ingestBody(batch: IngestBatch): string {
  return JSON.stringify(batch);
}
