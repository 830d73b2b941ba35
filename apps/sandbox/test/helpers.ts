import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LocalProvider, type LocalProviderOptions } from "@interviewlm/sandbox";
import { createSandboxClient, type SandboxClient } from "@interviewlm/sandbox/client";
import WebSocket from "ws";
import { createSandboxService, type SandboxService } from "../src/server.ts";

export const TEST_SECRET = "test-secret-for-the-sandbox-service-0123456789";
const quiet = { info: () => undefined, warn: () => undefined };

export interface RunningService {
  service: SandboxService;
  url: string;
  client: SandboxClient;
  dataDir: string;
  stop(): Promise<void>;
}

/** The service on a random port over a local provider in a fresh data directory. */
export async function startService(options: { idleTtlMs?: number; ptyDetachGraceMs?: number; provider?: Partial<LocalProviderOptions> } = {}): Promise<RunningService> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-sandbox-service-"));
  const provider = await LocalProvider.start({ dataDir, logger: quiet, uidBase: 600_000 + (process.pid % 4000) * 100, ...options.provider });
  const service = createSandboxService({ provider, secret: TEST_SECRET, idleTtlMs: options.idleTtlMs ?? 60_000, ptyDetachGraceMs: options.ptyDetachGraceMs, logger: quiet });
  const url = await service.listen(0, "127.0.0.1");
  return {
    service,
    url,
    dataDir,
    client: clientFor(url),
    stop: async () => {
      await service.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function clientFor(url: string, secret = TEST_SECRET): SandboxClient {
  return createSandboxClient({ baseUrl: url, auth: { secret, subject: "test" }, WebSocket: WebSocket });
}
