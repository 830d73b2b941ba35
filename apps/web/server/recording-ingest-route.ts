// POST /internal/recordings, served by Express directly rather than through Remix: it is the
// hottest endpoint (every room flushes here about once a second) and needs no page machinery.
// Signed by the room (packages/realtime/internal-auth), idempotent on (sessionId, seq).
import { DomainError } from "@interviewlm/core";
import { ingestRecording } from "@interviewlm/core/interviews";
import type { PrismaClient } from "@interviewlm/db";
import { IngestBatchSchema, INTERNAL_PATHS, verifyInternalRequest } from "@interviewlm/realtime";
import express, { type Express } from "express";

/** A huge paste is one event; leave room for it. */
const MAX_BODY = "16mb";

export function mountRecordingIngest(app: Express, deps: { prisma: PrismaClient; roomTokenSecret: string }): void {
  app.post(INTERNAL_PATHS.recordings, express.raw({ type: () => true, limit: MAX_BODY }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const verdict = await verifyInternalRequest(deps.roomTokenSecret, { method: "POST", path: INTERNAL_PATHS.recordings, body, headers });
    if (!verdict.ok) {
      res.status(401).json({ error: { code: "UNAUTHORIZED", message: `Internal request refused: ${verdict.reason}` } });
      return;
    }
    let parsed;
    try {
      parsed = IngestBatchSchema.safeParse(JSON.parse(body));
    } catch {
      res.status(400).json({ error: { code: "BAD_REQUEST", message: "The body is not JSON." } });
      return;
    }
    if (!parsed.success) {
      res.status(400).json({ error: { code: "BAD_REQUEST", message: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") } });
      return;
    }
    try {
      res.json(await ingestRecording(deps.prisma, parsed.data));
    } catch (error) {
      if (error instanceof DomainError && error.code === "NOT_FOUND") {
        res.status(404).json({ error: { code: "NOT_FOUND", message: error.message } });
        return;
      }
      console.error("recording ingest failed:", error);
      // 5xx: the room keeps the batch and retries.
      res.status(500).json({ error: { code: "INTERNAL", message: "Ingest failed; retry later." } });
    }
  });
}
