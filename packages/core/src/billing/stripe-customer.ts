// The organisation's Stripe customer: created with its first checkout, deleted with the
// organisation (docs/decisions/0170). Deleting it makes Stripe forget the name, billing address,
// tax ids and saved payment methods the buyer typed on the hosted page; the invoices already
// issued stay in Stripe's records, as tax law requires of the seller.
import type { CoreDeps } from "../shared/deps.ts";
import type { BillingDeps } from "./config.ts";
import { ensureCreditAccount } from "./ledger.ts";

export async function ensureStripeCustomer(deps: CoreDeps, billing: BillingDeps, organizationId: string): Promise<string> {
  await ensureCreditAccount(deps.db, organizationId);
  const account = await deps.db.creditAccount.findUniqueOrThrow({ where: { organizationId }, select: { stripeCustomerId: true } });
  if (account.stripeCustomerId) return account.stripeCustomerId;
  const organization = await deps.db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } });
  // The key makes two concurrent first clicks get the same customer from Stripe.
  const customer = await billing.stripe.customers.create(
    { name: organization.name, metadata: { organizationId } },
    { idempotencyKey: `customer:${organizationId}` },
  );
  await deps.db.creditAccount.updateMany({ where: { organizationId, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  return (await deps.db.creditAccount.findUniqueOrThrow({ where: { organizationId }, select: { stripeCustomerId: true } })).stripeCustomerId ?? customer.id;
}

/** Stripe answers "No such customer" for one that is already deleted. */
function isMissingResource(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "resource_missing";
}

/**
 * Deletes the customer in Stripe. Idempotent: a customer already gone (an earlier attempt whose
 * database transaction did not follow) counts as deleted. Any other failure is thrown.
 */
export async function deleteStripeCustomer(billing: BillingDeps, customerId: string): Promise<void> {
  try {
    await billing.stripe.customers.del(customerId);
  } catch (error) {
    if (!isMissingResource(error)) throw error;
  }
}
