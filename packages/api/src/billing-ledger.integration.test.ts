// The credit ledger through the real invite, revoke, expiry and start paths (docs/decisions/0090),
// on PGlite here and on PostgreSQL in the database suite (npm run test:db).
import { applyCreditEntry, createStripeClient, releaseUnusedReservations, settleReservation, TRIAL_CREDITS } from "@interviewlm/core/billing";
import { expireInvitations } from "@interviewlm/core/candidates";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  // Billing on; nothing here reaches Stripe (the client points at a closed port).
  const stripe = createStripeClient("sk_test_ledger", "http://127.0.0.1:9");
  h = await createHarness({ billing: { stripe, webhookSecret: "whsec_ledger_0123456789abcdefghijklmnopqrstuvwxyz" } });
});
afterAll(() => h.close());

let orgs = 0;
async function newOrganization(): Promise<{ owner: TestUser; assessmentId: string }> {
  orgs += 1;
  const owner = await h.signUpVerified({ name: `Owner ${orgs}`, email: `owner${orgs}@ledger.test`, organizationName: `Ledger ${orgs}` });
  const assessment = await h.db.prisma.assessment.create({
    data: {
      organizationId: owner.organizationId,
      title: "Backend",
      role: "Backend engineer",
      seniority: "MID",
      languages: ["python"],
      durationMinutes: 60,
      questionCount: 1,
      questionSelection: "AUTO",
    },
    select: { id: true },
  });
  return { owner, assessmentId: assessment.id };
}

async function grant(organizationId: string, credits: number, key: string) {
  await h.db.prisma.$transaction((tx) =>
    applyCreditEntry(tx, { organizationId, kind: "GRANT", amount: credits, causeType: "SYSTEM", idempotencyKey: key }),
  );
}

/** The account row must always equal the sums of the ledger. */
async function expectLedgerConsistent(organizationId: string, expected: { available: number; reserved: number }) {
  const account = await h.db.prisma.creditAccount.findUniqueOrThrow({ where: { organizationId }, select: { available: true, reserved: true } });
  const sums = await h.db.prisma.creditLedgerEntry.aggregate({ where: { organizationId }, _sum: { amount: true, reservedChange: true } });
  expect(account).toEqual(expected);
  expect({ available: sums._sum.amount ?? 0, reserved: sums._sum.reservedChange ?? 0 }).toEqual(expected);
  expect(await h.db.prisma.candidate.count({ where: { organizationId, creditReservationId: { not: null } } })).toBe(expected.reserved);
}

describe("the trial grant", () => {
  it("gives a new organisation its trial credits, recorded once as a grant", async () => {
    const { owner } = await newOrganization();
    const entries = await h.db.prisma.creditLedgerEntry.findMany({ where: { organizationId: owner.organizationId }, select: { kind: true, amount: true, causeType: true } });
    expect(entries).toEqual([{ kind: "GRANT", amount: TRIAL_CREDITS, causeType: "SYSTEM" }]);
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS, reserved: 0 });
  });
});

describe("reserving at invitation", () => {
  it("20 parallel invitations against a balance of 5: exactly 5 succeed, the rest are refused with the way to buy", async () => {
    const { owner, assessmentId } = await newOrganization();
    await grant(owner.organizationId, 5 - TRIAL_CREDITS, `test:top-up:${owner.organizationId}`);
    const api = await h.caller({ cookie: owner.cookie });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => api.candidates.invite({ assessmentId, name: `Candidate ${i}`, email: `c${i}@parallel.test` })),
    );
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason as { code: string; message: string });
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(refused).toHaveLength(15);
    for (const error of refused) expect({ code: error.code, message: error.message }).toEqual({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/No credits left.*\/app\/billing/) });
    // Refused invitations leave nothing behind: no candidate, no email.
    expect(await h.db.prisma.candidate.count({ where: { organizationId: owner.organizationId } })).toBe(5);
    expect(await h.db.prisma.emailMessage.count({ where: { organizationId: owner.organizationId, template: "assessment-invitation" } })).toBe(5);
    await expectLedgerConsistent(owner.organizationId, { available: 0, reserved: 5 });
  });

  it("a bulk file reserves per row and reports the rows beyond the balance", async () => {
    const { owner, assessmentId } = await newOrganization();
    const csv = ["name,email", ...Array.from({ length: 5 }, (_, i) => `Row ${i},row${i}@bulk.test`)].join("\n");
    const report = await (await h.caller({ cookie: owner.cookie })).candidates.inviteBulk({ assessmentId, csv });
    expect(report.counts).toMatchObject({ invited: TRIAL_CREDITS, no_credits: 5 - TRIAL_CREDITS });
    const beyond = report.rows.filter((r) => r.outcome === "no_credits");
    // Rows are invited two at a time, so which ones got the last credits depends on timing.
    expect(beyond).toHaveLength(2);
    for (const row of beyond) expect(row).toMatchObject({ candidateId: null, reason: expect.stringMatching(/No credits left/) });
    await expectLedgerConsistent(owner.organizationId, { available: 0, reserved: TRIAL_CREDITS });
  });
});

describe("releasing and consuming", () => {
  it("revoking an unused invitation releases its credit; revoking again changes nothing", async () => {
    const { owner, assessmentId } = await newOrganization();
    const api = await h.caller({ cookie: owner.cookie });
    const candidate = await api.candidates.invite({ assessmentId, name: "Rita Revoked", email: "rita@ledger.test" });
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS - 1, reserved: 1 });
    await api.candidates.revoke({ candidateId: candidate.id });
    await api.candidates.revoke({ candidateId: candidate.id });
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS, reserved: 0 });
    // Re-opening the invitation holds a credit again.
    await api.candidates.resend({ candidateId: candidate.id });
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS - 1, reserved: 1 });
  });

  it("a started interview consumes the reservation once; a later release finds nothing", async () => {
    const { owner, assessmentId } = await newOrganization();
    const candidate = await (await h.caller({ cookie: owner.cookie })).candidates.invite({ assessmentId, name: "Sam Started", email: "sam@ledger.test" });
    const settle = (kind: "CONSUME" | "RELEASE") =>
      h.db.prisma.$transaction((tx) =>
        settleReservation(tx, candidate.id, kind === "CONSUME" ? { kind, sessionId: "session-1" } : { kind, reason: "expired" }),
      );
    expect(await settle("CONSUME")).toBe(true);
    expect(await settle("CONSUME")).toBe(false);
    expect(await settle("RELEASE")).toBe(false);
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS - 1, reserved: 0 });
    const kinds = await h.db.prisma.creditLedgerEntry.findMany({ where: { candidateId: candidate.id }, orderBy: { createdAt: "asc" }, select: { kind: true, causeType: true, causeId: true } });
    expect(kinds).toEqual([
      { kind: "RESERVE", causeType: "INVITATION", causeId: candidate.id },
      { kind: "CONSUME", causeType: "SESSION", causeId: "session-1" },
    ]);
  });

  it("the expiry job releases reserved credits exactly once, also when it runs twice at the same time", async () => {
    const { owner, assessmentId } = await newOrganization();
    const api = await h.caller({ cookie: owner.cookie });
    await api.candidates.invite({ assessmentId, name: "Eve Expiring", email: "eve@ledger.test", expiresInDays: 1 });
    await api.candidates.invite({ assessmentId, name: "Ed Expiring", email: "ed@ledger.test", expiresInDays: 1 });
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS - 2, reserved: 2 });
    const later = new Date(Date.now() + DAY + 60_000);
    const job = async () => {
      await expireInvitations(h.db.prisma, later);
      return releaseUnusedReservations(h.db.prisma);
    };
    const [a, b] = await Promise.all([job(), job()]);
    expect(a + b).toBe(2);
    await expectLedgerConsistent(owner.organizationId, { available: TRIAL_CREDITS, reserved: 0 });
    expect(await h.db.prisma.creditLedgerEntry.count({ where: { organizationId: owner.organizationId, kind: "RELEASE" } })).toBe(2);
    expect(await job()).toBe(0);
  });
});

describe("billing off", () => {
  it("inviting needs no credits and holds none", async () => {
    const off = await createHarness();
    try {
      const owner = await off.signUpVerified({ name: "Free Owner", email: "free@ledger.test", organizationName: "Self hosted" });
      const assessment = await off.db.prisma.assessment.create({
        data: { organizationId: owner.organizationId, title: "T", role: "R", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" },
        select: { id: true },
      });
      const api = await off.caller({ cookie: owner.cookie });
      for (let i = 0; i < TRIAL_CREDITS + 2; i++) await api.candidates.invite({ assessmentId: assessment.id, name: `Free ${i}`, email: `free${i}@ledger.test` });
      expect(await off.db.prisma.creditLedgerEntry.count({ where: { organizationId: owner.organizationId, kind: "RESERVE" } })).toBe(0);
    } finally {
      await off.close();
    }
  });
});
