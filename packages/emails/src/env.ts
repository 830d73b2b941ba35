import { z } from "zod";

export const DEFAULT_EMAIL_FROM = "InterviewLM <no-reply@interviewlm.local>";

// Accepts `ada@example.com` and `Ada Lovelace <ada@example.com>`, the two forms Resend takes.
const senderPattern = /^(?:[^<>]*<\s*[^\s<>@]+@[^\s<>@]+\s*>|[^\s<>@]+@[^\s<>@]+)$/;

const EmailEnvSchema = z.object({
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

export type EmailEnv = z.infer<typeof EmailEnvSchema>;

export function readEmailEnv(source: Record<string, string | undefined> = process.env): EmailEnv {
  // Empty strings (as in a copied .env.example) mean "not set".
  const parsed = EmailEnvSchema.safeParse({
    RESEND_API_KEY: source.RESEND_API_KEY || undefined,
    RESEND_BASE_URL: source.RESEND_BASE_URL || undefined,
    EMAIL_FROM: source.EMAIL_FROM || undefined,
    RESEND_WEBHOOK_SECRET: source.RESEND_WEBHOOK_SECRET || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid email configuration:\n${problems}`);
  }
  return parsed.data;
}
