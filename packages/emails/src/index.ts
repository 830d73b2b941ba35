// @interviewlm/emails — templates, the durable outbox and its delivery through Resend.
export type { EmailInput, EmailTemplateId } from "./templates/registry.ts";
export { emailTemplates } from "./templates/registry.ts";
export { renderEmail, type RenderedEmail } from "./render-email.tsx";
export { dataRetentionNotice } from "./templates/assessment-invitation.tsx";
export { EmailInputError, ResendWebhookVerificationError } from "./errors.ts";
export { queueEmail, type QueueEmailOptions } from "./outbox/queue-email.ts";
export {
  deliverDueEmails,
  type DeliverDueEmailsDeps,
  type DeliveryPassResult,
  type ResendLike,
} from "./outbox/deliver-due-emails.ts";
export { MAX_DELIVERY_ATTEMPTS } from "./outbox/delivery-policy.ts";
export { startOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from "./outbox/outbox-worker.ts";
export {
  getOutboxMessage,
  listOutbox,
  type OutboxFilter,
  type OutboxMessage,
  type OutboxMessageSummary,
} from "./outbox/mailbox.ts";
export {
  verifyResendWebhook,
  type VerifyResendWebhookOptions,
  type WebhookHeaders,
} from "./webhooks/verify-resend-webhook.ts";
export { applyResendWebhookEvent, type WebhookApplyResult } from "./webhooks/apply-resend-webhook-event.ts";
export type { ResendWebhookEvent } from "./webhooks/resend-webhook-event.ts";
export { DEFAULT_EMAIL_FROM, emailEnv, readEmailEnv, type EmailEnv } from "./env.ts";
