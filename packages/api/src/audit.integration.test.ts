// The audit log (audit.list): owners and admins only, the organisation's own rows, filters by
// category / actor / days, cursor paging newest first, plain-words labels, and sign-in and
// sign-out recorded in the organisation's trail.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
const roles: Partial<Record<"ADMIN" | "MEMBER" | "VIEWER", TestUser>> = {};
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
  const result = await api.auth.signUp({ name: `${role.toLowerCase()} person`, email, password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
  return { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email, password: "a long enough password" };
}

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme" });
  for (const role of ["ADMIN", "MEMBER", "VIEWER"] as const) roles[role] = await inviteAndJoin(`${role.toLowerCase()}@acme.test`, role);
});
afterAll(() => h.close());

describe("audit.list", () => {
  it("is for owners and admins; members and viewers get FORBIDDEN", async () => {
    expect((await (await as(owner)).audit.list({})).items.length).toBeGreaterThan(0);
    expect((await (await as(roles.ADMIN!)).audit.list({})).items.length).toBeGreaterThan(0);
    expect(await codeOf((await as(roles.MEMBER!)).audit.list({}))).toBe("FORBIDDEN");
    expect(await codeOf((await as(roles.VIEWER!)).audit.list({}))).toBe("FORBIDDEN");
  });

  it("labels known actions in plain words, names members, and filters by category and actor", async () => {
    const api = await as(owner);
    const members = await api.members.list();
    const viewer = members.find((m) => m.email === "viewer@acme.test")!;
    await api.members.changeRole({ membershipId: viewer.membershipId, role: "MEMBER" });

    const memberRows = (await api.audit.list({ category: "member" })).items;
    expect(memberRows.every((r) => r.action.startsWith("member."))).toBe(true);
    const changed = memberRows[0]!;
    expect(changed).toMatchObject({ action: "member.role_changed", label: "Changed a member's role", actor: { email: "owner@acme.test", name: "Olivia Owner" }, actorOutside: false });
    expect(changed.target).toContain("viewer@acme.test");
    expect(memberRows.filter((r) => r.action === "member.invited")).toHaveLength(3);

    const byAdmin = (await api.audit.list({ actorUserId: roles.ADMIN!.userId })).items;
    expect(byAdmin.length).toBeGreaterThan(0);
    expect(byAdmin.every((r) => r.actor?.userId === roles.ADMIN!.userId)).toBe(true);
  });

  it("shows unknown actions raw", async () => {
    await h.db.prisma.auditLog.create({ data: { organizationId: owner.organizationId, action: "future.thing_happened" } });
    const [row] = (await (await as(owner)).audit.list({ limit: 1 })).items;
    expect(row).toMatchObject({ action: "future.thing_happened", label: "future.thing_happened", actor: null, actorOutside: false });
  });

  it("records sign-in and sign-out in the organisation's trail, with the IP", async () => {
    const anon = await h.caller({ ipAddress: "203.0.113.7" });
    await anon.auth.logIn({ email: roles.MEMBER!.email, password: roles.MEMBER!.password });
    const cookie = sessionCookieFrom(anon.responseHeaders)!;
    await (await h.caller({ cookie, ipAddress: "203.0.113.8" })).auth.logOut();
    const rows = (await (await as(owner)).audit.list({ category: "user", actorUserId: roles.MEMBER!.userId })).items;
    expect(rows.slice(0, 2).map((r) => [r.action, r.label, r.ipAddress])).toEqual([
      ["user.logged_out", "Signed out", "203.0.113.8"],
      ["user.logged_in", "Signed in", "203.0.113.7"],
    ]);
  });

  it("pages newest first by cursor without gaps or repeats", async () => {
    const api = await as(owner);
    const all = (await api.audit.list({ limit: 100 })).items.map((r) => r.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.audit.list({ limit: 2, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    const times = (await api.audit.list({ limit: 100 })).items.map((r) => new Date(r.createdAt).getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("filters by whole UTC days and refuses a reversed range", async () => {
    const api = await as(owner);
    const newest = (await api.audit.list({ limit: 1 })).items[0]!;
    const day = new Date(newest.createdAt).toISOString().slice(0, 10);
    expect((await api.audit.list({ from: day, to: day })).items.map((r) => r.id)).toContain(newest.id);
    expect((await api.audit.list({ from: "2999-01-01" })).items).toEqual([]);
    expect((await api.audit.list({ to: "2000-01-01" })).items).toEqual([]);
    expect(await codeOf(api.audit.list({ from: "2026-02-01", to: "2026-01-01" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.audit.list({ from: "yesterday" }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.audit.list({ category: "nonsense" as "user" }))).toBe("BAD_REQUEST");
  });
});
