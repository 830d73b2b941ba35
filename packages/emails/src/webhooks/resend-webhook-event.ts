import { z } from "zod";
import { ResendWebhookVerificationError } from "../errors.ts";

// Resend has sent tags both as an object and as [{ name, value }]; accept both.
const tagsSchema = z
  .union([z.record(z.string(), z.string()), z.array(z.object({ name: z.string(), value: z.string() }))])
  .transform((tags) => (Array.isArray(tags) ? Object.fromEntries(tags.map((t) => [t.name, t.value])) : tags));

/** The fields of a Resend webhook the outbox reads; anything else is kept but not checked. */
export const ResendWebhookEventSchema = z.looseObject({
  type: z.string().min(1),
  created_at: z.string().optional(),
  data: z.looseObject({
    email_id: z.string().min(1).optional(),
    tags: tagsSchema.optional(),
    bounce: z.looseObject({ message: z.string().optional(), type: z.string().optional(), subType: z.string().optional() }).optional(),
    failed: z.looseObject({ reason: z.string().optional() }).optional(),
    suppressed: z.looseObject({ message: z.string().optional(), type: z.string().optional() }).optional(),
  }),
});

export type ResendWebhookEvent = z.infer<typeof ResendWebhookEventSchema>;

export function parseResendWebhookEvent(payload: unknown): ResendWebhookEvent {
  const parsed = ResendWebhookEventSchema.safeParse(payload);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ResendWebhookVerificationError(`Webhook body is not a Resend event (${problems})`);
  }
  return parsed.data;
}
