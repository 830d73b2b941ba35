// The web app's one validated environment module (CONVENTIONS §3). Nothing else in
// apps/web reads process.env.
import { z } from "zod";

const optional = z.string().trim().min(1).optional();
const flag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    /** Public URL of the app (links in emails, OAuth callbacks, allowed origin). */
    APP_URL: z.string().url().optional(),
    /** Extra origins allowed to POST (comma-separated), e.g. a second domain. */
    ALLOWED_ORIGINS: z.string().optional(),
    /** Trust X-Forwarded-For from a reverse proxy for the client IP (rate limits, audit). */
    TRUST_PROXY: flag,
    DATABASE_URL: z.string().url().optional(),
    PGLITE_DATA_DIR: optional,
    RESEND_API_KEY: optional,
    RESEND_BASE_URL: z.string().url().optional(),
    RESEND_WEBHOOK_SECRET: optional,
    EMAIL_FROM: optional,
    GITHUB_CLIENT_ID: optional,
    GITHUB_CLIENT_SECRET: optional,
    GITHUB_OAUTH_BASE_URL: z.string().url().optional(),
    GITHUB_API_BASE_URL: z.string().url().optional(),
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    GOOGLE_AUTH_URL: z.string().url().optional(),
    GOOGLE_TOKEN_URL: z.string().url().optional(),
    GOOGLE_USERINFO_URL: z.string().url().optional(),
    /** Shows the dev mailbox even in production (never do this on a public deployment). */
    ENABLE_DEV_MAILBOX: flag,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "is required in production (the public https:// URL of the app)" });
    }
    if (Boolean(env.GITHUB_CLIENT_ID) !== Boolean(env.GITHUB_CLIENT_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GITHUB_CLIENT_SECRET"], message: "GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET go together" });
    }
    if (Boolean(env.GOOGLE_CLIENT_ID) !== Boolean(env.GOOGLE_CLIENT_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["GOOGLE_CLIENT_SECRET"], message: "GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET go together" });
    }
  });

export type WebEnv = z.infer<typeof EnvSchema> & { APP_URL: string };

export function readWebEnv(source: NodeJS.ProcessEnv = process.env): WebEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`The web app's environment is not valid:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const env = parsed.data;
  return { ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") };
}
