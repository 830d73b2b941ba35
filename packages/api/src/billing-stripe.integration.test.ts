// Buying credits through stripe-node against a local server speaking Stripe's REST protocol,
// and the webhook handler fed events signed exactly as Stripe signs them (ADR 0091).
import { applyCreditEntry, createStripeClient, handleStripeWebhook, startCheckout, type BillingDeps } from "@interviewlm/core/billing";
import { startStripeTestServer, type StripeTestServer } from "@interviewlm/core/billing/testing";
import { DomainError, type OrgActor } from "@interviewlm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "./testing/index.ts";

const SECRET_KEY = "sk_test_billing0123456789";
const WEBHOOK_SECRET = "whsec_billing0123456789abcdefghijklmnop";
let stripeServer: StripeTestServer;
let billing: BillingDeps;
let h: Harness;

beforeAll(async () => {
  stripeServer = await startStripeTestServer({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
  billing = { stripe: createStripeClient(SECRET_KEY, stripeServer.url), webhookSecret: WEBHOOK_SECRET };
  h = await createHarness({ billing });
});
afterAll(async () => {
  await h.close();
  await stripeServer.close();
});

let orgs = 0;
async function newOwner(): Promise<OrgActor> {
  orgs += 1;
  const owner = await h.signUpVerified({ name: `Buyer ${orgs}`, email: `buyer${orgs}@stripe.test`, organizationName: `Buyer ${orgs}` });
  return { userId: owner.userId, organizationId: owner.organizationId, role: "OWNER" };
}

const available = async (organizationId: string) => (await h.db.prisma.creditAccount.findUniqueOrThrow({ where: { organizationId } })).available;
const sessionIdOf = (url: string) => url.split("/checkout/")[1]!;
const webhook = (event: { payload: string; signature: string }) => handleStripeWebhook(h.deps, event.payload, event.signature);

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe("opening a checkout", () => {
  it("creates one customer per organisation and a one-time payment session with an invoice, through Stripe's wire protocol", async () => {
    const owner = await newOwner();
    const first = await startCheckout(h.deps, owner, { packId: "starter" });
    await startCheckout(h.deps, owner, { packId: "team" });
    expect(first.url).toMatch(new RegExp(`^${stripeServer.url}/checkout/cs_test_`));
    const session = stripeServer.session(sessionIdOf(first.url))!;
    expect(session).toMatchObject({ mode: "payment", amount_total: 39_000, currency: "usd", client_reference_id: owner.organizationId, metadata: { organizationId: owner.organizationId, packId: "starter", credits: "10" } });
    expect(session.invoice_creation).toMatchObject({ enabled: "true" });
    const posts = stripeServer.requests.filter((r) => r.method === "POST");
    expect(posts.filter((r) => r.path === "/v1/customers")).toHaveLength(1);
    for (const request of posts) {
      expect(request.stripeVersion).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(request.idempotencyKey).toBeTruthy();
    }
    const purchases = await h.db.prisma.creditPurchase.findMany({ where: { organizationId: owner.organizationId }, select: { packId: true, status: true, amountCents: true } });
    expect(purchases).toEqual(expect.arrayContaining([{ packId: "starter", status: "OPEN", amountCents: 39_000 }, { packId: "team", status: "OPEN", amountCents: 175_000 }]));
  });

  it("refuses a pack that does not exist and changes nothing", async () => {
    const owner = await newOwner();
    const before = stripeServer.requests.length;
    await expect(startCheckout(h.deps, owner, { packId: "mega" as "starter" })).rejects.toThrow(/Choose one of the credit packs/);
    expect(stripeServer.requests.length).toBe(before);
  });

  it("says billing is off without Stripe", async () => {
    const owner = await newOwner();
    const error = await errorOf(startCheckout({ ...h.deps, billing: undefined }, owner, { packId: "starter" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/Billing is off/);
  });
});

describe("the webhook", () => {
  it("grants the pack once when the completed event is replayed 10 times, and records the invoice and receipt", async () => {
    const owner = await newOwner();
    const before = await available(owner.organizationId);
    const { url } = await startCheckout(h.deps, owner, { packId: "starter" });
    const event = stripeServer.signedEvent("checkout.session.completed", stripeServer.completeSession(sessionIdOf(url)));
    const results = [];
    for (let i = 0; i < 10; i++) results.push((await webhook(event)).result);
    expect(results).toEqual(["applied", ...Array(9).fill("duplicate")]);
    expect(await available(owner.organizationId)).toBe(before + 10);
    const purchase = await h.db.prisma.creditPurchase.findUniqueOrThrow({ where: { checkoutSessionId: sessionIdOf(url) } });
    expect(purchase).toMatchObject({ status: "PAID", invoiceUrl: expect.stringContaining(`${stripeServer.url}/invoices/in_test_`), receiptUrl: expect.stringContaining("/receipts/ch_test_") });
    const entries = await h.db.prisma.creditLedgerEntry.findMany({ where: { organizationId: owner.organizationId, kind: "PURCHASE" }, select: { amount: true, causeType: true, causeId: true } });
    expect(entries).toEqual([{ amount: 10, causeType: "STRIPE_EVENT", causeId: event.id }]);
    // In the audit log once each: who started buying, and the purchase on their behalf.
    const audit = await h.db.prisma.auditLog.findMany({ where: { organizationId: owner.organizationId, action: { startsWith: "billing." } }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, targetId: true, metadata: true } });
    expect(audit).toEqual([
      { action: "billing.checkout_started", actorUserId: owner.userId, targetId: purchase.id, metadata: { packId: "starter", credits: 10, amountCents: purchase.amountCents } },
      { action: "billing.credits_purchased", actorUserId: owner.userId, targetId: purchase.id, metadata: { packId: "starter", credits: 10, amountCents: purchase.amountCents, stripeEventId: event.id } },
    ]);
  });

  it("grants once across completed and async_payment_succeeded, in either order and delivered at once", async () => {
    const owner = await newOwner();
    const before = await available(owner.organizationId);
    const { url } = await startCheckout(h.deps, owner, { packId: "team" });
    const id = sessionIdOf(url);
    const unpaid = stripeServer.signedEvent("checkout.session.completed", stripeServer.completeSession(id, { paymentStatus: "unpaid" }));
    expect((await webhook(unpaid)).result).toBe("recorded");
    expect(await available(owner.organizationId)).toBe(before);
    const succeeded = stripeServer.signedEvent("checkout.session.async_payment_succeeded", stripeServer.succeedAsyncPayment(id));
    const completedAgain = stripeServer.signedEvent("checkout.session.completed", stripeServer.session(id)!);
    // Both at once: one applies, the other is refused for a retry or finds it done.
    const settled = await Promise.allSettled([webhook(succeeded), webhook(completedAgain)]);
    expect(settled.filter((r) => r.status === "fulfilled" && r.value.result === "applied")).toHaveLength(1);
    // Stripe retries whatever failed; replays of all three change nothing more.
    for (const event of [succeeded, completedAgain, unpaid, succeeded]) expect(["recorded", "duplicate"]).toContain((await webhook(event)).result);
    expect(await available(owner.organizationId)).toBe(before + 50);
  });

  it("refuses a bad signature with 400 and applies nothing", async () => {
    const owner = await newOwner();
    const before = await available(owner.organizationId);
    const { url } = await startCheckout(h.deps, owner, { packId: "starter" });
    const completed = stripeServer.completeSession(sessionIdOf(url));
    const forged = stripeServer.signedEvent("checkout.session.completed", completed, { secret: "whsec_not_the_endpoint_secret" });
    const error = await errorOf(webhook(forged));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/signature/);
    const tampered = stripeServer.signedEvent("checkout.session.completed", completed);
    expect((await errorOf(webhook({ payload: tampered.payload.replace('"livemode": false', '"livemode": true'), signature: tampered.signature }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(handleStripeWebhook(h.deps, tampered.payload, null))).code).toBe("BAD_REQUEST");
    expect(await available(owner.organizationId)).toBe(before);
    // Nothing lost: the genuine delivery still applies afterwards.
    expect((await webhook(tampered)).result).toBe("applied");
  });

  it("refuses a session for an unknown pack (or a different price) with 400 and grants nothing", async () => {
    const owner = await newOwner();
    const before = await available(owner.organizationId);
    const customer = await billing.stripe.customers.create({ name: "Direct" });
    const session = await billing.stripe.checkout.sessions.create({
      mode: "payment",
      customer: customer.id,
      line_items: [{ quantity: 1, price_data: { currency: "usd", unit_amount: 100, product_data: { name: "Mega pack" } } }],
      metadata: { organizationId: owner.organizationId, packId: "mega" },
      success_url: "http://localhost/ok",
    });
    const event = stripeServer.signedEvent("checkout.session.completed", stripeServer.completeSession(session.id));
    const error = await errorOf(webhook(event));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/unknown pack "mega"/);
    expect(await h.db.prisma.stripeWebhookEvent.findUnique({ where: { id: event.id } })).toBeNull();
    expect(await available(owner.organizationId)).toBe(before);
  });

  it("ignores event types it does not handle", async () => {
    const event = stripeServer.signedEvent("customer.created", { id: "cus_x", object: "customer" });
    expect((await webhook(event)).result).toBe("ignored");
  });

  it("a refund removes the unused part of the pack and says so; replays and older refunds remove nothing more", async () => {
    const owner = await newOwner();
    const { url } = await startCheckout(h.deps, owner, { packId: "starter" });
    const id = sessionIdOf(url);
    const completed = stripeServer.signedEvent("checkout.session.completed", stripeServer.completeSession(id));

    // Refund arriving before the purchase is known: retried later, nothing lost.
    const early = stripeServer.signedEvent("charge.refunded", stripeServer.refund(id, 19_500));
    expect((await errorOf(webhook(early))).code).toBe("UNAVAILABLE");
    await webhook(completed);
    // Spend down to 4 available of the 13 (3 trial + 10): 9 used elsewhere.
    await h.db.prisma.$transaction((tx) => applyCreditEntry(tx, { organizationId: owner.organizationId, kind: "ADJUSTMENT", amount: -9, causeType: "SYSTEM", idempotencyKey: `test:spend:${owner.organizationId}` }));
    expect((await webhook(early)).result).toBe("applied");
    expect(await available(owner.organizationId)).toBe(0);
    const full = stripeServer.signedEvent("charge.refunded", stripeServer.refund(id, 19_500));
    expect((await webhook(full)).result).toBe("applied");
    expect((await webhook(full)).result).toBe("duplicate");
    expect((await webhook(stripeServer.signedEvent("charge.refunded", { ...stripeServer.refund(id, 0), amount_refunded: 19_500 }))).result).toBe("recorded");
    const refunds = await h.db.prisma.creditLedgerEntry.findMany({ where: { organizationId: owner.organizationId, kind: "REFUND" }, orderBy: { createdAt: "asc" }, select: { amount: true, note: true } });
    expect(refunds).toEqual([
      { amount: -4, note: "Refund of $195.00 on the starter pack: 4 unused credits removed; 1 already reserved or used stay" },
      { amount: 0, note: "Refund of $390.00 on the starter pack: 0 unused credits removed; 6 already reserved or used stay" },
    ]);
    expect(await h.db.prisma.creditPurchase.findUniqueOrThrow({ where: { checkoutSessionId: id } })).toMatchObject({ status: "REFUNDED", refundedCents: 39_000, creditsRemoved: 4 });
    const refundAudit = await h.db.prisma.auditLog.findMany({ where: { organizationId: owner.organizationId, action: "billing.credits_refunded" }, orderBy: { createdAt: "asc" }, select: { actorUserId: true, metadata: true } });
    expect(refundAudit.map((entry) => [entry.actorUserId, (entry.metadata as { refundedCents: number }).refundedCents])).toEqual([[null, 19_500], [null, 39_000]]);
  });
});
