// Who may do what with assessments, through the real router and a real database: a viewer
// reads but cannot write; another organisation gets NOT_FOUND for everything, and nothing
// changes.
import { assertAssessmentOpenForInvites } from "@interviewlm/core/assessments";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLANK_ASSESSMENT, createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
let rival: TestUser;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rita Rival", email: "rita@rival.test", organizationName: "Rival" });
});
afterAll(() => h.close());

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function failureCode(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

const blank = BLANK_ASSESSMENT;

const assessmentCount = (organizationId = owner.organizationId) => h.db.prisma.assessment.count({ where: { organizationId } });

describe("roles and tenancy", () => {
  it("lets a viewer read assessments but not create, change, duplicate, archive or restore them", async () => {
    const api = await as(owner);
    const target = await api.assessments.create(blank);
    await api.members.invite({ email: "vic@acme.test", role: "VIEWER" });
    const link = await h.linkFromLatestEmail("vic@acme.test", "/invitations/");
    const signUp = await h.caller();
    await signUp.auth.signUp({
      name: "Vic Viewer",
      email: "vic@acme.test",
      password: "a long enough password",
      invitationToken: decodeURIComponent(link.split("/invitations/")[1]!),
    });
    const viewer = await h.caller({ cookie: sessionCookieFrom(signUp.responseHeaders)! });
    expect((await viewer.assessments.list()).map((a) => a.id)).toContain(target.id);
    expect((await viewer.assessments.get({ assessmentId: target.id })).id).toBe(target.id);
    expect((await viewer.assessments.preview({ assessmentId: target.id })).title).toBe(blank.title);
    const before = await assessmentCount();
    const writes = [
      viewer.assessments.create(blank),
      viewer.assessments.createFromTemplate({ templateKey: "backend-python-mid" }),
      viewer.assessments.update({ ...blank, assessmentId: target.id, title: "Viewer was here" }),
      viewer.assessments.duplicate({ assessmentId: target.id }),
      viewer.assessments.archive({ assessmentId: target.id }),
      viewer.assessments.restore({ assessmentId: target.id }),
    ];
    for (const write of writes) expect(await failureCode(write)).toBe("FORBIDDEN");
    expect(await assessmentCount()).toBe(before);
    expect((await api.assessments.get({ assessmentId: target.id })).title).toBe(blank.title);
  });

  it("answers NOT_FOUND to every procedure aimed at another organisation's assessment, and changes nothing", async () => {
    const acme = await (await as(owner)).assessments.create({ ...blank, title: "Acme only" });
    const api = await as(rival);
    const assessmentId = acme.id;
    // Thunks, run one after the other: a promise that rejects before it is awaited would be
    // reported as an unhandled rejection.
    const attempts = {
      get: () => api.assessments.get({ assessmentId }),
      preview: () => api.assessments.preview({ assessmentId }),
      update: () => api.assessments.update({ ...blank, assessmentId, title: "Taken over" }),
      duplicate: () => api.assessments.duplicate({ assessmentId }),
      archive: () => api.assessments.archive({ assessmentId }),
      restore: () => api.assessments.restore({ assessmentId }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      expect([name, await failureCode(attempt())]).toEqual([name, "NOT_FOUND"]);
    }
    expect((await api.assessments.list()).map((a) => a.id)).not.toContain(assessmentId);
    const actor = { userId: rival.userId, organizationId: rival.organizationId, role: "OWNER" as const };
    const invite = await h.db.prisma.$transaction((tx) => assertAssessmentOpenForInvites(tx, actor, assessmentId)).then(() => null, (e: { code?: string }) => e);
    expect(invite?.code).toBe("NOT_FOUND");
    expect(await h.db.prisma.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).toMatchObject({ title: "Acme only", status: "ACTIVE" });
    expect(await assessmentCount(rival.organizationId)).toBe(0);
  });
});
