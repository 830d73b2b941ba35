import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LocalProvider, type LocalProviderOptions } from "../src/index.ts";

/** A local provider on a fresh data directory; cleanup() stops it and removes everything. */
export async function startLocalProvider(options: Partial<LocalProviderOptions> = {}): Promise<{ provider: LocalProvider; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-sandbox-test-"));
  // Test files run in parallel, each with its own provider: separate uid ranges keep
  // "no process of this workspace's uid is left" checks about this provider only.
  const uidBase = 200_000 + (process.pid % 4000) * 100;
  const provider = await LocalProvider.start({ logger: { info: () => undefined, warn: () => undefined }, uidBase, ...options, dataDir });
  return {
    provider,
    dataDir,
    cleanup: async () => {
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
