import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ModalProvider, type ModalProviderOptions } from "../src/modal/index.ts";
import { ModalTestServer } from "../test-support/modal-server/index.ts";

// The Modal provider pointed at the local Modal protocol server (test-support/modal-server,
// docs/decisions/0110) the way an operator points it at Modal: MODAL_SERVER_URL and a token
// id/secret. One server per test file (vitest runs each file in its own process).

let server: Promise<ModalTestServer> | null = null;

export function localModalServer(): Promise<ModalTestServer> {
  server ??= ModalTestServer.start().then((started) => {
    Object.assign(process.env, started.env, { MODAL_LOGLEVEL: "error" });
    return started;
  });
  return server;
}

export async function closeLocalModalServer(): Promise<void> {
  const started = await server;
  server = null;
  await started?.close();
}

export async function startModalThroughLocalServer(options: Partial<ModalProviderOptions> = {}) {
  const modal = await localModalServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-modal-local-"));
  const provider = await ModalProvider.start({
    appName: "interviewlm-sandbox-contract",
    tokenId: modal.tokenId,
    tokenSecret: modal.tokenSecret,
    dataDir,
    logger: { info: () => undefined, warn: () => undefined },
    ...options,
  });
  return {
    provider,
    server: modal,
    dataDir,
    cleanup: async () => {
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls a condition (a remote state change has no event to wait on) until it holds. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
