// A local server speaking Anthropic's Messages API wire protocol, scripted per test: product
// code makes the real SDK call against it. It checks requests the way the API does where the
// product could get it wrong (auth, version header, sampling parameters the 2026-10-21 API
// version rejects, cache breakpoints, tool_use/tool_result pairing) and answers with real SSE.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateMessagesRequest } from "./request-checks.ts";
import { renderStream, renderMessage, type ScriptedReply } from "./sse.ts";

export type { ScriptedBlock, ScriptedReply } from "./sse.ts";

export interface RecordedRequest {
  headers: Record<string, string | string[] | undefined>;
  body: Record<string, unknown>;
}

export type Script = ScriptedReply | ((request: RecordedRequest) => ScriptedReply);

export interface AnthropicTestServer {
  baseURL: string;
  apiKey: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order. A request with none left gets a 500 saying so. */
  enqueue(...scripts: Script[]): void;
  /** Resolves when a reply scripted with `hold` has sent its first delta and is waiting. */
  held(): Promise<void>;
  /** Lets held replies finish. */
  release(): void;
  /** Resolves when `count` streams were closed by the client before they ended. */
  clientClosed(count?: number): Promise<void>;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startAnthropicTestServer(options: { apiKey?: string } = {}): Promise<AnthropicTestServer> {
  const apiKey = options.apiKey ?? "sk-ant-test-0123456789";
  const queue: Script[] = [];
  const requests: RecordedRequest[] = [];
  const waiters = new Set<() => void>();
  let releaseHeld: () => void = () => undefined;
  let released = new Promise<void>((resolve) => (releaseHeld = resolve));
  let closedByClient = 0;
  let holding = 0;
  const notify = () => waiters.forEach((check) => check());
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => condition() && (waiters.delete(check), resolve());
      waiters.add(check);
      check();
    });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    if (req.method !== "POST" || !req.url?.startsWith("/v1/messages")) return sendError(res, 404, "not_found_error", `No route ${req.method} ${req.url}`);
    const key = req.headers["x-api-key"] ?? req.headers.authorization?.replace(/^Bearer /, "");
    if (key !== apiKey) return sendError(res, 401, "authentication_error", "invalid x-api-key");
    if (!req.headers["anthropic-version"]) return sendError(res, 400, "invalid_request_error", "anthropic-version: header is required");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return sendError(res, 400, "invalid_request_error", "The request body is not valid JSON");
    }
    const problem = validateMessagesRequest(body);
    if (problem) return sendError(res, 400, "invalid_request_error", problem);
    const request = { headers: req.headers, body };
    requests.push(request);
    notify();
    const script = queue.shift();
    if (!script) return sendError(res, 500, "api_error", "test server: no scripted reply left for this request");
    const reply = typeof script === "function" ? script(request) : script;
    if (reply.kind === "http_error") {
      const headers: Record<string, string> = {};
      if (reply.retryAfter !== undefined) headers["retry-after"] = reply.retryAfter;
      if (reply.retryAfterMs !== undefined) headers["retry-after-ms"] = reply.retryAfterMs;
      return sendError(res, reply.status, reply.errorType, reply.message ?? reply.errorType, headers);
    }
    if (body.stream !== true) {
      if (reply.kind !== "message") return sendError(res, 500, "api_error", "test server: a stream_error reply needs a streaming request");
      res.writeHead(200, { "content-type": "application/json", "request-id": `req_${requests.length}` });
      return void res.end(JSON.stringify(renderMessage(reply, body)));
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "request-id": `req_${requests.length}` });
    let open = true;
    res.on("close", () => {
      if (!res.writableEnded) {
        open = false;
        closedByClient++;
        notify();
      }
    });
    for (const step of renderStream(reply, body)) {
      if (!open) return;
      if (step === "hold") {
        holding++;
        notify();
        await Promise.race([released, until(() => !open)]);
        holding--;
        continue;
      }
      if (typeof step === "number") {
        await new Promise((resolve) => setTimeout(resolve, step));
        continue;
      }
      res.write(step);
    }
    if (open) res.end();
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, "api_error", `test server: ${String(error)}`);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    enqueue: (...scripts) => void queue.push(...scripts),
    held: () => until(() => holding > 0),
    release: () => {
      releaseHeld();
      released = new Promise<void>((resolve) => (releaseHeld = resolve));
    },
    clientClosed: (count = 1) => until(() => closedByClient >= count),
    waitForRequests: (count) => until(() => requests.length >= count),
    close: () =>
      new Promise<void>((resolve) => {
        releaseHeld();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendError(res: ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify({ type: "error", error: { type, message }, request_id: "req_error" }));
}
