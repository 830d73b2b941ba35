// The sandbox service's connection variables, declared once for the three processes that use
// them: the service checks callers' tokens with the secret; the web app and the rooms sign their
// tokens with it and reach the service at SANDBOX_URL. Each process decides whether it insists.
import { defineEnv, envBaseUrl, envSecret } from "@interviewlm/infra/env";
import { z } from "zod";

export const DEFAULT_SANDBOX_URL = "http://127.0.0.1:4100";

export const sandboxSecretEnv = defineEnv({
  /** Shared by the sandbox service, the web app and the rooms. */
  SANDBOX_SERVICE_SECRET: envSecret.optional(),
  /** The secret before a rotation: service tokens it signed still verify (read by the sandbox service). */
  SANDBOX_SERVICE_SECRET_PREVIOUS: envSecret.optional(),
});

export const sandboxUrlEnv = defineEnv({
  /** Where the web app and the rooms reach the sandbox service. */
  SANDBOX_URL: envBaseUrl.default(DEFAULT_SANDBOX_URL),
});

/** Modal credentials, read by the sandbox service when SANDBOX_PROVIDER=modal. */
export const modalEnv = defineEnv({
  SANDBOX_MODAL_APP: z.string().min(1).default("interviewlm-sandbox"),
  MODAL_TOKEN_ID: z.string().min(1).optional(),
  MODAL_TOKEN_SECRET: z.string().min(1).optional(),
  MODAL_ENVIRONMENT: z.string().min(1).optional(),
});
