import { grantPlatformAdminByEmail } from "@interviewlm/core/platform";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let admin: TestUser;
let member: TestUser;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUpVerified({ name: "Pat Platform", email: "pat@interviewlm.test", organizationName: "InterviewLM Ops" });
  member = await h.signUpVerified({ name: "Mo Member", email: "mo@customer.test", organizationName: "Customer Co" });
  await grantPlatformAdminByEmail(h.db.prisma, "PAT@interviewlm.test", true);
});
afterAll(() => h.close());

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof TRPCError ? error.code : String(error);
}

describe("platform administration", () => {
  it("shows a platform admin every organisation and user, with counts", async () => {
    const api = await h.caller({ cookie: admin.cookie });
    const organizations = await api.platform.organizations({});
    expect(organizations.map((o) => o.name)).toEqual(expect.arrayContaining(["InterviewLM Ops", "Customer Co"]));
    expect(organizations.find((o) => o.name === "Customer Co")).toMatchObject({ members: 1, assessments: 0, candidates: 0 });
    expect((await api.platform.organizations({ search: "custom" })).map((o) => o.name)).toEqual(["Customer Co"]);
    const users = await api.platform.users({ search: "mo@" });
    expect(users).toEqual([expect.objectContaining({ email: "mo@customer.test", isPlatformAdmin: false, organizations: 1 })]);
  });

  it("refuses everyone else, and changes nothing", async () => {
    const api = await h.caller({ cookie: member.cookie });
    expect(await codeOf(api.platform.organizations({}))).toBe("FORBIDDEN");
    expect(await codeOf(api.platform.users({}))).toBe("FORBIDDEN");
    expect(await codeOf(api.platform.setAdmin({ userId: member.userId, isPlatformAdmin: true }))).toBe("FORBIDDEN");
    expect((await h.db.prisma.user.findUniqueOrThrow({ where: { id: member.userId } })).isPlatformAdmin).toBe(false);
    expect(await codeOf((await h.caller()).platform.users({}))).toBe("UNAUTHORIZED");
  });

  it("grants and withdraws the role, never the caller's own, and audits it", async () => {
    const api = await h.caller({ cookie: admin.cookie });
    expect((await api.platform.setAdmin({ userId: member.userId, isPlatformAdmin: true })).isPlatformAdmin).toBe(true);
    expect((await api.platform.setAdmin({ userId: member.userId, isPlatformAdmin: false })).isPlatformAdmin).toBe(false);
    expect(await codeOf(api.platform.setAdmin({ userId: admin.userId, isPlatformAdmin: false }))).toBe("PRECONDITION_FAILED");
    expect(await codeOf(api.platform.setAdmin({ userId: "no-such-user", isPlatformAdmin: true }))).toBe("NOT_FOUND");
    const audit = await h.db.prisma.auditLog.findMany({ where: { targetId: member.userId, action: { startsWith: "platform." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["platform.admin_granted", "platform.admin_revoked"]);
  });

  it("rejects bad input field by field", async () => {
    const api = await h.caller({ cookie: admin.cookie });
    expect(await codeOf(api.platform.users({ search: "x".repeat(101) }))).toBe("BAD_REQUEST");
  });
});
