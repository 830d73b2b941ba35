// AI budgets as assessment settings (ADR 0073) through the real router and a real database:
// defaults, create/update, validation, the lock once a candidate started, another organisation.
// (The room enforcing them: party/test/agent.test.ts.)
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorShapeData } from "./errors.ts";
import { BLANK_ASSESSMENT, createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
let rival: TestUser;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@budget.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rita Rival", email: "rita@budget-rival.test", organizationName: "Rival" });
});
afterAll(() => h.close());

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors: Record<string, string[]> }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, message: error.message, fieldErrors: errorShapeData(error.cause).fieldErrors ?? {} };
}

const stored = (id: string) =>
  h.db.prisma.assessment.findUniqueOrThrow({ where: { id }, select: { aiMessagesPerQuestion: true, aiTokensPerSession: true, aiCostUsdPerSession: true } });

describe("AI budgets per assessment", () => {
  it("defaults, creates and updates the budgets", async () => {
    const api = await as(owner);
    const plain = await api.assessments.create(BLANK_ASSESSMENT);
    expect(plain).toMatchObject({ aiMessagesPerQuestion: 30, aiTokensPerSession: 4_000_000, aiCostUsdPerSession: 10 });

    const created = await api.assessments.create({ ...BLANK_ASSESSMENT, aiMessagesPerQuestion: 5, aiTokensPerSession: 20_000, aiCostUsdPerSession: 2 });
    expect(created).toMatchObject({ aiMessagesPerQuestion: 5, aiTokensPerSession: 20_000, aiCostUsdPerSession: 2 });
    const updated = await api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, aiMessagesPerQuestion: 8, aiTokensPerSession: 50_000, aiCostUsdPerSession: 3 });
    expect(updated).toMatchObject({ aiMessagesPerQuestion: 8, aiTokensPerSession: 50_000, aiCostUsdPerSession: 3 });
    expect(await stored(created.id)).toEqual({ aiMessagesPerQuestion: 8, aiTokensPerSession: 50_000, aiCostUsdPerSession: 3 });
  });

  it("refuses budgets out of bounds field by field and changes nothing", async () => {
    const api = await as(owner);
    const created = await api.assessments.create({ ...BLANK_ASSESSMENT, aiMessagesPerQuestion: 5 });
    const result = await failure(api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, aiMessagesPerQuestion: 0, aiCostUsdPerSession: 5000 }));
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fieldErrors.aiMessagesPerQuestion).toEqual(["Allow at least 1 AI message per question."]);
    expect(result.fieldErrors.aiCostUsdPerSession).toEqual(["Allow at most $1,000 of AI use per session."]);
    expect(await stored(created.id)).toMatchObject({ aiMessagesPerQuestion: 5, aiCostUsdPerSession: 10 });
  });

  it("locks the budgets once a candidate started", async () => {
    const api = await as(owner);
    const created = await api.assessments.create({ ...BLANK_ASSESSMENT, aiTokensPerSession: 10_000 });
    await h.db.prisma.candidate.create({
      data: {
        organizationId: owner.organizationId,
        assessmentId: created.id,
        name: "started",
        email: "started@budget.test",
        status: "STARTED",
        inviteNonce: "budget-started",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const locked = await api.assessments.get({ assessmentId: created.id });
    expect(locked.lock.fields).toEqual(expect.arrayContaining(["aiMessagesPerQuestion", "aiTokensPerSession", "aiCostUsdPerSession"]));
    const result = await failure(api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, aiTokensPerSession: 99_000 }));
    expect(result.code).toBe("PRECONDITION_FAILED");
    expect(result.message).toMatch(/AI budgets/);
    expect(Object.keys(result.fieldErrors)).toContain("aiTokensPerSession");
    expect(await stored(created.id)).toMatchObject({ aiTokensPerSession: 10_000 });
  });

  it("does not let another organisation read or change the budgets", async () => {
    const created = await (await as(owner)).assessments.create({ ...BLANK_ASSESSMENT, aiCostUsdPerSession: 4 });
    const api = await as(rival);
    expect((await failure(api.assessments.get({ assessmentId: created.id }))).code).toBe("NOT_FOUND");
    expect((await failure(api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, aiCostUsdPerSession: 900 }))).code).toBe("NOT_FOUND");
    expect(await stored(created.id)).toMatchObject({ aiCostUsdPerSession: 4 });
  });
});
