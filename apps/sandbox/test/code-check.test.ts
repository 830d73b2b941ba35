import { isSandboxError, signServiceToken, type SandboxRequestError } from "@interviewlm/sandbox/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, TEST_SECRET, startService } from "./helpers.ts";

// POST /v1/checks/code: the candidate's system check and Start ask whether code runs, and the
// answer comes from a real test run, not from a health flag.
describe("the code check", () => {
  let healthy: RunningService;
  let broken: RunningService;
  beforeAll(async () => {
    // "broken": a host without bubblewrap, where code must not run (weak isolation not allowed).
    [healthy, broken] = await Promise.all([startService(), startService({ provider: { tools: { bwrap: null } } })]);
  });
  afterAll(async () => {
    await healthy?.stop();
    await broken?.stop();
  });

  // Seven real test runs, three of them compiling (Go from a cold cache, Java, C++): how long that takes follows
  // the machine's load (over 30 s on a busy 2-core machine). The bound only catches a hang.
  it("runs a known-good test per language and leaves no workspace behind", { timeout: 240_000 }, async () => {
    for (const language of ["python", "typescript", "javascript", "go", "java", "ruby", "cpp", "rust"] as const) {
      expect(await healthy.client.checkCodeRuns({ language })).toMatchObject({ language, ok: true, code: null, problem: null });
    }
    expect((await healthy.client.metrics()).activeWorkspaces).toBe(0);
  });

  it("says why code cannot run on a host that cannot isolate it", async () => {
    const result = await broken.client.checkCodeRuns({ language: "python" });
    expect(result).toMatchObject({ ok: false, code: "ISOLATION_UNAVAILABLE", problem: expect.stringContaining("bwrap is missing") });
  });

  it("answers concurrent checks with one run", async () => {
    const [a, b] = await Promise.all([healthy.client.checkCodeRuns({ language: "python" }), healthy.client.checkCodeRuns({ language: "python" })]);
    expect(a.checkedAt).toBe(b.checkedAt);
  });

  it("refuses an unknown language and a token limited to one workspace", async () => {
    const error = await healthy.client.checkCodeRuns({ language: "cobol" as "python" }).catch((e: unknown) => e);
    expect(isSandboxError(error) && (error as SandboxRequestError).status).toBe(400);
    const token = await signServiceToken({ secret: TEST_SECRET, subject: "room:x", workspaceId: "ws_aaaaaaaaaaaaaaaaaaaaaaaa" });
    const response = await fetch(`${healthy.url}/v1/checks/code`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ language: "python" }) });
    expect(response.status).toBe(403);
  });
});
