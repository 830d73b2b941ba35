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
import type { z } from "zod";

export class WebRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "WebRequestError";
  }

  /** 4xx other than 408/429 will not get better by retrying the same request. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

export interface WebClient {
  session(sessionId: string): Promise<RoomSessionInfo>;
  nextQuestion(sessionId: string): Promise<NextQuestionResponse>;
  finish(sessionId: string, reason: "candidate" | "timeout"): Promise<RoomSessionInfo>;
  /** `body` is the IngestBatch already serialized (the recorder sizes batches by it). */
  ingest(body: string): Promise<IngestResponse>;
  /** Hands over events the ingest refused for good, to be kept aside (a dead letter). */
  deadLetter(request: RecordingDeadLetterRequest): Promise<{ id: string }>;
}

const REQUEST_TIMEOUT_MS = 30_000;
/** Next question and finish run the hidden tests on the web side first (up to the sandbox's 120 s). */
const EVALUATING_TIMEOUT_MS = 150_000;

export function createWebClient(baseUrl: string, secret: string): WebClient {
  async function call<S extends z.ZodType>(method: "GET" | "POST", path: string, body: string, schema: S, timeoutMs = REQUEST_TIMEOUT_MS): Promise<z.infer<S>> {
    const signed = await signInternalRequest(secret, { method, path, body });
    let response: Response;
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers: { accept: "application/json", ...(method === "POST" ? { "content-type": "application/json" } : {}), ...signed },
        body: method === "POST" ? body : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new WebRequestError(0, `${method} ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    if (!response.ok) throw new WebRequestError(response.status, `${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    try {
      return schema.parse(JSON.parse(text));
    } catch (error) {
      throw new WebRequestError(502, `${method} ${path} answered outside the contract: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    session: (sessionId) => call("GET", INTERNAL_PATHS.session(sessionId), "", RoomSessionInfoSchema),
    nextQuestion: (sessionId) => call("POST", INTERNAL_PATHS.nextQuestion(sessionId), "{}", NextQuestionResponseSchema, EVALUATING_TIMEOUT_MS),
    finish: async (sessionId, reason) => (await call("POST", INTERNAL_PATHS.finish(sessionId), JSON.stringify({ reason }), FinishResponseSchema, EVALUATING_TIMEOUT_MS)).session,
    ingest: (body) => call("POST", INTERNAL_PATHS.recordings, body, IngestResponseSchema),
    deadLetter: (request) => call("POST", INTERNAL_PATHS.recordingDeadLetters, JSON.stringify(request), RecordingDeadLetterResponseSchema),
  };
}

/** Serializes a batch exactly as `ingest` sends it. */
export function ingestBody(batch: IngestBatch): string {
  return JSON.stringify(batch);
}
