// The comparison of one assessment's candidates against a real database: one row per
// candidate, figures from the newest evaluation only once it is done, rubric medians with
// their review flag, and another organisation's assessment NOT_FOUND.
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgActor } from "../shared/deps.ts";
import type { DomainError } from "../shared/errors.ts";
import { compareAssessmentCandidates } from "./compare.ts";

let db: TestDatabase;
let acme: OrgActor;
let rival: OrgActor;
let assessmentId: string;

async function actor(name: string): Promise<OrgActor> {
  const org = await db.prisma.organization.create({ data: { name, slug: name.toLowerCase() } });
  const user = await db.prisma.user.create({ data: { name, email: `${name.toLowerCase()}@compare.test`, emailVerifiedAt: new Date() } });
  await db.prisma.membership.create({ data: { organizationId: org.id, userId: user.id, role: "VIEWER" } });
  return { userId: user.id, organizationId: org.id, role: "VIEWER" };
}

const measured = (hiddenPassRate: number, firstPasses: (number | null)[], kept: number | null) => ({
  scores: { hiddenPassRate },
  questions: firstPasses.map((t, position) => ({ position, firstPass: t === null ? null : { seq: 1, t } })),
  ai: { agentLinesKeptShare: kept },
});

async function candidate(name: string, evaluations: { status: "DONE" | "RUNNING"; version: string; measured?: object; rubricStatus?: string; rubric?: object; needsReview?: boolean }[] = []) {
  const c = await db.prisma.candidate.create({
    data: { organizationId: acme.organizationId, assessmentId, name, email: `${name.toLowerCase()}@cand.test`, inviteNonce: name, expiresAt: new Date(Date.now() + 86_400_000), status: evaluations.length ? "EVALUATED" : "INVITED" },
  });
  if (evaluations.length === 0) return c.id;
  const session = await db.prisma.interviewSession.create({
    data: { organizationId: acme.organizationId, assessmentId, candidateId: c.id, status: "COMPLETED", language: "python", deadlineAt: new Date() },
  });
  for (const [i, e] of evaluations.entries()) {
    await db.prisma.evaluation.create({ data: { organizationId: acme.organizationId, sessionId: session.id, createdAt: new Date(Date.now() + i * 1000), ...e } });
  }
  return c.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await actor("Acme");
  rival = await actor("Rival");
  assessmentId = (await db.prisma.assessment.create({
    data: { organizationId: acme.organizationId, title: "Backend", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 2, questionSelection: "AUTO" },
  })).id;
}, 120_000);
afterAll(() => db?.close());

describe("comparing an assessment's candidates", () => {
  it("answers NOT_FOUND for another organisation's assessment and an empty list before anyone is invited", async () => {
    expect(((await compareAssessmentCandidates(db.prisma, rival, { assessmentId }).catch((e: unknown) => e)) as DomainError).code).toBe("NOT_FOUND");
    expect((await compareAssessmentCandidates(db.prisma, acme, { assessmentId })).rows).toEqual([]);
  });

  it("gives each candidate's figures from the newest evaluation, once done", async () => {
    const rubric = { dimensions: [{ dimension: "code_quality", level: 3, needsReview: false }, { dimension: "ai_collaboration", level: 2, needsReview: true }] };
    const ada = await candidate("Ada", [{ status: "DONE", version: "m1+judge-v1", measured: measured(0.75, [120_000, 45_000], 0.5), rubricStatus: "done", rubric, needsReview: true }]);
    const bo = await candidate("Bo", [
      { status: "DONE", version: "m0", measured: measured(1, [10_000], 1), rubricStatus: "needs_key", rubric: {} },
      { status: "RUNNING", version: "m1+judge-v1" },
    ]);
    const cy = await candidate("Cy");
    const { assessment, dimensions, rows } = await compareAssessmentCandidates(db.prisma, acme, { assessmentId });
    expect(assessment.title).toBe("Backend");
    expect(dimensions).toContain("communication");
    const byId = new Map(rows.map((r) => [r.candidateId, r]));
    expect(byId.get(ada)).toMatchObject({
      candidateName: "Ada", candidateStatus: "EVALUATED", evaluationStatus: "DONE", hiddenPassRate: 0.75, firstPassMs: 45_000, aiKeptShare: 0.5, needsReview: true,
      rubric: { code_quality: { level: 3, needsReview: false }, ai_collaboration: { level: 2, needsReview: true } },
    });
    // The newest evaluation is still running: the older version's figures are not mixed in.
    expect(byId.get(bo)).toMatchObject({ evaluationStatus: "RUNNING", hiddenPassRate: null, firstPassMs: null, aiKeptShare: null, rubric: {} });
    expect(byId.get(cy)).toMatchObject({ sessionId: null, evaluationStatus: null, hiddenPassRate: null, candidateStatus: "INVITED" });
  });
});
