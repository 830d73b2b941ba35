import { PYTHON_SUITE } from "@interviewlm/sandbox/fixtures";
import { type SandboxRequestError, isSandboxError, signServiceToken } from "@interviewlm/sandbox/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, TEST_SECRET, clientFor, startService } from "./helpers.ts";

async function failure(promise: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (!isSandboxError(error)) throw error;
    return { status: (error as SandboxRequestError).status, code: error.code, message: error.detail };
  }
  throw new Error("expected the request to fail");
}

describe("sandbox service over HTTP", () => {
  let running: RunningService;
  beforeAll(async () => {
    running = await startService();
  });
  afterAll(async () => running?.stop());

  it("creates a workspace, edits files and runs tests with hidden tests through the client", async () => {
    const { client } = running;
    const workspace = await client.createWorkspace({ language: "python", files: PYTHON_SUITE.files, label: "session-1" });
    expect(workspace).toMatchObject({ language: "python", provider: "local", status: "active", label: "session-1" });
    await client.writeFile(workspace.id, "notes/readme.md", "# notes\n");
    await client.writeFile(workspace.id, "data.bin", new Uint8Array([0, 159, 146, 150]));
    expect(await client.readFile(workspace.id, "notes/readme.md")).toMatchObject({ content: "# notes\n", encoding: "utf8" });
    expect(await client.readFile(workspace.id, "data.bin")).toMatchObject({ content: "AJ+Slg==", encoding: "base64" });
    await client.renameFile(workspace.id, "notes/readme.md", "README.md");
    await client.deleteFile(workspace.id, "notes");
    const run = await client.runTests(workspace.id, { hiddenTests: PYTHON_SUITE.hidden });
    expect(run.totals).toEqual({ total: 6, passed: 4, failed: 2, errored: 0, skipped: 0 });
    expect(run.tests.filter((t) => t.hidden).map((t) => t.name)).toEqual(["test_hidden_negative"]);
    expect((await client.listFiles(workspace.id)).map((f) => f.path)).toEqual(["README.md", "calc.py", "data.bin", "tests", "tests/test_calc.py"]);
    const exec = await client.exec(workspace.id, { command: ["python3", "-c", "import calc; print(calc.add(2, 3))"] });
    expect(exec).toMatchObject({ exitCode: 0, stdout: "5\n", termination: "exited" });
  });

  it("snapshots, restores, suspends, resumes and destroys a workspace", async () => {
    const { client } = running;
    const { id } = await client.createWorkspace({ language: "javascript", files: [{ path: "index.js", content: "console.log(1)\n" }] });
    const snapshot = await client.snapshotWorkspace(id);
    await client.writeFile(id, "index.js", "console.log(2)\n");
    await client.restoreWorkspace(id, snapshot.id);
    expect((await client.readFile(id, "index.js")).content).toBe("console.log(1)\n");
    await client.suspendWorkspace(id);
    expect((await client.getWorkspace(id)).status).toBe("suspended");
    expect((await client.resumeWorkspace(id)).status).toBe("active");
    await client.destroyWorkspace(id);
    expect(await failure(client.getWorkspace(id))).toMatchObject({ status: 404, code: "WORKSPACE_NOT_FOUND" });
  });

  it("answers bad input with a specific error and changes nothing", async () => {
    const { client, url } = running;
    const { id } = await client.createWorkspace({ language: "python", files: [{ path: "main.py", content: "print(1)\n" }] });
    const before = await client.listFiles(id);

    expect(await failure(client.writeFile(id, "../escape.py", "x"))).toMatchObject({ status: 400, code: "INVALID_PATH", message: expect.stringContaining("climbs out of the workspace") });
    expect(await failure(client.readFile(id, "../../etc/passwd"))).toMatchObject({ status: 400, code: "INVALID_PATH" });
    expect(await failure(client.writeFile(id, "/etc/passwd", "x"))).toMatchObject({ status: 400, code: "INVALID_PATH", message: expect.stringContaining("absolute") });
    expect(await failure(client.renameFile(id, "main.py", "../main.py"))).toMatchObject({ status: 400, code: "INVALID_PATH" });
    expect(await failure(client.readFile(id, "missing.py"))).toMatchObject({ status: 404, code: "FILE_NOT_FOUND" });
    expect(await failure(client.writeFile(id, "huge.txt", "x".repeat(3 * 1024 * 1024)))).toMatchObject({ status: 413, code: "FILE_TOO_LARGE", message: expect.stringContaining("limited to 2097152 bytes") });
    expect(await failure(client.writeFile(id, "enormous.txt", "x".repeat(17 * 1024 * 1024)))).toMatchObject({ status: 413, code: "FILE_TOO_LARGE", message: "request body exceeds 16 MB" });
    expect(await failure(client.getWorkspace("ws_doesnotexistdoesnotexist"))).toMatchObject({ status: 404, code: "WORKSPACE_NOT_FOUND" });
    expect(await failure(client.exec("ws_aaaaaaaaaaaaaaaaaaaaaaaa", { command: "true" }))).toMatchObject({ status: 404, code: "WORKSPACE_NOT_FOUND" });
    expect(await failure(client.createWorkspace({ language: "cobol" as "python", files: [] }))).toMatchObject({ status: 400, code: "INVALID_REQUEST", message: expect.stringContaining("language") });

    const token = await signServiceToken({ secret: TEST_SECRET, subject: "test" });
    const raw = await fetch(`${url}/v1/workspaces/${id}/exec`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{not json" });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: { code: "INVALID_REQUEST", message: "request body is not valid JSON" } });
    const noPath = await fetch(`${url}/v1/workspaces/${id}/file`, { headers: { authorization: `Bearer ${token}` } });
    expect(await noPath.json()).toEqual({ error: { code: "INVALID_REQUEST", message: "query parameter 'path' is required" } });

    expect(await client.listFiles(id)).toEqual(before);
  });

  it("rejects missing, forged, expired and wrongly scoped tokens", async () => {
    const { url } = running;
    const { id } = await running.client.createWorkspace({ language: "python", files: [] });
    const noToken = await fetch(`${url}/v1/workspaces/${id}`);
    expect(noToken.status).toBe(401);
    expect((await noToken.json()).error.message).toMatch(/missing service token/);

    expect(await failure(clientFor(url, "a-different-secret-of-32-characters!!").getWorkspace(id))).toMatchObject({ status: 401, code: "UNAUTHORIZED", message: expect.stringContaining("signature is invalid") });
    const expired = await signServiceToken({ secret: TEST_SECRET, subject: "test", ttlSeconds: 60, now: Date.now() - 3600_000 });
    const expiredResponse = await fetch(`${url}/v1/workspaces/${id}`, { headers: { authorization: `Bearer ${expired}` } });
    expect(expiredResponse.status).toBe(401);
    expect((await expiredResponse.json()).error).toMatchObject({ code: "TOKEN_EXPIRED" });

    const scoped = await signServiceToken({ secret: TEST_SECRET, subject: "room", workspaceId: "ws_aaaaaaaaaaaaaaaaaaaaaaaa" });
    const forbidden = await fetch(`${url}/v1/workspaces/${id}`, { headers: { authorization: `Bearer ${scoped}` } });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error).toMatchObject({ code: "FORBIDDEN" });
    const creating = await fetch(`${url}/v1/workspaces`, { method: "POST", headers: { authorization: `Bearer ${scoped}` }, body: "{}" });
    expect(creating.status).toBe(403);
  });

  it("reports health without a token, and metrics with one", async () => {
    const health = await running.client.health();
    expect(health).toMatchObject({ ok: true, provider: "local", runsCode: true, isolation: { level: "full" } });
    const metrics = await running.client.metrics();
    expect(metrics.activeWorkspaces).toBeGreaterThan(0);
    expect(metrics.runs.tests).toBeGreaterThanOrEqual(1);
    expect(metrics.runs.exec).toBeGreaterThanOrEqual(1);
    const unauthenticated = await fetch(`${running.url}/v1/metrics`);
    expect(unauthenticated.status).toBe(401);
  });

  it("answers readiness without a token and Prometheus metrics with one", async () => {
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { isolation: { ok: true, detail: "local provider, full isolation" } } });
    expect((await fetch(`${running.url}/metrics`)).status).toBe(401);
    const token = await signServiceToken({ secret: TEST_SECRET, subject: "prometheus" });
    const scrape = await fetch(`${running.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(scrape.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scrape.text();
    expect(text).toMatch(/^# TYPE sandbox_runs_total counter$/m);
    expect(text).toMatch(/^sandbox_runs_total\{kind="exec"\} [1-9]\d*$/m);
    expect(text).toMatch(/^sandbox_active_workspaces [1-9]\d*$/m);
  });
});

describe("idle workspaces", () => {
  it("are suspended after the idle TTL and resume on the next request with their files", async () => {
    const running = await startService({ idleTtlMs: 200 });
    try {
      const { client, service } = running;
      const { id } = await client.createWorkspace({ language: "python", files: [{ path: "a.py", content: "A = 1\n" }] });
      expect(await service.activity.reapIdle(Date.now() + 100)).toEqual([]);
      expect(await service.activity.reapIdle(Date.now() + 1000)).toEqual([id]);
      expect((await client.getWorkspace(id)).status).toBe("suspended");
      expect((await client.metrics()).reapedWorkspaces).toBe(1);
      expect((await client.readFile(id, "a.py")).content).toBe("A = 1\n");
      expect((await client.getWorkspace(id)).status).toBe("active");
    } finally {
      await running.stop();
    }
  });
});
