// Buying a pack: one Stripe customer per organisation, one Checkout session per click (a
// one-time payment with an invoice, tax ids collected). Nothing is granted here: credits come
// only from the verified webhook (webhook.ts), so a closed tab or a forged redirect gains nothing.
import { recordAudit } from "../audit/audit-log.ts";
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import { nowOf, type CoreDeps, type OrgActor } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { requirePermission } from "../shared/permissions.ts";
import type { BillingDeps } from "./config.ts";
import { BILLING_PATH } from "./reservations.ts";
import { ensureStripeCustomer } from "./stripe-customer.ts";
import { findCreditPack, packPriceCents, StartCheckoutInput, type CreditPack } from "./schemas.ts";

export const CHECKOUT_CURRENCY = "usd";

export function requireBilling(deps: Pick<CoreDeps, "billing">): BillingDeps {
  if (!deps.billing) throw new DomainError("PRECONDITION_FAILED", "Billing is off on this installation (no STRIPE_SECRET_KEY): credits are not needed and nothing can be bought.");
  return deps.billing;
}

/** Stripe's errors carry a message meant for developers; the user gets a clear retryable one. */
function stripeUnavailable(error: unknown): DomainError {
  const detail = error instanceof Error ? error.message : String(error);
  return new DomainError("UNAVAILABLE", `Stripe could not open the checkout (${detail}). Nothing was charged; try again in a moment.`);
}

function sessionParams(deps: CoreDeps, organizationId: string, customer: string, pack: CreditPack): Stripe.Checkout.SessionCreateParams {
  const metadata = { organizationId, packId: pack.id, credits: String(pack.credits) };
  const description = `InterviewLM ${pack.name} pack: ${pack.credits} assessment credits`;
  return {
    mode: "payment",
    customer,
    client_reference_id: organizationId,
    line_items: [
      {
        quantity: 1,
        price_data: { currency: CHECKOUT_CURRENCY, unit_amount: packPriceCents(pack), tax_behavior: "exclusive", product_data: { name: description } },
      },
    ],
    invoice_creation: { enabled: true, invoice_data: { description, metadata } },
    billing_address_collection: "required",
    tax_id_collection: { enabled: true },
    customer_update: { name: "auto", address: "auto" },
    metadata,
    payment_intent_data: { metadata, description },
    success_url: `${deps.appUrl}${BILLING_PATH}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${deps.appUrl}${BILLING_PATH}?checkout=cancelled`,
  };
}

/** Opens a Checkout session for the pack and returns where to send the browser. */
export async function startCheckout(deps: CoreDeps, actor: OrgActor, rawInput: StartCheckoutInput): Promise<{ url: string; purchaseId: string }> {
  requirePermission(actor, "billing:manage");
  const billing = requireBilling(deps);
  const pack = findCreditPack(StartCheckoutInput.parse(rawInput).packId)!;
  let session: Stripe.Checkout.Session;
  try {
    const customer = await ensureStripeCustomer(deps, billing, actor.organizationId);
    session = await billing.stripe.checkout.sessions.create(sessionParams(deps, actor.organizationId, customer, pack), { idempotencyKey: `checkout:${randomUUID()}` });
  } catch (error) {
    throw stripeUnavailable(error);
  }
  if (!session.url) throw stripeUnavailable(new Error(`checkout session ${session.id} has no url`));
  const purchase = await deps.db.creditPurchase.create({
    data: {
      organizationId: actor.organizationId,
      packId: pack.id,
      credits: pack.credits,
      amountCents: packPriceCents(pack),
      currency: CHECKOUT_CURRENCY,
      checkoutSessionId: session.id,
      createdById: actor.userId,
      createdAt: nowOf(deps),
    },
    select: { id: true },
  });
  await recordAudit(deps.db, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "billing.checkout_started",
    targetType: "credit_purchase",
    targetId: purchase.id,
    metadata: { packId: pack.id, credits: pack.credits, amountCents: packPriceCents(pack) },
    ipAddress: actor.ipAddress,
  });
  return { url: session.url, purchaseId: purchase.id };
}
