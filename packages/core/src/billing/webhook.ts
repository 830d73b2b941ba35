// Stripe webhooks (docs/conventions.md §8, ADR 0091): the signature is verified on the raw body,
// only the events below are handled, each event id is applied at most once (recorded in the
// transaction that applies it), and credits are keyed by checkout session, so replays and
// out-of-order deliveries grant exactly once. A failure answers non-2xx and Stripe retries.
import { recordAudit } from "../audit/audit-log.ts";
import type { Tx } from "@interviewlm/db";
import type Stripe from "stripe";
import { nowOf, type CoreDeps } from "../shared/deps.ts";
import { badRequest, DomainError } from "../shared/errors.ts";
import { requireBilling } from "./checkout.ts";
import { applyCreditEntry, isAlreadyApplied } from "./ledger.ts";
import { findCreditPack, packPriceCents } from "./schemas.ts";

export const HANDLED_STRIPE_EVENTS = ["checkout.session.completed", "checkout.session.async_payment_succeeded", "charge.refunded"] as const;
type HandledType = (typeof HANDLED_STRIPE_EVENTS)[number];

export interface WebhookOutcome {
  eventId: string;
  type: string;
  /** applied: changed something · recorded: handled, nothing to change · duplicate · ignored: type not handled */
  result: "applied" | "recorded" | "duplicate" | "ignored";
}

const isHandled = (type: string): type is HandledType => (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);

export async function handleStripeWebhook(deps: CoreDeps, rawBody: string | Buffer, signature: string | null): Promise<WebhookOutcome> {
  const billing = requireBilling(deps);
  let event: Stripe.Event;
  try {
    event = await billing.stripe.webhooks.constructEventAsync(rawBody, signature ?? "", billing.webhookSecret);
  } catch (error) {
    throw badRequest(`Stripe signature verification failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const outcome = (result: WebhookOutcome["result"]): WebhookOutcome => ({ eventId: event.id, type: event.type, result });
  if (!isHandled(event.type)) return outcome("ignored");
  if (await deps.db.stripeWebhookEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return outcome("duplicate");
  try {
    const changed =
      event.type === "charge.refunded"
        ? await applyRefund(deps, event, event.data.object as Stripe.Charge)
        : await applyCheckout(deps, billing.stripe, event, (event.data.object as Stripe.Checkout.Session).id);
    return outcome(changed ? "applied" : "recorded");
  } catch (error) {
    // A concurrent delivery (of this event, or of the session's other event) got there first
    // and this transaction rolled back: answer non-2xx so Stripe retries; the retry dedupes.
    if (isAlreadyApplied(error)) throw new DomainError("UNAVAILABLE", `Stripe event ${event.id} raced another delivery; retry.`);
    throw error;
  }
}

async function recordEvent(tx: Tx, event: Stripe.Event): Promise<void> {
  await tx.stripeWebhookEvent.create({ data: { id: event.id, type: event.type } });
}

async function applyCheckout(deps: CoreDeps, stripe: Stripe, event: Stripe.Event, sessionId: string): Promise<boolean> {
  // The session as Stripe has it now (not as the event saw it), with the invoice and receipt.
  const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["invoice", "payment_intent.latest_charge"] });
  if (session.payment_status !== "paid") {
    // e.g. a bank debit still clearing: async_payment_succeeded will follow.
    await deps.db.$transaction((tx) => recordEvent(tx, event));
    return false;
  }
  const { organizationId, pack } = await requireKnownPurchase(deps, session);
  const invoice = typeof session.invoice === "object" ? session.invoice : null;
  const paymentIntent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  const charge = paymentIntent && typeof paymentIntent.latest_charge === "object" ? paymentIntent.latest_charge : null;
  const now = nowOf(deps);

  return deps.db.$transaction(async (tx) => {
    await recordEvent(tx, event);
    const purchase = await tx.creditPurchase.upsert({
      where: { checkoutSessionId: session.id },
      create: { organizationId, packId: pack.id, credits: pack.credits, amountCents: packPriceCents(pack), currency: session.currency ?? "usd", checkoutSessionId: session.id },
      update: {},
      select: { id: true, createdById: true },
    });
    // Completed and async_payment_succeeded of one session race here; the row lock orders them.
    const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "CreditPurchase" WHERE "id" = ${purchase.id} FOR UPDATE`;
    if (locked?.status !== "OPEN") return false;
    await tx.creditPurchase.update({
      where: { id: purchase.id },
      data: {
        status: "PAID",
        paidAt: now,
        paymentIntentId: paymentIntent?.id ?? (typeof session.payment_intent === "string" ? session.payment_intent : null),
        invoiceId: invoice?.id ?? (typeof session.invoice === "string" ? session.invoice : null),
        invoiceUrl: invoice?.hosted_invoice_url ?? null,
        receiptUrl: charge?.receipt_url ?? null,
      },
    });
    await applyCreditEntry(tx, {
      organizationId,
      kind: "PURCHASE",
      amount: pack.credits,
      causeType: "STRIPE_EVENT",
      causeId: event.id,
      idempotencyKey: `checkout:${session.id}`,
      purchaseId: purchase.id,
      note: `${pack.name} pack: ${pack.credits} credits`,
    });
    // New credits: the next low balance deserves a new email.
    await tx.creditAccount.update({ where: { organizationId }, data: { lowBalanceNotifiedAt: null } });
    // Paid through Stripe, on behalf of the member who started the checkout.
    await recordAudit(tx, {
      organizationId,
      actorUserId: purchase.createdById,
      action: "billing.credits_purchased",
      targetType: "credit_purchase",
      targetId: purchase.id,
      metadata: { packId: pack.id, credits: pack.credits, amountCents: packPriceCents(pack), stripeEventId: event.id },
    });
    return true;
  });
}

/** The session must name one of our packs at its price, for an organisation that exists. */
async function requireKnownPurchase(deps: CoreDeps, session: Stripe.Checkout.Session) {
  const pack = findCreditPack(session.metadata?.packId ?? "");
  const organizationId = session.metadata?.organizationId ?? "";
  if (!pack) throw badRequest(`Checkout session ${session.id} names an unknown pack "${session.metadata?.packId ?? ""}"; no credits granted.`);
  if (session.amount_total !== packPriceCents(pack) || (session.currency ?? "").toLowerCase() !== "usd") {
    throw badRequest(`Checkout session ${session.id} charged ${session.amount_total} ${session.currency}, not the ${pack.name} pack's price; no credits granted.`);
  }
  const organization = await deps.db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!organization) throw badRequest(`Checkout session ${session.id} names an unknown organisation "${organizationId}".`);
  return { organizationId, pack };
}

/**
 * A refund removes the unused part of the pack: the share of its credits the refunded amount
 * stands for, but never credits already reserved or used (those stay, and the note says so).
 * `amount_refunded` is cumulative, so an older event replayed late removes nothing more.
 */
async function applyRefund(deps: CoreDeps, event: Stripe.Event, charge: Stripe.Charge): Promise<boolean> {
  const paymentIntentId = typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const known = paymentIntentId ? await deps.db.creditPurchase.findUnique({ where: { paymentIntentId }, select: { id: true } }) : null;
  // Out of order: the refund came before the payment was recorded. Stripe retries on non-2xx.
  if (!known) throw new DomainError("UNAVAILABLE", `Charge ${charge.id} has no recorded purchase yet; retry later.`);

  return deps.db.$transaction(async (tx) => {
    await recordEvent(tx, event);
    const [purchase] = await tx.$queryRaw<{ organizationId: string; credits: number; amountCents: number; refundedCents: number; creditsRemoved: number; packId: string }[]>`
      SELECT "organizationId", "credits", "amountCents", "refundedCents", "creditsRemoved", "packId"
        FROM "CreditPurchase" WHERE "id" = ${known.id} FOR UPDATE`;
    if (!purchase || charge.amount_refunded <= purchase.refundedCents) return false;
    const [account] = await tx.$queryRaw<{ available: number }[]>`
      SELECT "available" FROM "CreditAccount" WHERE "organizationId" = ${purchase.organizationId} FOR UPDATE`;
    const owed = Math.min(purchase.credits, Math.ceil((purchase.credits * charge.amount_refunded) / purchase.amountCents));
    const toRemove = Math.max(0, owed - purchase.creditsRemoved);
    const removed = Math.min(toRemove, Number(account?.available ?? 0));
    const kept = toRemove - removed;
    const dollars = (charge.amount_refunded / 100).toFixed(2);
    await applyCreditEntry(tx, {
      organizationId: purchase.organizationId,
      kind: "REFUND",
      amount: -removed,
      causeType: "STRIPE_EVENT",
      causeId: event.id,
      idempotencyKey: `refund:${charge.id}:${charge.amount_refunded}`,
      purchaseId: known.id,
      note:
        `Refund of $${dollars} on the ${purchase.packId} pack: ${removed} unused credit${removed === 1 ? "" : "s"} removed` +
        (kept > 0 ? `; ${kept} already reserved or used stay` : ""),
    });
    await tx.creditPurchase.update({
      where: { id: known.id },
      data: { status: "REFUNDED", refundedCents: charge.amount_refunded, creditsRemoved: purchase.creditsRemoved + removed },
    });
    await recordAudit(tx, {
      organizationId: purchase.organizationId,
      action: "billing.credits_refunded",
      targetType: "credit_purchase",
      targetId: known.id,
      metadata: { packId: purchase.packId, refundedCents: charge.amount_refunded, creditsRemoved: removed, stripeEventId: event.id },
    });
    return true;
  });
}
