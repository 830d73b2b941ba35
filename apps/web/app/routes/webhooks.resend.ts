// Resend delivery events (delivered, bounced, complained) → outbox status.
// Verified with the Svix signature on the raw body; non-2xx makes Resend retry.
import { applyResendWebhookEvent, ResendWebhookVerificationError, verifyResendWebhook } from "@interviewlm/emails";
import type { ActionFunctionArgs } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  const secret = context.services.env.email.RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response("Resend webhooks are not configured (RESEND_WEBHOOK_SECRET).", { status: 404 });
  const rawBody = await request.text();
  let event;
  try {
    event = verifyResendWebhook(rawBody, Object.fromEntries(request.headers), secret);
  } catch (error) {
    if (error instanceof ResendWebhookVerificationError) return new Response(error.message, { status: 400 });
    throw error;
  }
  const result = await applyResendWebhookEvent(context.services.db.prisma, event);
  return Response.json(result);
}

export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
