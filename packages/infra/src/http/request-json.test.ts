import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { HttpError, requestJson } from "./request-json.ts";

// A local HTTP server whose answer each test sets; it records what arrived.
type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;
let handler: Handler;
const received: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  request.on("end", () => {
    received.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
    handler(request, body, response);
  });
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  received.length = 0;
});

const json = (status: number, value: unknown): Handler => (_request, _body, response) => {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
};
/** Answers `status` to the first `times` requests, then 200 {ok:true}. */
const failing = (status: number, times: number): Handler => (_request, _body, response) => {
  if (received.length <= times) response.writeHead(status).end("busy");
  else response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
};
const Ok = z.object({ ok: z.literal(true) });

async function failureOf(promise: Promise<unknown>): Promise<HttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("requestJson", () => {
  it("sends JSON with the request id and parses the answer with the schema", async () => {
    handler = json(200, { ok: true, extra: "dropped" });
    const answer = await requestJson({ method: "POST", url: `${base}/things`, query: { q: "a b" }, body: { name: "x" }, schema: Ok, requestId: "req-123" });
    expect(answer).toEqual({ ok: true });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: "POST", url: "/things?q=a+b", body: '{"name":"x"}' });
    expect(received[0]?.headers).toMatchObject({ "x-request-id": "req-123", "content-type": "application/json", accept: "application/json" });
  });

  it("names the request id in its errors, so the failure can be found in the other side's log", async () => {
    handler = json(500, {});
    const failed = await failureOf(requestJson({ method: "POST", url: `${base}/things`, body: {}, schema: Ok, requestId: "req-456" }));
    expect(failed.message).toBe("POST /things [request req-456] answered 500: {}");
  });

  it("sends a string body exactly as given (a signed body must not be re-encoded)", async () => {
    handler = json(200, { ok: true });
    await requestJson({ method: "POST", url: `${base}/signed`, body: '{"b":1,"a":2}', schema: Ok });
    expect(received[0]?.body).toBe('{"b":1,"a":2}');
  });

  it("says the answer broke the contract when the schema refuses it", async () => {
    handler = json(200, { ok: "yes" });
    const error = await failureOf(requestJson({ method: "GET", url: `${base}/x`, schema: Ok }));
    expect(error).toMatchObject({ failure: "contract", status: 502, permanent: false });
    expect(error.message).toMatch(/^GET \/x answered outside the contract/);
  });

  it("retries an idempotent request through a 503 and gets the answer", async () => {
    handler = failing(503, 2);
    expect(await requestJson({ method: "GET", url: `${base}/flaky`, schema: Ok })).toEqual({ ok: true });
    expect(received).toHaveLength(3);
  });

  it("sends a POST once, even when the answer is a 503", async () => {
    handler = failing(503, 1);
    const error = await failureOf(requestJson({ method: "POST", url: `${base}/once`, body: {}, schema: Ok }));
    expect(error).toMatchObject({ failure: "status", status: 503, permanent: false });
    expect(received).toHaveLength(1);
  });

  it("retries a POST the caller declares idempotent (the server deduplicates it)", async () => {
    handler = failing(502, 1);
    expect(await requestJson({ method: "POST", url: `${base}/dedup`, body: {}, schema: Ok, idempotent: true })).toEqual({ ok: true });
    expect(received).toHaveLength(2);
  });

  it("does not retry a refusal, and marks it permanent", async () => {
    handler = json(422, { error: "no" });
    const error = await failureOf(requestJson({ method: "PUT", url: `${base}/refused`, body: {}, schema: Ok }));
    expect(error).toMatchObject({ failure: "status", status: 422, permanent: true });
    expect(error.message).toBe('PUT /refused answered 422: {"error":"no"}');
    expect(received).toHaveLength(1);
  });

  it("hands a failed answer to the caller's own error type", async () => {
    handler = json(404, { error: { code: "GONE" } });
    class ServiceError extends Error {}
    const promise = requestJson({ method: "GET", url: `${base}/mapped`, schema: Ok, errorFor: (status, text) => new ServiceError(`${status} ${text}`) });
    await expect(promise).rejects.toThrow(new ServiceError('404 {"error":{"code":"GONE"}}'));
  });

  it("gives up on a silent server at the timeout, for every attempt", async () => {
    handler = () => undefined; // never answers
    const error = await failureOf(requestJson({ method: "GET", url: `${base}/silent`, schema: Ok, timeoutMs: 100, retries: 1 }));
    expect(error).toMatchObject({ failure: "timeout", status: 0 });
    expect(error.message).toBe("GET /silent got no answer within 100 ms");
    expect(received).toHaveLength(2);
  });

  it("reports a service that is not listening as a network failure", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await failureOf(requestJson({ method: "GET", url: `http://127.0.0.1:${port}/down`, schema: Ok, retries: 0 }));
    expect(error).toMatchObject({ failure: "network", status: 0, permanent: false });
    expect(error.message).toMatch(/^GET \/down failed: /);
  });

  it("expects no body when the schema is null", async () => {
    handler = (_request, _body, response) => response.writeHead(204).end();
    expect(await requestJson({ method: "DELETE", url: `${base}/thing`, schema: null })).toBeUndefined();
  });
});
