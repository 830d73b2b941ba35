import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ModalProvider } from "../src/modal/index.ts";
import { describeProviderContract } from "../src/testing/provider-contract.ts";
import { describeSecretTestsContract } from "../src/testing/secret-tests-contract.ts";

// Runs against real Modal only with credentials; reported as skipped otherwise.
const tokenId = process.env.MODAL_TOKEN_ID;
const tokenSecret = process.env.MODAL_TOKEN_SECRET;

async function startModal() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-modal-test-"));
  const provider = await ModalProvider.start({
    appName: process.env.SANDBOX_MODAL_APP ?? "interviewlm-sandbox-contract",
    tokenId: tokenId as string,
    tokenSecret: tokenSecret as string,
    environment: process.env.MODAL_ENVIRONMENT,
    dataDir,
  });
  return {
    provider,
    cleanup: async () => {
      await provider.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const options = {
  skip: tokenId && tokenSecret ? undefined : "MODAL_TOKEN_ID / MODAL_TOKEN_SECRET are not set",
  timeoutMs: 300_000,
};
describeProviderContract("modal", startModal, options);
describeSecretTestsContract("modal", startModal, options);
