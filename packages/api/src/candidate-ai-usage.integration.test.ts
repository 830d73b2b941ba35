// candidates.aiUsage through the real router and a real database: the candidate's session's
// model calls summed, zero for a candidate without AI use, and another organisation's
// candidate is not found.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLANK_ASSESSMENT, createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let acme: TestUser;
let rival: TestUser;
const ids: Record<string, string> = {};

async function candidate(user: TestUser, assessmentId: string, email: string) {
  return h.db.prisma.candidate.create({
    data: { organizationId: user.organizationId, assessmentId, name: email, email, status: "COMPLETED", inviteNonce: email, expiresAt: new Date(Date.now() + 86_400_000) },
    select: { id: true },
  });
}

async function sessionWith(user: TestUser, assessmentId: string, candidateId: string, events: { type: string; payload: object }[]) {
  const { id } = await h.db.prisma.interviewSession.create({
    data: { organizationId: user.organizationId, assessmentId, candidateId, status: "COMPLETED", language: "python", deadlineAt: new Date() },
  });
  await h.db.prisma.recordingEvent.createMany({ data: events.map((event, i) => ({ sessionId: id, seq: i + 1, actor: "agent", at: new Date(), ...event })) });
}

const usage = (costMicroUsd: number | null, inputTokens: number) => ({ model: "claude-sonnet-5-5", inputTokens, outputTokens: 10, cacheCreationInputTokens: 5, cacheReadInputTokens: 100, costMicroUsd });

beforeAll(async () => {
  h = await createHarness();
  acme = await h.signUpVerified({ name: "Ann", email: "ann@usage-acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rob", email: "rob@usage-rival.test", organizationName: "Rival" });
  const a = await (await h.caller({ cookie: acme.cookie })).assessments.create(BLANK_ASSESSMENT);
  const r = await (await h.caller({ cookie: rival.cookie })).assessments.create(BLANK_ASSESSMENT);
  ids.used = (await candidate(acme, a.id, "used@x.test")).id;
  ids.unused = (await candidate(acme, a.id, "unused@x.test")).id;
  ids.noSession = (await candidate(acme, a.id, "nosession@x.test")).id;
  ids.rivals = (await candidate(rival, r.id, "rivals@x.test")).id;
  await sessionWith(acme, a.id, ids.used, [
    { type: "agent.usage", payload: usage(2600, 900) },
    { type: "agent.message", payload: { role: "assistant", text: "costMicroUsd 99999" } },
    { type: "agent.usage", payload: usage(null, 100) },
  ]);
  await sessionWith(acme, a.id, ids.unused, [{ type: "agent.message", payload: { role: "candidate", text: "hi" } }]);
  await sessionWith(rival, r.id, ids.rivals, [{ type: "agent.usage", payload: usage(999_999, 10) }]);
});
afterAll(() => h.close());

describe("candidates.aiUsage", () => {
  it("sums the model calls of the candidate's session (an unpriced call counted without cost)", async () => {
    const api = await h.caller({ cookie: acme.cookie });
    expect(await api.candidates.aiUsage({ candidateId: ids.used! })).toEqual({ calls: 2, tokens: 900 + 100 + 2 * (10 + 5 + 100), costMicroUsd: 2600 });
  });

  it("answers zero when there was no AI use or no session yet", async () => {
    const api = await h.caller({ cookie: acme.cookie });
    const none = { calls: 0, tokens: 0, costMicroUsd: 0 };
    expect(await api.candidates.aiUsage({ candidateId: ids.unused! })).toEqual(none);
    expect(await api.candidates.aiUsage({ candidateId: ids.noSession! })).toEqual(none);
  });

  it("does not show another organisation's candidate", async () => {
    const api = await h.caller({ cookie: acme.cookie });
    const error = await api.candidates.aiUsage({ candidateId: ids.rivals! }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("NOT_FOUND");
  });
});
