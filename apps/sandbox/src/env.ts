import { fileURLToPath } from "node:url";
import { composeEnv, defineEnv, envFlag, envNodeEnv, requireEnv, type EnvSource } from "@interviewlm/infra/env";
import { modalEnv, sandboxSecretEnv } from "@interviewlm/sandbox/env";
import { z } from "zod";

// The sandbox service's configuration, validated at start-up. Nothing else reads process.env.
// The connection secret and Modal credentials are declared by packages/sandbox.

/**
 * Development-only shared secret, so `npm run dev` works without setup. Refused when
 * NODE_ENV=production. The web app and the PartyKit room use the same default in development.
 */
export const DEV_SERVICE_SECRET = "interviewlm-dev-sandbox-secret-do-not-use-in-production";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.data/sandbox", import.meta.url));

const serviceOwnEnv = defineEnv({
  NODE_ENV: envNodeEnv,
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  SANDBOX_PROVIDER: z.enum(["local", "modal"]).default("local"),
  SANDBOX_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  SANDBOX_IDLE_TTL_SECONDS: z.coerce.number().int().positive().default(1800),
  SANDBOX_ALLOW_WEAK_ISOLATION: envFlag,
});

function serviceEnvParts(source: EnvSource) {
  return {
    service: serviceOwnEnv,
    secret:
      source.NODE_ENV === "production"
        ? requireEnv(sandboxSecretEnv, ["SANDBOX_SERVICE_SECRET"], "is required in production")
        : sandboxSecretEnv,
    modal:
      source.SANDBOX_PROVIDER === "modal"
        ? requireEnv(modalEnv, ["MODAL_TOKEN_ID", "MODAL_TOKEN_SECRET"], "is required when SANDBOX_PROVIDER=modal")
        : modalEnv,
  };
}

export interface SandboxServiceEnv {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  serviceSecret: string;
  /** Verifies tokens signed before a rotation of SANDBOX_SERVICE_SECRET. */
  previousServiceSecret: string | undefined;
  usingDevSecret: boolean;
  provider: "local" | "modal";
  dataDir: string;
  idleTtlSeconds: number;
  allowWeakIsolation: boolean;
  modal: { appName: string; tokenId: string | undefined; tokenSecret: string | undefined; environment: string | undefined };
}

export function loadEnv(source: EnvSource = process.env): SandboxServiceEnv {
  const { service, secret, modal } = composeEnv(serviceEnvParts(source), source, "The sandbox service's environment");
  return {
    nodeEnv: service.NODE_ENV,
    port: service.SANDBOX_PORT,
    host: service.SANDBOX_HOST,
    serviceSecret: secret.SANDBOX_SERVICE_SECRET ?? DEV_SERVICE_SECRET,
    previousServiceSecret: secret.SANDBOX_SERVICE_SECRET_PREVIOUS,
    usingDevSecret: !secret.SANDBOX_SERVICE_SECRET,
    provider: service.SANDBOX_PROVIDER,
    dataDir: service.SANDBOX_DATA_DIR,
    idleTtlSeconds: service.SANDBOX_IDLE_TTL_SECONDS,
    allowWeakIsolation: service.SANDBOX_ALLOW_WEAK_ISOLATION,
    modal: { appName: modal.SANDBOX_MODAL_APP, tokenId: modal.MODAL_TOKEN_ID, tokenSecret: modal.MODAL_TOKEN_SECRET, environment: modal.MODAL_ENVIRONMENT },
  };
}
