// Stripe events → credits (docs/decisions/0091). The signature is verified on the raw bytes
// inside core; a refused or failed event answers non-2xx (400 for a bad signature or an unknown
// pack, 503 to be retried), so Stripe keeps it and nothing is lost.
import { httpStatusOf } from "@interviewlm/api/errors";
import { DomainError } from "@interviewlm/core";
import { handleStripeWebhook } from "@interviewlm/core/billing";
import type { ActionFunctionArgs } from "@remix-run/node";

export async function action({ request, context }: ActionFunctionArgs) {
  const deps = context.services.deps;
  if (!deps.billing) return new Response("Billing is off on this installation (no STRIPE_SECRET_KEY).", { status: 404 });
  const rawBody = Buffer.from(await request.arrayBuffer());
  try {
    return Response.json(await handleStripeWebhook(deps, rawBody, request.headers.get("stripe-signature")));
  } catch (error) {
    if (error instanceof DomainError) return new Response(error.message, { status: httpStatusOf(error) });
    throw error;
  }
}

export const loader = () => new Response("Method not allowed", { status: 405, headers: { Allow: "POST" } });
