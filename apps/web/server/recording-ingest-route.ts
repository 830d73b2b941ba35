// POST /internal/recordings, served by Express directly rather than through Remix: it is the
// hottest endpoint (every room flushes here about once a second) and needs no page machinery.
// Verification, parsing and error mapping are the same as every internal endpoint's
// (app/.server/internal.ts); only the transport differs. Idempotent on (sessionId, seq).
import type { Logger } from "@interviewlm/infra/log";
import { ingestRecording } from "@interviewlm/core/interviews";
import type { PrismaClient } from "@interviewlm/db";
import { IngestBatchSchema, INTERNAL_PATHS } from "@interviewlm/realtime";
import express, { type ErrorRequestHandler, type Express, type Request, type Response } from "express";
import type { KeyInput } from "@interviewlm/tokens";
import { answerInternal, problem, type InternalReply } from "../app/.server/internal.ts";

/** A huge paste is one event; leave room for it. */
const MAX_BODY = "16mb";

function internalRequest(req: Request): { method: string; path: string; body: string; headers: Headers } {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  return { method: req.method, path: req.path, body: Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "", headers };
}

/** Body-reading failures (too large, aborted) answer in the same shape as everything else. */
const bodyFailure: ErrorRequestHandler = (error: { status?: number; type?: string; message?: string }, _req, res, _next) => {
  const reply: InternalReply =
    error.type === "entity.too.large"
      ? problem(413, "PAYLOAD_TOO_LARGE", `The body is larger than ${MAX_BODY}.`)
      : problem(error.status && error.status < 500 ? error.status : 400, "BAD_REQUEST", `The body could not be read: ${error.message ?? "unknown error"}`);
  res.status(reply.status).json(reply.body);
};

export interface RecordingIngestDeps {
  db: PrismaClient;
  roomTokenSecret: KeyInput;
  log?: Pick<Logger, "error">;
  /** Told the recorded times of each stored batch's events (the ingest-lag metric). */
  onStored?(eventTimes: Date[]): void;
}

export function mountRecordingIngest(app: Express, deps: RecordingIngestDeps): void {
  app.post(
    INTERNAL_PATHS.recordings,
    express.raw({ type: () => true, limit: MAX_BODY }),
    async (req: Request, res: Response) => {
      const reply = await answerInternal(deps.roomTokenSecret, internalRequest(req), IngestBatchSchema, async (batch) => {
        const stored = await ingestRecording(deps.db, batch);
        deps.onStored?.(batch.events.map((event) => new Date(event.at)));
        return stored;
      }, deps.log);
      res.status(reply.status).json(reply.body);
    },
    bodyFailure,
  );
}
