// The email package's variables; the web app composes this part into its environment.
import { defineEnv, readEnv, type EnvOf, type EnvSource } from "@interviewlm/infra/env";
import { z } from "zod";

export const DEFAULT_EMAIL_FROM = "InterviewLM <no-reply@interviewlm.local>";

// Accepts `ada@example.com` and `Ada Lovelace <ada@example.com>`, the two forms Resend takes.
const senderPattern = /^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/;

export const emailEnv = defineEnv({
  /** Without it nothing is sent: mail stays in the outbox and shows in the dev mailbox. */
  RESEND_API_KEY: z.string().min(1).optional(),
  /** Points the Resend client elsewhere (tests use a local server speaking Resend's API). */
  RESEND_BASE_URL: z.url().optional(),
  /** The sender of every message; must be on a domain verified in Resend for real delivery. */
  EMAIL_FROM: z
    .string()
    .regex(senderPattern, "must look like `name@domain` or `Name <name@domain>`")
    .default(DEFAULT_EMAIL_FROM),
  /** `whsec_…` signing secret of the Resend webhook endpoint; without it webhooks are refused. */
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]+$/, "must be the `whsec_…` signing secret shown by Resend")
    .optional(),
});

export type EmailEnv = EnvOf<typeof emailEnv>;

export function readEmailEnv(source: EnvSource): EmailEnv {
  return readEnv(emailEnv, source, "The email configuration");
}
