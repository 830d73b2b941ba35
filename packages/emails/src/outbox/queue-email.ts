import type { Db } from "@interviewlm/db";
import { DEFAULT_EMAIL_FROM } from "../env.ts";
import { renderValidatedEmail, validateEmailInput } from "../render-email.tsx";
import type { EmailInput } from "../templates/registry.ts";

export interface QueueEmailOptions {
  /** Sender: the process's EMAIL_FROM, handed down by the caller; the default sender without one. */
  from?: string | undefined;
}

/**
 * Renders the message now and stores it in the outbox (status QUEUED); the
 * worker delivers it later. Rendering up front means the row is exactly what
 * will be sent (and what the dev mailbox shows), and a template bug fails the
 * caller's request instead of a background job. Pass the transaction client
 * to enqueue atomically with the caller's own writes.
 */
export async function queueEmail(
  db: Db,
  input: EmailInput,
  options: QueueEmailOptions = {},
): Promise<{ id: string }> {
  const email = validateEmailInput(input);
  const rendered = await renderValidatedEmail(email);
  const row = await db.emailMessage.create({
    data: {
      organizationId: email.organizationId,
      template: email.template.id,
      toAddress: email.to,
      fromAddress: options.from ?? DEFAULT_EMAIL_FROM,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
    },
    select: { id: true },
  });
  return row;
}
