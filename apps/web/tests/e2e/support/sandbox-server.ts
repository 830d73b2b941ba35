// The real sandbox service (local bubblewrap provider) for an end-to-end run.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { E2E_SECRETS, freePort } from "./app-server.ts";
import { startServiceProcess } from "./service-process.ts";

const sandboxRoot = fileURLToPath(new URL("../../../../sandbox", import.meta.url));

export interface SandboxServer {
  url: string;
  /** Where the service keeps its workspaces (<dataDir>/workspaces/<id>/meta.json names each one's session). */
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startSandboxServer(): Promise<SandboxServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "ilm-e2e-sandbox-"));
  const process_ = await startServiceProcess({
    name: "sandbox service",
    args: ["--import", "tsx", "src/main.ts"],
    cwd: sandboxRoot,
    env: {
      NODE_ENV: "production",
      SANDBOX_PORT: String(port),
      SANDBOX_HOST: "127.0.0.1",
      SANDBOX_DATA_DIR: dataDir,
      SANDBOX_SERVICE_SECRET: E2E_SECRETS.SANDBOX_SERVICE_SECRET,
      ...(process.env.SANDBOX_ALLOW_WEAK_ISOLATION ? { SANDBOX_ALLOW_WEAK_ISOLATION: process.env.SANDBOX_ALLOW_WEAK_ISOLATION } : {}),
    },
    ready: /listening on/,
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => process_.output(),
    async stop() {
      await process_.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
