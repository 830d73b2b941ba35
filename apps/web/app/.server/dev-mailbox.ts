// The dev mailbox reads the email outbox directly: a development tool, not a product page, so it
// has no tRPC procedure (a procedure would be reachable by every signed-in user). Its pages
// stay out of the database and go through these helpers, which check the switch first.
import { getOutboxMessage, listOutbox } from "@interviewlm/emails";
import type { AppLoadContext } from "@remix-run/node";

/** The dev mailbox shows every organisation's mail: only where it is switched on. */
export function requireDevMailbox(context: AppLoadContext): void {
  if (!context.services.devMailbox) throw new Response("Not found", { status: 404 });
}

export async function readDevMailbox(context: AppLoadContext, to: string | undefined) {
  requireDevMailbox(context);
  const messages = await listOutbox(context.services.db.prisma, { to, limit: 100 });
  return { messages, delivering: Boolean(context.services.env.email.RESEND_API_KEY) };
}

export async function readDevMailboxMessage(context: AppLoadContext, id: string) {
  requireDevMailbox(context);
  return getOutboxMessage(context.services.db.prisma, id);
}
