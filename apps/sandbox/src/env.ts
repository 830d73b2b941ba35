import { fileURLToPath } from "node:url";
import { z } from "zod";

// The sandbox service's configuration, validated at start-up. Nothing else reads process.env.

/**
 * Development-only shared secret, so `npm run dev` works without setup. Refused when
 * NODE_ENV=production. The web app and the PartyKit room use the same default in development.
 */
export const DEV_SERVICE_SECRET = "interviewlm-dev-sandbox-secret-do-not-use-in-production";

const DEFAULT_DATA_DIR = fileURLToPath(new URL("../../../.data/sandbox", import.meta.url));

const flag = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
    SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
    SANDBOX_SERVICE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** The secret before a rotation: tokens it signed are still accepted until they expire. */
    // An empty value (a copied .env.example) means unset.
    SANDBOX_SERVICE_SECRET_PREVIOUS: z.union([z.literal("").transform(() => undefined), z.string().min(32, "must be at least 32 characters")]).optional(),
    SANDBOX_PROVIDER: z.enum(["local", "modal"]).default("local"),
    SANDBOX_DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
    SANDBOX_IDLE_TTL_SECONDS: z.coerce.number().int().positive().default(1800),
    SANDBOX_ALLOW_WEAK_ISOLATION: flag,
    SANDBOX_MODAL_APP: z.string().min(1).default("interviewlm-sandbox"),
    MODAL_TOKEN_ID: z.string().min(1).optional(),
    MODAL_TOKEN_SECRET: z.string().min(1).optional(),
    MODAL_ENVIRONMENT: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SANDBOX_SERVICE_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SANDBOX_SERVICE_SECRET"], message: "is required in production" });
    }
    if (env.SANDBOX_PROVIDER === "modal") {
      for (const key of ["MODAL_TOKEN_ID", "MODAL_TOKEN_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when SANDBOX_PROVIDER=modal" });
      }
    }
  });

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

export function loadEnv(source: Record<string, string | undefined> = process.env): SandboxServiceEnv {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid sandbox service environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    nodeEnv: env.NODE_ENV,
    port: env.SANDBOX_PORT,
    host: env.SANDBOX_HOST,
    serviceSecret: env.SANDBOX_SERVICE_SECRET ?? DEV_SERVICE_SECRET,
    previousServiceSecret: env.SANDBOX_SERVICE_SECRET_PREVIOUS,
    usingDevSecret: !env.SANDBOX_SERVICE_SECRET,
    provider: env.SANDBOX_PROVIDER,
    dataDir: env.SANDBOX_DATA_DIR,
    idleTtlSeconds: env.SANDBOX_IDLE_TTL_SECONDS,
    allowWeakIsolation: env.SANDBOX_ALLOW_WEAK_ISOLATION,
    modal: { appName: env.SANDBOX_MODAL_APP, tokenId: env.MODAL_TOKEN_ID, tokenSecret: env.MODAL_TOKEN_SECRET, environment: env.MODAL_ENVIRONMENT },
  };
}
