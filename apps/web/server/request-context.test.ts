import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createSandboxClient } from "@interviewlm/sandbox/client";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { currentRequestId, log, loggablePath, requestContext } from "./request-context.ts";

// A browser's request id reaches the sandbox service: the web app keeps (or replaces) it, logs
// with it, and its sandbox client sends it on. The sandbox side is a local server answering
// /healthz as the service does, recording the header it got.
const sandboxSaw: Array<string | undefined> = [];
const sandbox: Server = createServer((request, response) => {
  sandboxSaw.push(request.headers["x-request-id"] as string | undefined);
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify({ ok: true, provider: "local", isolation: { level: "full", enforced: {}, problems: [], languages: {} }, runsCode: true }));
});
let web: Server;
let webUrl = "";

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const client = createSandboxClient({ baseUrl: await listen(sandbox), auth: { secret: "s".repeat(40), subject: "web" }, requestId: currentRequestId });
  const app = express();
  app.use(requestContext({ skip: () => false }));
  app.get("/check", async (_request, response) => {
    await client.health();
    log.info("check.done");
    response.json({ ok: true });
  });
  web = createServer(app);
  webUrl = await listen(web);
});
afterAll(async () => {
  await Promise.all([web, sandbox].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
});

async function check(headers: Record<string, string>) {
  sandboxSaw.length = 0;
  const lines: Array<Record<string, unknown>> = [];
  const spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => void lines.push(JSON.parse(String(line))));
  try {
    const response = await fetch(`${webUrl}/check`, { headers });
    await response.json();
    // The access line is written when the response finishes, possibly after the body arrived.
    await vi.waitFor(() => expect(lines.some((line) => line.event === "http.request")).toBe(true));
    return { id: response.headers.get("x-request-id"), lines };
  } finally {
    spy.mockRestore();
  }
}

describe("request ids in the web app", () => {
  it("keeps the caller's id, answers with it, logs with it and sends it to the sandbox service", async () => {
    const { id, lines } = await check({ "x-request-id": "browser-req-0001" });
    expect(id).toBe("browser-req-0001");
    expect(sandboxSaw).toEqual(["browser-req-0001"]);
    expect(lines).toEqual([
      expect.objectContaining({ event: "check.done", requestId: "browser-req-0001", service: "web" }),
      expect.objectContaining({ event: "http.request", requestId: "browser-req-0001", method: "GET", path: "/check", status: 200 }),
    ]);
  });

  it("replaces an id that could forge log text with a fresh one, used all the way", async () => {
    const { id, lines } = await check({ "x-request-id": 'x"}{"level":"error' });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(sandboxSaw).toEqual([id]);
    expect(lines.every((line) => line.requestId === id)).toBe(true);
  });

  it("logs paths that carry a credential without it", () => {
    expect(loggablePath("/i/eyJhbGciOi.sig/interview")).toBe("/i/:token/interview");
    expect(loggablePath("/reset-password/abc123")).toBe("/reset-password/:token");
    expect(loggablePath("/your-data/t1.abc.def")).toBe("/your-data/:token");
    expect(loggablePath("/your-data/download/t1.abc.def")).toBe("/your-data/download/:token");
    expect(loggablePath("/your-data/archive/t1.abc.def")).toBe("/your-data/archive/:token");
    expect(loggablePath("/your-data/erase/t1.abc.def")).toBe("/your-data/erase/:token");
    expect(loggablePath("/app/candidates")).toBe("/app/candidates");
  });
});
