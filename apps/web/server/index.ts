// The web process: Express serving Remix (Vite middleware in development, the built
// app in production), with the services every request needs in its load context.
import { resolveRequestAuth, type RequestAuth } from "@interviewlm/api";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { createServer } from "node:http";
import compression from "compression";
import express from "express";
import { readWebEnv } from "./env.ts";
import { roomKeys } from "../app/.server/internal.ts";
import { log, requestContext } from "./request-context.ts";
import { mountRecordingIngest } from "./recording-ingest-route.ts";
import { mountProbeTerminal } from "./probe-terminal-route.ts";
import { probeTerminalKeys } from "@interviewlm/core/replay";
import { cspNonceOf, securityHeaders } from "./security-headers.ts";
import { startServices } from "./services.ts";
import { mountHealth } from "./health.ts";
import { createWebMetrics, mountMetrics } from "./metrics.ts";

const env = readWebEnv();
const services = await startServices(env, log);
const isProduction = env.NODE_ENV === "production";
const metrics = createWebMetrics({ db: services.db.prisma, sandbox: services.sandbox });
/** Set on SIGTERM: /readyz answers 503 so a load balancer stops routing here while requests drain. */
let draining = false;

// Created before Vite so that Vite's HMR WebSocket rides on the app's own port instead of
// a fixed one (24678) that another checkout's dev server, or anything else, may hold.
const httpServer = createServer();

const vite = isProduction
  ? undefined
  : await import("vite").then((v) =>
      v.createServer({ root: new URL("..", import.meta.url).pathname, server: { middlewareMode: true, hmr: { server: httpServer } } }),
    );

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", env.TRUST_PROXY);
app.use(
  requestContext({
    // Rooms flush recordings every second; logging each would drown everything else.
    skip: (path, status) =>
      path.startsWith("/assets/") ||
      path.startsWith("/@") ||
      path.startsWith("/node_modules/") ||
      // Probes and scrapes come every few seconds and say nothing new when they succeed.
      ((path === "/internal/recordings" || path === "/healthz" || path === "/readyz" || path === "/metrics") && status < 400),
  }),
);
app.use(metrics.http);
// Before the session middleware and Remix: probes carry no cookie and must stay cheap.
mountHealth(app, { probes: services.probes, draining: () => draining });
mountMetrics(app, metrics, env.METRICS_TOKEN);
app.use(compression());
app.use(securityHeaders({ appUrl: env.APP_URL, roomPublicUrl: env.ROOM_PUBLIC_URL }));

if (vite) {
  app.use(vite.middlewares);
} else {
  const client = new URL("../build/client", import.meta.url).pathname;
  app.use("/assets", express.static(`${client}/assets`, { immutable: true, maxAge: "1y" }));
  app.use(express.static(client, { maxAge: "1h" }));
}

mountRecordingIngest(app, { db: services.db.prisma, roomTokenSecret: roomKeys(env), log, onStored: (times) => metrics.observeIngest(times) });

// Validate the session once per request, before Remix: loaders, actions and tRPC all
// reuse it, and a slid expiry re-sends the cookie on whatever response goes out.
app.use(async (req, res, next) => {
  if (req.path.startsWith("/assets/") || req.path.startsWith("/@") || req.path.startsWith("/node_modules/")) return next();
  try {
    const headers = new Headers();
    if (req.headers.cookie) headers.set("cookie", req.headers.cookie);
    const resHeaders = new Headers();
    res.locals.auth = await resolveRequestAuth(services.deps, new Request(`${env.APP_URL}${req.url}`, { headers }), resHeaders);
    for (const cookie of resHeaders.getSetCookie()) res.append("Set-Cookie", cookie);
    next();
  } catch (error) {
    next(error);
  }
});

const build = vite
  ? () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(new URL("../build/server/index.js", import.meta.url).href)) as ServerBuild);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({
      services,
      clientIp: req.ip ?? null,
      auth: (res.locals.auth as RequestAuth | null) ?? null,
      cspNonce: cspNonceOf(res),
      requestId: res.locals.requestId as string,
      log,
    }),
  }),
);

httpServer.on("request", app);
mountProbeTerminal(httpServer, { sandbox: services.sandbox, keys: probeTerminalKeys(services.deps), appUrl: env.APP_URL, log });
const server = httpServer.listen(env.PORT, env.HOST, () => {
  // A plain line on purpose: people and scripts wait for "InterviewLM is running at".
  console.info(`InterviewLM is running at ${env.APP_URL}  (listening on ${env.HOST}:${env.PORT})`);
});

/** In-flight requests get this long to finish after SIGTERM; then the remaining sockets are cut. */
const DRAIN_TIMEOUT_MS = 25_000;

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  draining = true;
  log.info("web.stopping", { signal });
  // Stop accepting connections, close idle keep-alive ones, and wait for in-flight requests
  // (a room's last recording flush among them) before the database closes under them.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = setTimeout(() => {
    log.warn("web.drain_timeout", { after_ms: DRAIN_TIMEOUT_MS });
    server.closeAllConnections();
  }, DRAIN_TIMEOUT_MS);
  cut.unref();
  await closed;
  clearTimeout(cut);
  await vite?.close();
  // Lets the outbox worker finish the batch it is sending, then closes the database.
  await services.stop();
  log.info("web.stopped", { signal });
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
