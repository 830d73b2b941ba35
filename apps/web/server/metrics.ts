// GET /metrics in the Prometheus text format (prom-client), for the web process
// (docs/decisions/0120). Counted in this process: HTTP requests and their latency, recording
// ingest lag. Read from the database at scrape time, so every instance reports the same
// cluster-wide figure (aggregate them with max, not sum): the outbox and evaluation queue depths,
// the recording's open dead letters, AI tokens and cost from the recorded model calls
// (agent.usage events), the open room connections from the recorded presence events, and the sandbox service's run
// counters as it reports them.
import type { PrismaClient } from "@interviewlm/db";
import type { SandboxClient } from "@interviewlm/sandbox/client";
import type { Express, RequestHandler } from "express";
import { timingSafeEqual } from "node:crypto";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The first path segment of the app's routes. Anything else is "other": a label value per
 * unknown URL would let any visitor grow the series without bound.
 */
const KNOWN_SEGMENTS = new Set([
  "",
  "api",
  "app",
  "assets",
  "auth",
  "dev",
  "forgot-password",
  "healthz",
  "i",
  "internal",
  "invitations",
  "login",
  "logout",
  "metrics",
  "readyz",
  "reset-password",
  "signup",
  "trpc",
  "verify-email",
  "webhooks",
]);

export function routeLabel(path: string): string {
  if (path === "/internal/recordings") return path;
  const segment = path.split("/")[1] ?? "";
  return KNOWN_SEGMENTS.has(segment) ? `/${segment}` : "other";
}

export interface WebMetricsSources {
  db: PrismaClient;
  sandbox: SandboxClient | null;
}

export interface WebMetrics {
  registry: Registry;
  /** Express middleware timing every request by method, route group and status. */
  http: RequestHandler;
  /** Called after a recording batch is stored: how far behind the room's clock the ingest is. */
  observeIngest(eventTimes: readonly Date[], now?: number): void;
}

export function createWebMetrics(sources: WebMetricsSources): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({ name: "http_requests_total", help: "HTTP requests served, by method, route group and status.", labelNames: ["method", "route", "status"], registers: [registry] });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to the last byte of the response, by method and route group.",
    labelNames: ["method", "route"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const ingestLag = new Histogram({
    name: "interviewlm_recording_ingest_lag_seconds",
    help: "Age of each recorded event when the web app stored it (room clock to database).",
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const ingestedEvents = new Counter({ name: "interviewlm_recording_events_ingested_total", help: "Recorded events received from the rooms.", registers: [registry] });

  new Gauge({
    name: "interviewlm_outbox_queue_depth",
    help: "Emails waiting in the outbox, by status (QUEUED, SENDING).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await sources.db.emailMessage.groupBy({ by: ["status"], where: { status: { in: ["QUEUED", "SENDING"] } }, _count: { _all: true } });
      this.reset();
      this.set({ status: "QUEUED" }, 0);
      this.set({ status: "SENDING" }, 0);
      for (const row of rows) this.set({ status: row.status }, row._count._all);
    },
  });

  // Recording batches the ingest refused for good, set aside by the rooms so the events behind
  // them keep flowing (docs/decisions/0060). Each open one is a gap in a replay until an operator
  // retries it (`npm run recording:dead-letters`): alert when this is above zero.
  new Gauge({
    name: "interviewlm_recording_dead_letters_open",
    help: "Recording batches set aside as refused for good and not yet stored by a retry.",
    registers: [registry],
    async collect() {
      this.set(await sources.db.recordingDeadLetter.count({ where: { resolvedAt: null } }));
    },
  });
  new Gauge({
    name: "interviewlm_recording_dead_letter_events_open",
    help: "Recorded events in the open dead letters (missing from their replays until retried).",
    registers: [registry],
    async collect() {
      const open = await sources.db.recordingDeadLetter.aggregate({ where: { resolvedAt: null }, _sum: { eventCount: true } });
      this.set(open._sum.eventCount ?? 0);
    },
  });
  new Gauge({
    name: "interviewlm_evaluation_queue_depth",
    help: "Session evaluations waiting or running, by status (QUEUED, RUNNING).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await sources.db.evaluation.groupBy({ by: ["status"], where: { status: { in: ["QUEUED", "RUNNING"] } }, _count: { _all: true } });
      this.reset();
      this.set({ status: "QUEUED" }, 0);
      this.set({ status: "RUNNING" }, 0);
      for (const row of rows) this.set({ status: row.status }, row._count._all);
    },
  });

  // Model calls are recorded as agent.usage events (docs/decisions/0074); their sums only grow.
  // One query per scrape feeds the three gauges (the registry collects them concurrently).
  type AiUsageRow = { calls: bigint; input: bigint | null; output: bigint | null; cacheRead: bigint | null; cacheWrite: bigint | null; costMicroUsd: bigint | null };
  let pendingUsage: Promise<AiUsageRow | undefined> | null = null;
  const readAiUsage = () =>
    (pendingUsage ??= sources.db.$queryRaw<AiUsageRow[]>`
        SELECT COUNT(*) AS calls,
               SUM(COALESCE((payload->>'inputTokens')::bigint, 0)) AS input,
               SUM(COALESCE((payload->>'outputTokens')::bigint, 0)) AS output,
               SUM(COALESCE((payload->>'cacheReadInputTokens')::bigint, 0)) AS "cacheRead",
               SUM(COALESCE((payload->>'cacheCreationInputTokens')::bigint, 0)) AS "cacheWrite",
               SUM(COALESCE((payload->>'costMicroUsd')::bigint, 0)) AS "costMicroUsd"
          FROM "RecordingEvent" WHERE type = 'agent.usage'`
      .then((rows) => rows[0])
      .finally(() => setImmediate(() => (pendingUsage = null))));
  new Gauge({
    name: "interviewlm_ai_calls",
    help: "Recorded model calls.",
    registers: [registry],
    async collect() {
      this.set(Number((await readAiUsage())?.calls ?? 0));
    },
  });
  new Gauge({
    name: "interviewlm_ai_tokens",
    help: "Tokens of all recorded model calls, by kind.",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      const row = await readAiUsage();
      this.set({ kind: "input" }, Number(row?.input ?? 0));
      this.set({ kind: "output" }, Number(row?.output ?? 0));
      this.set({ kind: "cache_read" }, Number(row?.cacheRead ?? 0));
      this.set({ kind: "cache_write" }, Number(row?.cacheWrite ?? 0));
    },
  });
  new Gauge({
    name: "interviewlm_ai_cost_usd",
    help: "Cost in USD of all recorded model calls.",
    registers: [registry],
    async collect() {
      this.set(Number((await readAiUsage())?.costMicroUsd ?? 0) / 1_000_000);
    },
  });

  // The rooms have no scrape endpoint (PartyKit), but they record every control connection's
  // arrival and departure (presence.joined / presence.left, keyed by the client's connection
  // id, which a reconnect keeps). A connection is open when its latest presence event in a
  // session in progress is a join. Behind the rooms by the ingest lag; a tab that went away
  // while its room was down stays counted until the session ends.
  type RoomConnectionsRow = { role: string | null; connections: bigint };
  new Gauge({
    name: "interviewlm_room_connections",
    help: "Open connections to interview rooms, by role (candidate, reviewer), as the rooms recorded them.",
    labelNames: ["role"],
    registers: [registry],
    async collect() {
      const rows = await sources.db.$queryRaw<RoomConnectionsRow[]>`
        SELECT latest.role, COUNT(*) AS connections
          FROM (SELECT DISTINCT ON (e."sessionId", e.payload->>'connectionId') e.type, e.payload->>'role' AS role
                  FROM "RecordingEvent" e JOIN "InterviewSession" s ON s.id = e."sessionId"
                 WHERE s.status = 'ACTIVE' AND e.type IN ('presence.joined', 'presence.left')
                 ORDER BY e."sessionId", e.payload->>'connectionId', e.seq DESC) latest
         WHERE latest.type = 'presence.joined'
         GROUP BY latest.role`;
      this.reset();
      this.set({ role: "candidate" }, 0);
      this.set({ role: "reviewer" }, 0);
      for (const row of rows) if (row.role === "candidate" || row.role === "reviewer") this.set({ role: row.role }, Number(row.connections));
    },
  });

  new Gauge({
    name: "interviewlm_sandbox_runs",
    help: "Runs the sandbox service reports since it started, by kind (exec, tests) and running now.",
    labelNames: ["kind"],
    registers: [registry],
    async collect() {
      this.reset();
      if (!sources.sandbox) return;
      // A sandbox service that does not answer leaves the series absent rather than failing the scrape.
      const snapshot = await sources.sandbox.metrics().catch(() => null);
      if (!snapshot) return;
      this.set({ kind: "exec" }, snapshot.runs.exec);
      this.set({ kind: "tests" }, snapshot.runs.tests);
      this.set({ kind: "running" }, snapshot.runs.running);
    },
  });

  return {
    registry,
    http(req, res, next) {
      const stop = latency.startTimer();
      res.on("finish", () => {
        const route = routeLabel(req.path);
        stop({ method: req.method, route });
        requests.inc({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    },
    observeIngest(eventTimes, now = Date.now()) {
      for (const at of eventTimes) ingestLag.observe(Math.max(0, (now - at.getTime()) / 1000));
      ingestedEvents.inc(eventTimes.length);
    },
  };
}

/**
 * Serves the registry. With a token (required in production, see env.ts) the scraper must send
 * `Authorization: Bearer <METRICS_TOKEN>`: the figures reveal activity of every organisation.
 */
export function mountMetrics(app: Express, metrics: WebMetrics, token: string | undefined): void {
  app.get("/metrics", async (req, res, next) => {
    try {
      res.setHeader("Cache-Control", "no-store");
      if (token && !bearerMatches(req.get("authorization"), token)) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="metrics"');
        res.status(401).type("text/plain").send("A bearer token (METRICS_TOKEN) is required.\n");
        return;
      }
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? "");
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
