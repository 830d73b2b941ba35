// Builds webhook requests the way Resend (through Svix) sends them, so tests
// can drive a webhook endpoint: a realistic event body and its signature headers.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import type { AcceptedEmail } from "./resend-server.ts";

/** A fresh `whsec_…` secret, as Resend shows for a new webhook endpoint. */
export function createWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export interface SignedWebhook {
  body: string;
  headers: { "svix-id": string; "svix-timestamp": string; "svix-signature": string; "content-type": string };
}

export function signResendWebhook(
  payload: unknown,
  secret: string,
  options: { id?: string; timestamp?: Date } = {},
): SignedWebhook {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const id = options.id ?? `msg_${randomUUID().replaceAll("-", "")}`;
  const timestamp = String(Math.floor((options.timestamp ?? new Date()).getTime() / 1000));
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const signature = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64");
  return {
    body,
    headers: { "svix-id": id, "svix-timestamp": timestamp, "svix-signature": `v1,${signature}`, "content-type": "application/json" },
  };
}

export type ResendEmailEventType =
  | "email.sent"
  | "email.delivered"
  | "email.delivery_delayed"
  | "email.complained"
  | "email.bounced"
  | "email.opened"
  | "email.clicked"
  | "email.failed"
  | "email.suppressed";

/** The event Resend would post about a message the test server accepted. */
export function buildResendEmailEvent(
  email: Pick<AcceptedEmail, "id" | "from" | "to" | "subject" | "tags">,
  type: ResendEmailEventType,
  extra: Record<string, unknown> = {},
) {
  const now = new Date().toISOString();
  const details: Record<string, unknown> =
    type === "email.bounced"
      ? { bounce: { message: "The recipient's mailbox does not exist.", subType: "General", type: "Permanent" } }
      : type === "email.failed"
        ? { failed: { reason: "reached_daily_quota" } }
        : type === "email.suppressed"
          ? { suppressed: { message: "The address is on the suppression list.", type: "OnAccountSuppressionList" } }
          : {};
  return {
    type,
    created_at: now,
    data: {
      created_at: now,
      email_id: email.id,
      from: email.from,
      to: email.to,
      subject: email.subject,
      tags: Object.fromEntries((email.tags ?? []).map((t) => [t.name, t.value])),
      ...details,
      ...extra,
    },
  };
}
