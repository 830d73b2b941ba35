import type { Db, EmailStatus } from "@interviewlm/db";
import { OUTBOX_ID_TAG } from "../outbox/deliver-due-emails.ts";
import type { ResendWebhookEvent } from "./resend-webhook-event.ts";

interface Transition {
  to: EmailStatus;
  /** Only rows in these states move: webhooks arrive late, twice and out of order, and must never undo a later outcome. */
  from: EmailStatus[];
  lastError?: string;
}

const notYetDelivered: EmailStatus[] = ["QUEUED", "SENDING", "SENT"];

/** Which status each handled event leads to; unlisted event types are acknowledged and ignored. */
function transitionFor(event: ResendWebhookEvent): Transition | null {
  const { data } = event;
  switch (event.type) {
    case "email.sent":
      return { to: "SENT", from: ["QUEUED", "SENDING"] };
    case "email.delivered":
      return { to: "DELIVERED", from: notYetDelivered };
    case "email.bounced": {
      const kind = [data.bounce?.type, data.bounce?.subType].filter(Boolean).join("/");
      const reason = data.bounce?.message ?? "The receiving server rejected the message";
      return { to: "BOUNCED", from: [...notYetDelivered, "DELIVERED"], lastError: `Bounced${kind ? ` (${kind})` : ""}: ${reason}` };
    }
    case "email.complained":
      // The message arrived; the recipient marked it as spam. There is no
      // status for that, so it stays DELIVERED with the complaint on record.
      return {
        to: "DELIVERED",
        from: [...notYetDelivered, "DELIVERED"],
        lastError: "Complaint: the recipient marked this message as spam",
      };
    case "email.failed":
      return { to: "FAILED", from: notYetDelivered, lastError: `Resend could not send it: ${data.failed?.reason ?? "no reason given"}` };
    case "email.suppressed":
      // Resend refused because the address bounced or complained before.
      return {
        to: "BOUNCED",
        from: notYetDelivered,
        lastError: `Suppressed by Resend: ${data.suppressed?.message ?? data.suppressed?.type ?? "address is on the suppression list"}`,
      };
    default:
      return null;
  }
}

export type WebhookApplyResult =
  | { outcome: "updated"; messageId: string; status: EmailStatus }
  /** Already in that state or further along (duplicate or out-of-order delivery). */
  | { outcome: "unchanged"; messageId: string }
  /** Not an event the outbox tracks (opened, clicked, contact.*, …). */
  | { outcome: "ignored" }
  /** No outbox row for this email (sent by something else, or already deleted). */
  | { outcome: "unknown-message" };

/**
 * Records a verified Resend event on its outbox row, found by the provider's
 * email id or, when the event beats our own bookkeeping of the send, by the
 * `outbox_id` tag every message carries. Safe to apply twice.
 */
export async function applyResendWebhookEvent(db: Db, event: ResendWebhookEvent): Promise<WebhookApplyResult> {
  const transition = transitionFor(event);
  if (!transition) return { outcome: "ignored" };

  const providerMessageId = event.data.email_id;
  const outboxId = event.data.tags?.[OUTBOX_ID_TAG];
  const lookup = [
    ...(providerMessageId ? [{ providerMessageId }] : []),
    ...(outboxId ? [{ id: outboxId }] : []),
  ];
  if (lookup.length === 0) return { outcome: "unknown-message" };
  const row = await db.emailMessage.findFirst({ where: { OR: lookup }, select: { id: true, providerMessageId: true } });
  if (!row) return { outcome: "unknown-message" };

  const updated = await db.emailMessage.updateMany({
    where: { id: row.id, status: { in: transition.from } },
    data: {
      status: transition.to,
      lockedUntil: null,
      ...(transition.lastError ? { lastError: transition.lastError } : {}),
      ...(!row.providerMessageId && providerMessageId ? { providerMessageId } : {}),
    },
  });
  return updated.count > 0 ? { outcome: "updated", messageId: row.id, status: transition.to } : { outcome: "unchanged", messageId: row.id };
}
