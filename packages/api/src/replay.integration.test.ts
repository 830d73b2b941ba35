// The replay router through a real database: a viewer replays their organisation's session
// (summary, events, frame, commands), another organisation's session is NOT_FOUND on every
// procedure, and bad input is refused with a clear message.
import { syntheticSession } from "@interviewlm/core/replay/testing";
import { ingestRecording } from "@interviewlm/core/interviews";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
let viewer: TestUser;
let rival: TestUser;
let sessionId: string;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function joinAs(email: string, role: "VIEWER"): Promise<TestUser> {
  await (await as(owner)).members.invite({ email, role });
  const link = await h.linkFromLatestEmail(email, "/invitations/");
  const api = await h.caller();
  const result = await api.auth.signUp({ name: "Vic", email, password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
  return { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email, password: "a long enough password" };
}

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Ann", email: "ann@replay-acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rob", email: "rob@replay-rival.test", organizationName: "Rival" });
  viewer = await joinAs("vic@replay-acme.test", "VIEWER");
  const prisma = h.db.prisma;
  const assessment = await prisma.assessment.create({
    data: { organizationId: owner.organizationId, title: "Replay", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL" },
  });
  const candidate = await prisma.candidate.create({
    data: { organizationId: owner.organizationId, assessmentId: assessment.id, name: "Cara", email: "cara@x.test", inviteNonce: "nonce-replay", expiresAt: new Date(START + 86_400_000) },
  });
  sessionId = (
    await prisma.interviewSession.create({
      data: { organizationId: owner.organizationId, assessmentId: assessment.id, candidateId: candidate.id, status: "COMPLETED", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + 600_000), completedAt: new Date(START + 300_000) },
    })
  ).id;
  const { events } = syntheticSession({ events: 1500, durationMs: 300_000, seed: 3, startAt: START });
  await ingestRecording(prisma, { sessionId, events });
}, 60_000);
afterAll(() => h?.close());

describe("replay router", () => {
  it("lets a viewer replay their organisation's session", async () => {
    const api = await as(viewer);
    const summary = await api.replay.summary({ sessionId });
    expect(summary.durationMs).toBeGreaterThanOrEqual(300_000);
    expect(summary.markers.length).toBeGreaterThan(0);
    const frame = await api.replay.frame({ sessionId, t: 150_000 });
    expect(frame.files.map((f) => f.path)).toContain("solution.py");
    const page = await api.replay.events({ sessionId, tracks: ["tests"], limit: 10 });
    expect(page.events.every((e) => e.track === "tests")).toBe(true);
    expect((await api.replay.commands({ sessionId })).length).toBeGreaterThan(0);
    const candidateId = (await h.db.prisma.interviewSession.findUniqueOrThrow({ where: { id: sessionId }, select: { candidateId: true } })).candidateId;
    expect(await api.replay.forCandidate({ candidateId })).toEqual({ sessionId, inProgress: false });
    expect(await (await as(rival)).replay.forCandidate({ candidateId })).toBeNull();
  });

  it("answers NOT_FOUND for another organisation's session on every procedure", async () => {
    const api = await as(rival);
    for (const call of [
      () => api.replay.summary({ sessionId }),
      () => api.replay.frame({ sessionId, t: 0 }),
      () => api.replay.events({ sessionId }),
      () => api.replay.commands({ sessionId }),
    ]) {
      const error = await call().then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("NOT_FOUND");
    }
  });

  it("refuses bad input clearly", async () => {
    const api = await as(owner);
    const error = await api.replay.frame({ sessionId, t: -5 }).then(() => null, (e: unknown) => e);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(JSON.stringify(error)).toContain("Time cannot be before the start.");
    const anonymous = await (await h.caller()).replay.summary({ sessionId }).then(() => null, (e: unknown) => e);
    expect((anonymous as TRPCError).code).toBe("UNAUTHORIZED");
  });
});
