// Recommendation weights as an assessment setting (docs/decisions/0141) through the real router
// and a real database: defaults, create/update/duplicate, validation field by field with nothing
// changed, editable after candidates started (they are applied when a report is read).
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorShapeData } from "./errors.ts";
import { BLANK_ASSESSMENT, createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Wendy Weights", email: "wendy@weights.test", organizationName: "Weights Co" });
});
afterAll(() => h.close());

const DEFAULTS = { hiddenTests: 4, codeQuality: 2, problemSolving: 2, aiCollaboration: 2, communication: 1 };

async function failure(promise: Promise<unknown>): Promise<{ code: string; fieldErrors: Record<string, string[]> }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, fieldErrors: errorShapeData(error.cause).fieldErrors ?? {} };
}

describe("recommendation weights per assessment", () => {
  it("default, are stored on create and update, and are copied by duplicate", async () => {
    const api = await h.caller({ cookie: owner.cookie });
    expect((await api.assessments.create(BLANK_ASSESSMENT)).recommendationWeights).toEqual(DEFAULTS);
    const created = await api.assessments.create({ ...BLANK_ASSESSMENT, recommendationWeights: { ...DEFAULTS, communication: 0 } });
    expect(created.recommendationWeights.communication).toBe(0);
    const updated = await api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, recommendationWeights: { ...DEFAULTS, hiddenTests: 9 } });
    expect(updated.recommendationWeights).toEqual({ ...DEFAULTS, hiddenTests: 9 });
    expect((await api.assessments.duplicate({ assessmentId: created.id })).recommendationWeights).toEqual({ ...DEFAULTS, hiddenTests: 9 });
    const audit = await h.db.prisma.auditLog.findFirstOrThrow({ where: { action: "assessment.updated", targetId: created.id } });
    expect(audit.metadata).toMatchObject({ changed: ["recommendationWeights"] });
  });

  it("refuses weights out of bounds field by field and changes nothing", async () => {
    const api = await h.caller({ cookie: owner.cookie });
    const created = await api.assessments.create(BLANK_ASSESSMENT);
    const result = await failure(api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, recommendationWeights: { ...DEFAULTS, hiddenTests: 0, codeQuality: 11 } }));
    expect(result.code).toBe("BAD_REQUEST");
    expect(result.fieldErrors["recommendationWeights.codeQuality"]).toEqual(["Keep the weight for code quality at 10 or less."]);
    expect(result.fieldErrors["recommendationWeights.hiddenTests"]?.[0]).toMatch(/at least 1/);
    expect((await api.assessments.get({ assessmentId: created.id })).recommendationWeights).toEqual(DEFAULTS);
  });

  it("stay editable after a candidate started: they re-weigh every report alike", async () => {
    const api = await h.caller({ cookie: owner.cookie });
    const created = await api.assessments.create(BLANK_ASSESSMENT);
    await h.db.prisma.candidate.create({ data: { organizationId: owner.organizationId, assessmentId: created.id, name: "S", email: "s@weights.test", status: "STARTED", inviteNonce: "w", expiresAt: new Date(Date.now() + 86_400_000) } });
    const updated = await api.assessments.update({ ...BLANK_ASSESSMENT, assessmentId: created.id, recommendationWeights: { ...DEFAULTS, aiCollaboration: 6 } });
    expect(updated.recommendationWeights.aiCollaboration).toBe(6);
  });
});
