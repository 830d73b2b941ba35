import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { ModalProvider, type ModalProviderOptions } from "../src/modal/index.ts";
import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { describeSecretTestsContract } from "../src/testing/secret-tests-contract.ts";
import { ModalTestServer } from "../test-support/modal-server/index.ts";

// The whole provider contract against the Modal provider, through the real Modal SDK, over
// gRPC, to a local server speaking Modal's protocol with bubblewrap sandboxes behind it
// (test-support/modal-server, docs/decisions/0110). The SDK finds the server the way it finds
// Modal: MODAL_SERVER_URL and a token id/secret.

let server: Promise<ModalTestServer> | null = null;

export function localModalServer(): Promise<ModalTestServer> {
  server ??= ModalTestServer.start().then((started) => {
    Object.assign(process.env, started.env, { MODAL_LOGLEVEL: "error" });
    return started;
  });
  return server;
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
    cleanup: async () => {
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

afterAll(async () => {
  await (await server)?.close();
}, 60_000);

describeProviderContract("modal (local protocol server)", () => startModalThroughLocalServer(), { timeoutMs: 60_000 });
describeSecretTestsContract("modal (local protocol server)", () => startModalThroughLocalServer(), { timeoutMs: 60_000 });
