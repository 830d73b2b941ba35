import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { type HealthResponse, SandboxError, type SandboxProvider } from "@interviewlm/sandbox";
import { createLogger, errorMessage, REQUEST_ID_HEADER, requestIdFrom, type Logger } from "@interviewlm/infra/log";
import { WebSocketServer, type WebSocket } from "ws";
import type { KeyInput } from "@interviewlm/tokens";
import { requireServiceToken } from "./auth.ts";
import { CodeChecks } from "./code-checks.ts";
import { readJsonBody } from "./http/body.ts";
import { sendError, toErrorBody } from "./http/error-response.ts";
import { type Route, sandboxRoutes } from "./http/routes.ts";
import { ServiceMetrics } from "./metrics.ts";
import { PROMETHEUS_CONTENT_TYPE, prometheusText } from "./prometheus.ts";
import { WorkspaceActivity } from "./workspace-activity.ts";
import { streamFileEvents } from "./ws/file-events.ts";
import { PtySessions } from "./ws/pty-sessions.ts";

// The sandbox service: HTTP + WebSocket API over one provider (see the README of
// @interviewlm/sandbox for the API). Authentication: a service token on every route but
// /healthz; tokens scoped to a workspace only reach that workspace.

export interface SandboxServiceOptions {
  provider: SandboxProvider;
  /** SANDBOX_SERVICE_SECRET, with the previous one during a rotation. */
  secret: KeyInput;
  idleTtlMs: number;
  logger?: Pick<Logger, "info" | "warn">;
  maxBodyBytes?: number;
  apiFileBytes?: number;
  ptyDetachGraceMs?: number;
  allowWeakIsolation?: boolean;
}

export interface SandboxService {
  readonly server: http.Server;
  readonly activity: WorkspaceActivity;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const WORKSPACE_SOCKET = /^\/v1\/workspaces\/(?<id>[^/]+)\/(?<kind>pty|events)$/;

export function createSandboxService(options: SandboxServiceOptions): SandboxService {
  const { provider, secret } = options;
  const logger = options.logger ?? createLogger({ service: "sandbox" });
  const metrics = new ServiceMetrics();
  const activity = new WorkspaceActivity(provider, options.idleTtlMs, () => (metrics.reaped += 1));
  const terminals = new PtySessions(provider, options.ptyDetachGraceMs ?? 30_000);
  const routes = sandboxRoutes(provider, metrics, options.apiFileBytes ?? 2 * 1024 * 1024, new CodeChecks(provider, logger));
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });

  const health = (): HealthResponse => {
    const isolation = provider.isolation();
    return { ok: true, provider: provider.kind, isolation, runsCode: isolation.level === "full" || options.allowWeakIsolation === true };
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(request.url ?? "/", "http://sandbox.internal");
    // The caller's id (web app or room) ties this request to the one that caused it.
    const requestId = requestIdFrom(headerValue(request.headers[REQUEST_ID_HEADER]));
    response.setHeader(REQUEST_ID_HEADER, requestId);
    let status: number;
    try {
      if (request.method === "GET" && url.pathname === "/healthz") {
        status = respond(response, 200, health());
      } else if (request.method === "GET" && url.pathname === "/readyz") {
        // Ready only when candidate code may run: the isolation self-test passed (or weak
        // isolation is explicitly allowed). Same shape as the web app's /readyz.
        const current = health();
        const isolation = { ok: current.runsCode, detail: `${current.provider} provider, ${current.isolation.level} isolation` };
        status = respond(response, current.runsCode ? 200 : 503, { status: current.runsCode ? "ready" : "not_ready", checks: { isolation } });
      } else {
        const match = findRoute(routes, request.method ?? "GET", url.pathname);
        const workspaceId = match?.workspaceId ?? null;
        await requireServiceToken(request, url, secret, workspaceId);
        if (request.method === "GET" && url.pathname === "/v1/metrics") {
          status = respond(response, 200, metrics.snapshot(activity.activeCount, terminals.count));
        } else if (request.method === "GET" && url.pathname === "/metrics") {
          response.writeHead(200, { "content-type": PROMETHEUS_CONTENT_TYPE, "cache-control": "no-store" });
          response.end(prometheusText(metrics.snapshot(activity.activeCount, terminals.count)));
          status = 200;
        } else if (!match) {
          throw new SandboxError("INVALID_REQUEST", `no route ${request.method} ${url.pathname}`);
        } else {
          if (workspaceId) activity.touch(workspaceId);
          const result = await match.route.handle({ workspaceId: workspaceId ?? "", query: url.searchParams, body: () => readJsonBody(request, maxBodyBytes) });
          if (result.createdWorkspaceId) activity.touch(result.createdWorkspaceId);
          if (request.method === "DELETE" && workspaceId && url.pathname.endsWith(workspaceId)) activity.forget(workspaceId);
          status = respond(response, result.status, result.body);
        }
      }
    } catch (error) {
      status = sendError(response, error);
      if (status >= 500) logger.warn("http.failed", { requestId, method: request.method, path: url.pathname, status, error: errorMessage(error) });
    }
    metrics.countResponse(status);
    logger.info("http.request", { requestId, method: request.method, path: url.pathname, status, ms: Math.round(performance.now() - started) });
  }

  async function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? "/", "http://sandbox.internal");
    const match = WORKSPACE_SOCKET.exec(url.pathname);
    try {
      if (!match?.groups) throw new SandboxError("INVALID_REQUEST", `no WebSocket route ${url.pathname}`);
      await requireServiceToken(request, url, secret, decodeURIComponent(match.groups.id as string));
    } catch (error) {
      const { status, body } = toErrorBody(error);
      const text = JSON.stringify(body);
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
      return;
    }
    const workspaceId = decodeURIComponent(match.groups.id as string);
    sockets.handleUpgrade(request, socket, head, (ws) => void serveSocket(ws, match.groups?.kind as "pty" | "events", workspaceId, url));
  }

  async function serveSocket(socket: WebSocket, kind: "pty" | "events", workspaceId: string, url: URL): Promise<void> {
    socket.on("error", () => undefined); // a peer that vanishes mid-frame must not crash the service
    const release = activity.hold(workspaceId);
    socket.on("close", release);
    try {
      if (kind === "events") {
        await streamFileEvents(socket, provider, workspaceId);
      } else {
        const size = (name: string, fallback: number) => Math.min(1000, Math.max(1, Number(url.searchParams.get(name)) || fallback));
        await terminals.attach(socket, workspaceId, { cols: size("cols", 80), rows: size("rows", 24), ptyId: url.searchParams.get("ptyId") }, () => activity.touch(workspaceId));
      }
    } catch (error) {
      const { status, body } = toErrorBody(error);
      if (socket.readyState === socket.OPEN) {
        socket.send(JSON.stringify({ type: "error", code: body.error.code, message: body.error.message }));
        socket.close(4000 + status, body.error.code);
      }
    }
  }

  const server = http.createServer((request, response) => void handle(request, response));
  server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
  activity.start();

  return {
    server,
    activity,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address();
          const actualPort = typeof address === "object" && address ? address.port : port;
          resolve(`http://${host.includes(":") ? `[${host}]` : host}:${actualPort}`);
        });
      }),
    close: async () => {
      activity.stop();
      terminals.closeAll();
      for (const client of sockets.clients) client.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await provider.close();
    },
  };
}

function findRoute(routes: Route[], method: string, path: string): { route: Route; workspaceId: string | null } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, workspaceId: match.groups?.id ? decodeURIComponent(match.groups.id) : null };
  }
  return null;
}

function respond(response: ServerResponse, status: number, body?: unknown): number {
  if (body === undefined) {
    response.writeHead(status, { "cache-control": "no-store" });
    response.end();
  } else {
    response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
    response.end(JSON.stringify(body));
  }
  return status;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
