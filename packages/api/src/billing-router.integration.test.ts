// The billing router with billing on: who may call what (owners and admins only), another
// organisation never sees or touches Acme's credits, the ledger's causes and filters, usage per
// assessment, purchase history with invoice links, the low-balance email, platform adjustments.
import { grantPlatformAdminByEmail } from "@interviewlm/core/platform";
import { createStripeClient } from "@interviewlm/core/billing";
import { startStripeTestServer, type StripeTestServer } from "@interviewlm/core/billing/testing";
import { handleStripeWebhook } from "@interviewlm/core/billing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

const SECRET_KEY = "sk_test_router0123456789";
const WEBHOOK_SECRET = "whsec_router0123456789abcdefghijklmnop";
let stripeServer: StripeTestServer;
let h: Harness;
let owner: TestUser;
let rival: TestUser;
const roles: Partial<Record<"ADMIN" | "MEMBER" | "VIEWER", TestUser>> = {};
let assessmentId: string;

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

async function inviteAndJoin(email: string, role: "ADMIN" | "MEMBER" | "VIEWER"): Promise<TestUser> {
  await (await as(owner)).members.invite({ email, role });
  const link = await h.linkFromLatestEmail(email, "/invitations/");
  const api = await h.caller();
  const result = await api.auth.signUp({ name: role.toLowerCase(), email, password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
  return { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email, password: "a long enough password" };
}

beforeAll(async () => {
  stripeServer = await startStripeTestServer({ secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET });
  h = await createHarness({ billing: { stripe: createStripeClient(SECRET_KEY, stripeServer.url), webhookSecret: WEBHOOK_SECRET } });
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rita Rival", email: "rita@rival.test", organizationName: "Rival" });
  for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const) roles[role] = await inviteAndJoin(`${role.toLowerCase()}@acme.test`, role);
  assessmentId = (await (await as(owner)).assessments.createFromTemplate({ templateKey: "backend-python-mid" })).id;
});
afterAll(async () => {
  await h.close();
  await stripeServer.close();
});

describe("who may use billing", () => {
  const calls = {
    overview: (api: Awaited<ReturnType<typeof as>>) => api.billing.overview(),
    purchases: (api: Awaited<ReturnType<typeof as>>) => api.billing.purchases(),
    ledger: (api: Awaited<ReturnType<typeof as>>) => api.billing.ledger({}),
    usage: (api: Awaited<ReturnType<typeof as>>) => api.billing.usage(),
    startCheckout: (api: Awaited<ReturnType<typeof as>>) => api.billing.startCheckout({ packId: "starter" }),
  };

  for (const [name, call] of Object.entries(calls)) {
    it(`billing.${name}: owners and admins may, members and viewers are refused, anonymous callers unauthorised`, async () => {
      await expect(call(await as(owner))).resolves.toBeDefined();
      await expect(call(await as(roles.ADMIN!))).resolves.toBeDefined();
      expect(await codeOf(call(await as(roles.MEMBER!)))).toBe("FORBIDDEN");
      expect(await codeOf(call(await as(roles.VIEWER!)))).toBe("FORBIDDEN");
      expect(await codeOf(call(await h.caller()))).toBe("UNAUTHORIZED");
    });
  }

  it("refuses a pack that does not exist, field by field", async () => {
    expect(await codeOf((await as(owner)).billing.startCheckout({ packId: "mega" as "starter" }))).toBe("BAD_REQUEST");
  });
});

describe("what the billing page shows", () => {
  it("balance, reserved credits, the ledger with causes and filters, usage per assessment; another organisation sees none of it", async () => {
    const api = await as(owner);
    const cora = await api.candidates.invite({ assessmentId, name: "Cora Candidate", email: "cora@candidates.test" });
    const rex = await api.candidates.invite({ assessmentId, name: "Rex Revoked", email: "rex@candidates.test" });
    await api.candidates.revoke({ candidateId: rex.id });
    expect(await api.billing.overview()).toMatchObject({ enabled: true, available: 2, reserved: 1 });

    const ledger = await api.billing.ledger({});
    expect(ledger.items.map((e) => [e.kind, e.amount, e.cause])).toEqual([
      ["RELEASE", 1, "Invitation of Rex Revoked <rex@candidates.test> for Backend Python, mid-level"],
      ["RESERVE", -1, "Invitation of Rex Revoked <rex@candidates.test> for Backend Python, mid-level"],
      ["RESERVE", -1, "Invitation of Cora Candidate <cora@candidates.test> for Backend Python, mid-level"],
      ["GRANT", 3, "Trial: 3 free credits"],
    ]);
    expect((await api.billing.ledger({ kind: "GRANT" })).items).toHaveLength(1);
    expect((await api.billing.ledger({ assessmentId })).items).toHaveLength(3);
    const firstPage = await api.billing.ledger({ limit: 2 });
    const secondPage = await api.billing.ledger({ limit: 2, cursor: firstPage.nextCursor! });
    expect([...firstPage.items, ...secondPage.items].map((e) => e.id)).toEqual(ledger.items.map((e) => e.id));
    expect(secondPage.nextCursor).toBeNull();
    expect(await api.billing.usage()).toEqual([expect.objectContaining({ assessmentId, used: 0, reserved: 1, returned: 1 })]);
    expect(cora.status).toBe("INVITED");

    const outsider = await as(rival);
    expect(await outsider.billing.overview()).toMatchObject({ available: 3, reserved: 0 });
    expect((await outsider.billing.ledger({ assessmentId })).items).toEqual([]);
    expect(await outsider.billing.usage()).toEqual([]);
  });

  it("rejects a bad ledger filter with a clear error", async () => {
    expect(await codeOf((await as(owner)).billing.ledger({ kind: "STEAL" as "GRANT" }))).toBe("BAD_REQUEST");
    expect(await codeOf((await as(owner)).billing.ledger({ limit: 1000 }))).toBe("BAD_REQUEST");
  });

  it("lists a paid purchase with its invoice and receipt links; another organisation does not see it", async () => {
    const api = await as(owner);
    const { url } = await api.billing.startCheckout({ packId: "team" });
    const sessionId = url.split("/checkout/")[1]!;
    const event = stripeServer.signedEvent("checkout.session.completed", stripeServer.completeSession(sessionId));
    expect((await handleStripeWebhook(h.deps, event.payload, event.signature)).result).toBe("applied");
    const purchases = await api.billing.purchases();
    expect(purchases).toEqual([expect.objectContaining({ packId: "team", credits: 50, amountCents: 175_000, status: "PAID", invoiceUrl: expect.stringMatching(/\/invoices\/in_test_/), receiptUrl: expect.stringMatching(/\/receipts\/ch_test_/) })]);
    expect(await (await as(rival)).billing.purchases()).toEqual([]);
  });
});

describe("the low-balance email", () => {
  it("goes to the owners once when the available credits fall to the threshold", async () => {
    const buyer = await h.signUpVerified({ name: "Lou Low", email: "lou@low.test", organizationName: "Low Co" });
    const api = await as(buyer);
    const lowAssessment = (await api.assessments.createFromTemplate({ templateKey: "backend-python-mid" })).id;
    const mails = () => h.db.prisma.emailMessage.findMany({ where: { organizationId: buyer.organizationId, template: "low-credit-balance" }, select: { toAddress: true, subject: true, text: true } });
    await api.candidates.invite({ assessmentId: lowAssessment, name: "One", email: "one@low.test" });
    expect(await mails()).toEqual([]);
    await api.candidates.invite({ assessmentId: lowAssessment, name: "Two", email: "two@low.test" });
    await api.candidates.invite({ assessmentId: lowAssessment, name: "Three", email: "three@low.test" });
    const sent = await mails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ toAddress: "lou@low.test", subject: "Low Co has 1 InterviewLM credit left" });
    expect(sent[0]!.text).toContain("http://localhost:3000/app/billing");
  });

  it("also goes when re-sending a revoked invitation takes the balance to the threshold", async () => {
    const buyer = await h.signUpVerified({ name: "Rae Resend", email: "rae@resend.test", organizationName: "Resend Co" });
    const api = await as(buyer);
    const assessmentId = (await api.assessments.createFromTemplate({ templateKey: "backend-python-mid" })).id;
    const mails = () => h.db.prisma.emailMessage.count({ where: { organizationId: buyer.organizationId, template: "low-credit-balance" } });
    const one = await api.candidates.invite({ assessmentId, name: "One", email: "one@resend.test" });
    await api.candidates.revoke({ candidateId: one.id });
    await api.candidates.invite({ assessmentId, name: "Two", email: "two@resend.test" });
    expect(await api.billing.overview()).toMatchObject({ available: 2 });
    expect(await mails()).toBe(0);
    await api.candidates.resend({ candidateId: one.id, expiresInDays: 7 });
    expect(await api.billing.overview()).toMatchObject({ available: 1, reserved: 2 });
    expect(await mails()).toBe(1);
  });
});

describe("platform admin adjustments", () => {
  it("grants and removes credits with a reason, recorded in the ledger and the audit log; nobody else may", async () => {
    const staff = await h.signUpVerified({ name: "Pat Platform", email: "pat@interviewlm.test", organizationName: "InterviewLM Ops" });
    await grantPlatformAdminByEmail(h.db.prisma, staff.email, true);
    const api = await as(staff);
    const before = (await (await as(rival)).billing.overview()).available;
    expect(await api.platform.adjustCredits({ organizationId: rival.organizationId, credits: 20, reason: "Pilot agreement #42" })).toMatchObject({ available: before + 20 });
    expect(await api.platform.adjustCredits({ organizationId: rival.organizationId, credits: -5, reason: "Duplicate pilot grant" })).toMatchObject({ available: before + 15 });
    const entries = (await (await as(rival)).billing.ledger({})).items.slice(0, 2);
    expect(entries.map((e) => [e.kind, e.amount, e.cause])).toEqual([
      ["ADJUSTMENT", -5, "InterviewLM staff: Duplicate pilot grant"],
      ["GRANT", 20, "InterviewLM staff: Pilot agreement #42"],
    ]);
    const audit = await h.db.prisma.auditLog.findMany({ where: { organizationId: rival.organizationId, action: "billing.credits_adjusted" }, orderBy: { createdAt: "asc" }, select: { actorUserId: true, metadata: true } });
    expect(audit).toEqual([
      { actorUserId: staff.userId, metadata: expect.objectContaining({ credits: 20, reason: "Pilot agreement #42" }) },
      { actorUserId: staff.userId, metadata: expect.objectContaining({ credits: -5, reason: "Duplicate pilot grant" }) },
    ]);

    // Bad input changes nothing: too much removed, no reason, zero, unknown organisation.
    expect(await codeOf(api.platform.adjustCredits({ organizationId: rival.organizationId, credits: -10_000, reason: "Remove everything" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.platform.adjustCredits({ organizationId: rival.organizationId, credits: 5, reason: "" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.platform.adjustCredits({ organizationId: rival.organizationId, credits: 0, reason: "Nothing at all" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.platform.adjustCredits({ organizationId: "no-such-org", credits: 5, reason: "Unknown organisation" }))).toBe("NOT_FOUND");
    expect((await (await as(rival)).billing.overview()).available).toBe(before + 15);
    expect(await codeOf((await as(owner)).platform.adjustCredits({ organizationId: owner.organizationId, credits: 100, reason: "I deserve it" }))).toBe("FORBIDDEN");
  });
});

describe("deleting an organisation that bought credits", () => {
  async function buyer(name: string) {
    const user = await h.signUpVerified({ name: `${name} Owner`, email: `owner@${name.toLowerCase()}.test`, organizationName: name });
    await (await as(user)).billing.startCheckout({ packId: "starter" });
    const account = await h.db.prisma.creditAccount.findUniqueOrThrow({ where: { organizationId: user.organizationId } });
    expect(account.stripeCustomerId).toMatch(/^cus_/);
    return { user, customerId: account.stripeCustomerId! };
  }

  it("deletes its Stripe customer; while Stripe is down nothing is deleted and the owner is told to try again", async () => {
    const { user, customerId } = await buyer("Closing");
    const api = await as(user);
    stripeServer.outage = true;
    try {
      const refused = await api.erasure.deleteOrganization({ confirmName: "Closing" }).then(() => null, (e: unknown) => e);
      expect((refused as TRPCError).code).toBe("SERVICE_UNAVAILABLE");
      expect((refused as TRPCError).message).toMatch(/^Nothing was deleted: Stripe could not delete the organization's billing details/);
    } finally {
      stripeServer.outage = false;
    }
    expect(await h.db.prisma.organization.count({ where: { id: user.organizationId } })).toBe(1);
    expect(stripeServer.customer(customerId)?.deleted).toBeUndefined();

    expect(await api.erasure.deleteOrganization({ confirmName: "Closing" })).toEqual({ deleted: true, sessionsErased: 0 });
    expect(stripeServer.customer(customerId)).toEqual({ id: customerId, object: "customer", deleted: true });
    expect(await h.db.prisma.organization.count({ where: { id: user.organizationId } })).toBe(0);
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "organization.deleted", targetId: user.organizationId } });
    expect(audit.metadata).toEqual({ sessionsErased: 0, stripeCustomer: "deleted" });
  });

  it("finishes when the customer is already gone from Stripe (an earlier attempt deleted it)", async () => {
    const { user, customerId } = await buyer("Retried");
    await createStripeClient(SECRET_KEY, stripeServer.url).customers.del(customerId);
    expect(await (await as(user)).erasure.deleteOrganization({ confirmName: "Retried" })).toEqual({ deleted: true, sessionsErased: 0 });
    expect(await h.db.prisma.organization.count({ where: { id: user.organizationId } })).toBe(0);
  });
});
