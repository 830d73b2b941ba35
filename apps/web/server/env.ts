// The web app's one validated environment module (docs/conventions.md §3). Nothing else in
// apps/web reads process.env. The packages declare the variables they own (database, email,
// OAuth, sandbox, room secret); this module composes them with the app's own so start-up fails
// in one place, listing every problem.
import { aiEnv, type AiConfig } from "@interviewlm/ai";
import { oauthEnv, type OAuthEnv } from "@interviewlm/auth";
import { billingEnv, type BillingEnv } from "@interviewlm/core/billing";
import { dbEnv } from "@interviewlm/db";
import { emailEnv, type EmailEnv } from "@interviewlm/emails";
import { composeEnv, defineEnv, envFlag, envNodeEnv, envSecret, requireEnv, type EnvOf, type EnvSource } from "@interviewlm/infra/env";
import { roomSecretEnv } from "@interviewlm/realtime";
import { sandboxSecretEnv, sandboxUrlEnv } from "@interviewlm/sandbox/env";
import { z } from "zod";

const webOwnEnv = defineEnv(
  {
    NODE_ENV: envNodeEnv,
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("127.0.0.1"),
    /** Public URL of the app (links in emails, OAuth callbacks, allowed origin). */
    APP_URL: z.string().url().optional(),
    /**
     * Signs links such as candidate invitations. Required: `npm run dev` generates one into
     * .data/dev-secrets.json; production sets its own (e.g. `openssl rand -hex 32`).
     */
    APP_SECRET: envSecret,
    /** The APP_SECRET before a rotation: invitation links it signed keep working. */
    APP_SECRET_PREVIOUS: envSecret.optional(),
    /** Where browsers reach the live interview rooms (the PartyKit server). */
    ROOM_PUBLIC_URL: z.string().url().default("http://localhost:1999"),
    /** Where this app reaches the rooms to revoke a member's access at once; defaults to ROOM_PUBLIC_URL. */
    ROOM_INTERNAL_URL: z.string().url().optional(),
    /** Extra origins allowed to POST (comma-separated), e.g. a second domain. */
    ALLOWED_ORIGINS: z.string().optional(),
    /** Trust X-Forwarded-For from a reverse proxy for the client IP (rate limits, audit). */
    TRUST_PROXY: envFlag,
    /** Shows the dev mailbox even in production (never do this on a public deployment). */
    ENABLE_DEV_MAILBOX: envFlag,
    /** Bearer token a Prometheus scraper sends for GET /metrics; required in production. */
    METRICS_TOKEN: envSecret.optional(),
    /** Judge samples per rubric dimension (odd, 1–9): the median is kept, a wide spread flagged (docs/decisions/0140). */
    EVALUATION_JUDGE_SAMPLES: z.coerce
      .number()
      .int()
      .min(1)
      .max(9)
      .refine((n) => n % 2 === 1, "must be odd (the median of an even number of samples is not one of them)")
      .default(3),
  },
  {
    check(env, report) {
      if (env.NODE_ENV === "production" && !env.APP_URL) report("APP_URL", "is required in production (the public https:// URL of the app)");
      if (env.NODE_ENV === "production" && !env.METRICS_TOKEN) report("METRICS_TOKEN", "is required in production (the bearer token for GET /metrics)");
    },
    map: (env) => ({ ...env, APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "") }),
  },
);

function webEnvParts(source: EnvSource) {
  // Without the sandbox secret a development app still runs (interviews cannot start); in
  // production that would be a broken deployment, so start-up refuses.
  const sandboxSecret =
    source.NODE_ENV === "production"
      ? requireEnv(sandboxSecretEnv, ["SANDBOX_SERVICE_SECRET"], "is required in production (shared with the sandbox service)")
      : sandboxSecretEnv;
  // The rooms run the agent; the web app only needs to know whether it is on, to say so.
  // Production runs on PostgreSQL (PGlite is one process's embedded database) and delivers mail
  // (without a key it would sit in an outbox nobody reads, the dev mailbox being off).
  const production = source.NODE_ENV === "production";
  // An explicit PGLITE_DATA_DIR is a deliberate one-process embedded install (the e2e suite).
  const db =
    production && !source.PGLITE_DATA_DIR
      ? requireEnv(dbEnv, ["DATABASE_URL"], "is required in production (a PostgreSQL URL; or set PGLITE_DATA_DIR for a one-process embedded database)")
      : dbEnv;
  const email =
    production && !["1", "true", "yes"].includes(String(source.ENABLE_DEV_MAILBOX ?? ""))
      ? requireEnv(emailEnv, ["RESEND_API_KEY"], "is required in production (mail is delivered through Resend)")
      : emailEnv;
  return { web: webOwnEnv, db, email, oauth: oauthEnv, ai: aiEnv, billing: billingEnv, roomSecret: roomSecretEnv, sandboxUrl: sandboxUrlEnv, sandboxSecret };
}

export type WebEnv = EnvOf<typeof webOwnEnv> &
  EnvOf<typeof dbEnv> &
  EnvOf<typeof roomSecretEnv> &
  EnvOf<typeof sandboxUrlEnv> &
  EnvOf<typeof sandboxSecretEnv> & { email: EmailEnv; oauth: OAuthEnv; ai: AiConfig; billing: BillingEnv };

export function readWebEnv(source: EnvSource = process.env): WebEnv {
  const env = composeEnv(webEnvParts(source), source, "The web app's environment", "See .env.example for every variable.");
  return { ...env.web, ...env.db, ...env.roomSecret, ...env.sandboxUrl, ...env.sandboxSecret, email: env.email, oauth: env.oauth, ai: env.ai, billing: env.billing };
}
