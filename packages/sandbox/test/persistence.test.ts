import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LocalProvider } from "../src/index.ts";
import { expectSandboxError } from "../src/testing/provider-contract.ts";

const quiet = { info: () => undefined, warn: () => undefined };

describe("workspace persistence", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-sandbox-persist-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("keeps workspaces and snapshots when the provider is stopped and started again", async () => {
    const first = await LocalProvider.start({ dataDir, logger: quiet });
    const { id } = await first.createWorkspace({ language: "python", files: [{ path: "a.py", content: "A = 1\n" }] });
    await first.exec(id, { command: "mkdir -p out && echo from-run > out/result.txt" });
    const snapshot = await first.snapshotWorkspace(id);
    await expect(LocalProvider.start({ dataDir, logger: quiet })).rejects.toThrow(/in use by process/);
    await first.close();

    const second = await LocalProvider.start({ dataDir, logger: quiet });
    try {
      expect((await second.getWorkspace(id)).status).toBe("suspended");
      expect(new TextDecoder().decode((await second.readFile(id, "out/result.txt")).content)).toBe("from-run\n");
      await second.writeFile(id, "a.py", new TextEncoder().encode("A = 2\n"));
      await second.restoreWorkspace(id, snapshot.id);
      expect(new TextDecoder().decode((await second.readFile(id, "a.py")).content)).toBe("A = 1\n");
      await second.destroyWorkspace(id);
      await expectSandboxError(second.getWorkspace(id), "WORKSPACE_NOT_FOUND");
      await expectSandboxError(second.restoreWorkspace(id, snapshot.id), "WORKSPACE_NOT_FOUND");
    } finally {
      await second.close();
    }
  });
});
