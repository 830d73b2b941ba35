import { isSandboxError, type SandboxRequestError, createSandboxClient } from "@interviewlm/sandbox/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningService, TEST_SECRET, startService } from "./helpers.ts";

// PUT /v1/workspaces/:id: a room whose workspace the sandbox lost recreates it under the same
// id, with the token it holds — limited to that one workspace.
describe("recreating a lost workspace", () => {
  let running: RunningService;
  beforeAll(async () => {
    running = await startService();
  });
  afterAll(async () => running?.stop());

  const status = (promise: Promise<unknown>) => promise.then(() => 0, (error: unknown) => (isSandboxError(error) ? (error as SandboxRequestError).status : -1));

  it("lets a token limited to the workspace recreate it, and no other", async () => {
    const { id } = await running.client.createWorkspace({ language: "python", files: [] });
    const { id: other } = await running.client.createWorkspace({ language: "python", files: [] });
    const room = createSandboxClient({ baseUrl: running.url, auth: { secret: TEST_SECRET, subject: "room:s1", workspaceId: id } });
    expect(await status(room.recreateWorkspace(id, { language: "python", files: [] }))).toBe(409);
    await running.client.destroyWorkspace(id);
    await running.client.destroyWorkspace(other);

    const info = await room.recreateWorkspace(id, { language: "python", files: [{ path: "main.py", content: "print('back')\n" }] });
    expect(info).toMatchObject({ id, status: "active" });
    expect((await room.readFile(id, "main.py")).content).toBe("print('back')\n");
    expect(await status(room.recreateWorkspace(other, { language: "python", files: [] }))).toBe(403);
    expect(await status(running.client.getWorkspace(other))).toBe(404);
  });
});
