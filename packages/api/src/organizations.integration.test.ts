import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme" });
});
afterAll(() => h.close());

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

/** Invites `email` as `role` and signs them up from the emailed link. */
async function inviteAndJoin(email: string, role: "ADMIN" | "MEMBER" | "VIEWER" | "OWNER", inviter = owner): Promise<TestUser> {
  await (await as(inviter)).members.invite({ email, role });
  const link = await h.linkFromLatestEmail(email, "/invitations/");
  const invitationToken = decodeURIComponent(link.split("/invitations/")[1]!);
  const preview = await (await h.caller()).members.previewInvitation({ token: invitationToken });
  expect(preview).toMatchObject({ organizationName: "Acme", email, role, state: "pending" });
  const api = await h.caller();
  const result = await api.auth.signUp({ name: email.split("@")[0]!, email, password: "a long enough password", invitationToken });
  return { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email, password: "a long enough password" };
}

describe("teammate invitations", () => {
  it("lets an invited teammate sign up into the same organisation with their role", async () => {
    const member = await inviteAndJoin("mia@acme.test", "MEMBER");
    expect(member.organizationId).toBe(owner.organizationId);
    const me = await (await as(member)).auth.me();
    expect(me?.user.emailVerified).toBe(true);
    expect(me?.organizations).toEqual([expect.objectContaining({ name: "Acme", role: "MEMBER" })]);
    const members = await (await as(owner)).members.list();
    expect(members.map((m) => [m.email, m.role])).toContainEqual(["mia@acme.test", "MEMBER"]);
    expect(await h.db.prisma.organization.count({ where: { memberships: { some: { userId: member.userId } } } })).toBe(1);
  });

  it("refuses to use an invitation twice, or for another address", async () => {
    await (await as(owner)).members.invite({ email: "once@acme.test", role: "VIEWER" });
    const link = await h.linkFromLatestEmail("once@acme.test", "/invitations/");
    const invitationToken = decodeURIComponent(link.split("/invitations/")[1]!);
    const wrongPerson = await h.caller();
    expect(await codeOf(wrongPerson.auth.signUp({ name: "Eve", email: "eve@evil.test", password: "a long enough password", invitationToken }))).toBe("FORBIDDEN");
    expect(await h.db.prisma.user.count({ where: { email: "eve@evil.test" } })).toBe(0);
    await (await h.caller()).auth.signUp({ name: "Once", email: "once@acme.test", password: "a long enough password", invitationToken });
    const stranger = await h.signUpVerified({ name: "S", email: "stranger@else.test" });
    expect(await codeOf((await as(stranger)).members.acceptInvitation({ token: invitationToken }))).toBe("PRECONDITION_FAILED");
  });

  it("revokes an invitation so its link stops working", async () => {
    const invitation = await (await as(owner)).members.invite({ email: "late@acme.test", role: "MEMBER" });
    const link = await h.linkFromLatestEmail("late@acme.test", "/invitations/");
    await (await as(owner)).members.revokeInvitation({ invitationId: invitation.id });
    const preview = await (await h.caller()).members.previewInvitation({ token: decodeURIComponent(link.split("/invitations/")[1]!) });
    expect(preview.state).toBe("revoked");
    expect((await (await as(owner)).members.invitations()).map((i) => i.id)).not.toContain(invitation.id);
  });

  it("will not invite someone who is already a member", async () => {
    expect(await codeOf((await as(owner)).members.invite({ email: "owner@acme.test", role: "MEMBER" }))).toBe("CONFLICT");
  });
});

describe("roles", () => {
  let viewer: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    viewer = await inviteAndJoin("vic@acme.test", "VIEWER");
    admin = await inviteAndJoin("ada@acme.test", "ADMIN");
  });

  it("a viewer can read members but cannot invite, change roles or remove anyone", async () => {
    const api = await as(viewer);
    expect((await api.members.list()).length).toBeGreaterThan(1);
    expect(await codeOf(api.members.invite({ email: "x@acme.test", role: "VIEWER" }))).toBe("FORBIDDEN");
    const target = (await api.members.list()).find((m) => m.email === "ada@acme.test")!;
    expect(await codeOf(api.members.changeRole({ membershipId: target.membershipId, role: "VIEWER" }))).toBe("FORBIDDEN");
    expect(await codeOf(api.members.remove({ membershipId: target.membershipId }))).toBe("FORBIDDEN");
    expect(await codeOf(api.organization.update({ name: "Hacked" }))).toBe("FORBIDDEN");
    expect(await h.db.prisma.teamInvitation.count({ where: { email: "x@acme.test" } })).toBe(0);
  });

  it("an admin cannot make anyone an owner, nor demote the owner", async () => {
    const api = await as(admin);
    const members = await api.members.list();
    const vic = members.find((m) => m.email === "vic@acme.test")!;
    const olivia = members.find((m) => m.email === "owner@acme.test")!;
    expect(await codeOf(api.members.changeRole({ membershipId: vic.membershipId, role: "OWNER" }))).toBe("FORBIDDEN");
    expect(await codeOf(api.members.changeRole({ membershipId: olivia.membershipId, role: "MEMBER" }))).toBe("FORBIDDEN");
    expect(await codeOf(api.members.invite({ email: "boss@acme.test", role: "OWNER" }))).toBe("FORBIDDEN");
    const updated = await api.members.changeRole({ membershipId: vic.membershipId, role: "MEMBER" });
    expect(updated.find((m) => m.email === "vic@acme.test")?.role).toBe("MEMBER");
    await api.members.changeRole({ membershipId: vic.membershipId, role: "VIEWER" });
  });

  it("the last owner can neither leave nor be demoted", async () => {
    const api = await as(owner);
    expect(await codeOf(api.organization.leave())).toBe("PRECONDITION_FAILED");
    const self = (await api.members.list()).find((m) => m.email === "owner@acme.test")!;
    expect(await codeOf(api.members.changeRole({ membershipId: self.membershipId, role: "ADMIN" }))).toBe("PRECONDITION_FAILED");
    expect(await h.db.prisma.membership.count({ where: { organizationId: owner.organizationId, role: "OWNER" } })).toBe(1);
  });

  it("a member can leave; their session falls back to no organisation", async () => {
    const leaver = await inviteAndJoin("leo@acme.test", "MEMBER");
    await (await as(leaver)).organization.leave();
    const me = await (await as(leaver)).auth.me();
    expect(me?.organizations).toEqual([]);
    expect(me?.activeOrganizationId).toBeNull();
  });
});

describe("several organisations", () => {
  it("creates a second organisation and switches between them", async () => {
    const api = await as(owner);
    const second = await api.organization.create({ name: "Side Project" });
    expect((await (await as(owner)).organization.current()).name).toBe("Side Project");
    await (await as(owner)).organization.switch({ organizationId: owner.organizationId });
    expect((await (await as(owner)).organization.current()).name).toBe("Acme");
    expect((await (await as(owner)).organization.list()).map((o) => o.id)).toContain(second.id);
  });
});
