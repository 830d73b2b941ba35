import type { Logger } from "@interviewlm/infra/log";
import { LocalProvider, type SandboxProvider } from "@interviewlm/sandbox";
import { ModalProvider } from "@interviewlm/sandbox/modal";
import type { SandboxServiceEnv } from "./env.ts";

export async function createProvider(env: SandboxServiceEnv, logger: Pick<Logger, "info" | "warn">): Promise<SandboxProvider> {
  if (env.provider === "modal") {
    return ModalProvider.start({
      appName: env.modal.appName,
      tokenId: env.modal.tokenId as string,
      tokenSecret: env.modal.tokenSecret as string,
      environment: env.modal.environment,
      dataDir: env.dataDir,
      logger,
    });
  }
  return LocalProvider.start({ dataDir: env.dataDir, allowWeakIsolation: env.allowWeakIsolation, logger });
}
