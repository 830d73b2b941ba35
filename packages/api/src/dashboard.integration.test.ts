// Dashboard numbers against a known fixture written straight into the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let acme: TestUser;
let rival: TestUser;
const NOW = new Date("2026-11-20T12:00:00Z");
const daysAgo = (d: number, hours = 0) => new Date(NOW.getTime() - d * 86_400_000 - hours * 3_600_000);

async function assessment(organizationId: string, status: "ACTIVE" | "ARCHIVED" = "ACTIVE") {
  return h.db.prisma.assessment.create({
    data: {
      organizationId, title: "Backend", role: "Engineer", seniority: "MID", languages: ["python"],
      durationMinutes: 90, questionCount: 2, questionSelection: "AUTO", status,
    },
  });
}

type Status = "INVITED" | "OPENED" | "STARTED" | "COMPLETED" | "EVALUATED" | "EXPIRED" | "REVOKED";
async function candidate(organizationId: string, assessmentId: string, n: number, status: Status, invitedAt: Date, minutes?: number) {
  const startedAt = minutes !== undefined ? daysAgo(1) : null;
  return h.db.prisma.candidate.create({
    data: {
      organizationId, assessmentId, name: `C${n}`, email: `c${n}@x.test`, status, inviteNonce: `n${n}`,
      expiresAt: daysAgo(-7), invitedAt, startedAt,
      completedAt: startedAt && minutes !== undefined ? new Date(startedAt.getTime() + minutes * 60_000) : null,
    },
  });
}

beforeAll(async () => {
  h = await createHarness();
  h.setNow(NOW);
  acme = await h.signUpVerified({ name: "Ann", email: "ann@acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rob", email: "rob@rival.test", organizationName: "Rival" });
  const a1 = await assessment(acme.organizationId);
  await assessment(acme.organizationId);
  await assessment(acme.organizationId, "ARCHIVED");
  const r1 = await assessment(rival.organizationId);
  await candidate(acme.organizationId, a1.id, 1, "INVITED", daysAgo(0));
  await candidate(acme.organizationId, a1.id, 2, "OPENED", daysAgo(2));
  await candidate(acme.organizationId, a1.id, 3, "STARTED", daysAgo(3));
  const c4 = await candidate(acme.organizationId, a1.id, 4, "COMPLETED", daysAgo(6), 45);
  await candidate(acme.organizationId, a1.id, 5, "EVALUATED", daysAgo(10), 75);
  await candidate(acme.organizationId, a1.id, 6, "EXPIRED", daysAgo(20));
  await candidate(acme.organizationId, a1.id, 7, "REVOKED", daysAgo(1));
  const c8 = await candidate(rival.organizationId, r1.id, 8, "COMPLETED", daysAgo(0), 10);
  // The rooms' recorded model calls: two this month and one last month for Acme, one for Rival.
  const usage = (costMicroUsd: number | null, inputTokens: number) => ({ model: "claude-sonnet-5-5", inputTokens, outputTokens: 10, cacheCreationInputTokens: 5, cacheReadInputTokens: 100, costMicroUsd });
  const session = async (organizationId: string, assessmentId: string, candidateId: string, events: { at: Date; type: string; payload: object }[]) => {
    const { id } = await h.db.prisma.interviewSession.create({ data: { organizationId, assessmentId, candidateId, status: "COMPLETED", language: "python", deadlineAt: NOW } });
    await h.db.prisma.recordingEvent.createMany({ data: events.map((event, i) => ({ sessionId: id, seq: i + 1, actor: "agent", ...event })) });
  };
  await session(acme.organizationId, a1.id, c4.id, [
    { at: daysAgo(1), type: "agent.usage", payload: usage(2600, 900) },
    { at: daysAgo(1), type: "agent.message", payload: { role: "assistant", text: "costMicroUsd 99999" } },
    { at: daysAgo(2), type: "agent.usage", payload: usage(null, 100) },
    { at: new Date("2026-10-31T23:00:00Z"), type: "agent.usage", payload: usage(50_000, 1000) },
  ]);
  await session(rival.organizationId, r1.id, c8.id, [{ at: daysAgo(0), type: "agent.usage", payload: usage(999_999, 10) }]);
});
afterAll(() => h.close());

describe("dashboard", () => {
  it("matches the database for the caller's organisation only", async () => {
    const summary = await (await h.caller({ cookie: acme.cookie })).dashboard.summary();
    expect(summary.activeAssessments).toBe(2);
    expect(summary.candidatesTotal).toBe(7);
    expect(summary.candidatesByStatus).toEqual({ INVITED: 1, OPENED: 1, STARTED: 1, COMPLETED: 1, EVALUATED: 1, EXPIRED: 1, REVOKED: 1 });
    // 2 finished of 6 (revoked left out).
    expect(summary.completionRate).toBeCloseTo(2 / 6);
    expect(summary.averageMinutesToComplete).toBeCloseTo(60);
    // Invited within 7 days: days 0, 1, 2, 3, 6.
    expect(summary.invitationsThisWeek).toBe(5);
    expect(summary.invitationsPerDay).toHaveLength(14);
    expect(summary.invitationsPerDay.at(-1)).toEqual({ day: "2026-11-20", count: 1 });
    expect(summary.invitationsPerDay.reduce((a, d) => a + d.count, 0)).toBe(6);
    expect(summary.timeToComplete.map((b) => b.count)).toEqual([0, 1, 1, 0, 0]);
    // November only, agent.usage only, an unpriced call counted without cost.
    expect(summary.aiThisMonth).toEqual({ calls: 2, tokens: 900 + 10 + 5 + 100 + (100 + 10 + 5 + 100), costMicroUsd: 2600 });
  });

  it("another organisation sees only its own numbers", async () => {
    const summary = await (await h.caller({ cookie: rival.cookie })).dashboard.summary();
    expect(summary.candidatesTotal).toBe(1);
    expect(summary.activeAssessments).toBe(1);
    expect(summary.completionRate).toBe(1);
    expect(summary.timeToComplete[0]!.count).toBe(1);
    expect(summary.aiThisMonth.costMicroUsd).toBe(999_999);
  });

  it("an empty organisation gets zeros and no rates", async () => {
    const fresh = await h.signUpVerified({ name: "New", email: "new@new.test" });
    const summary = await (await h.caller({ cookie: fresh.cookie })).dashboard.summary();
    expect(summary.candidatesTotal).toBe(0);
    expect(summary.completionRate).toBeNull();
    expect(summary.averageMinutesToComplete).toBeNull();
    expect(summary.aiThisMonth).toEqual({ calls: 0, tokens: 0, costMicroUsd: 0 });
  });
});
