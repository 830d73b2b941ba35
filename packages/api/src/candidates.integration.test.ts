import { advanceCandidateStatus, expireInvitations } from "@interviewlm/core/candidates";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
let assessmentId: string;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme Hiring" });
  assessmentId = await createAssessment(owner.organizationId, "Backend Python, mid-level");
});
afterAll(() => h.close());

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

/** A minimal assessment row (the assessments service has its own tests). */
async function createAssessment(organizationId: string, title: string, status: "ACTIVE" | "ARCHIVED" = "ACTIVE"): Promise<string> {
  const row = await h.db.prisma.assessment.create({
    data: {
      organizationId,
      title,
      role: "Backend engineer",
      seniority: "MID",
      languages: ["python"],
      durationMinutes: 90,
      questionCount: 2,
      questionSelection: "AUTO",
      status,
    },
    select: { id: true },
  });
  return row.id;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

async function tokenFor(email: string): Promise<string> {
  return (await h.linkFromLatestEmail(email, "/i/")).split("/i/")[1]!;
}

describe("inviting one candidate", () => {
  it("creates an INVITED candidate expiring in 7 days and queues the invitation with the portal link", async () => {
    const api = await as(owner);
    const candidate = await api.candidates.invite({ assessmentId, name: "Grace Hopper", email: " Grace@Example.com " });
    expect(candidate).toMatchObject({ name: "Grace Hopper", email: "grace@example.com", status: "INVITED", assessmentTitle: "Backend Python, mid-level" });
    expect(candidate).not.toHaveProperty("inviteNonce");
    expect(candidate.expiresAt.getTime() - candidate.invitedAt.getTime()).toBeGreaterThan(7 * DAY - 1000);
    expect(candidate.expiresAt.getTime() - candidate.invitedAt.getTime()).toBeLessThanOrEqual(7 * DAY);

    const mail = await h.db.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: "grace@example.com" } });
    expect(mail).toMatchObject({ template: "assessment-invitation", organizationId: owner.organizationId, status: "QUEUED" });
    expect(mail.subject).toBe("Acme Hiring invited you to a technical interview: Backend Python, mid-level");
    expect(mail.text).toContain("2 coding questions in 90 minutes");
    expect(mail.text).toContain("for the Backend engineer role");
    // The organisation's retention period (365 days for a new one), as the portal's consent states it.
    expect(mail.text).toContain("Acme Hiring keeps the recording, your code and your results for 365 days after your assessment is evaluated");
    expect(await h.linkFromLatestEmail("grace@example.com", "/i/")).toMatch(/^http:\/\/localhost:3000\/i\/t1\.[\w-]+\.[\w-]+$/);
    const audit = await h.db.prisma.auditLog.findFirst({ where: { action: "candidate.invited", targetId: candidate.id } });
    expect(audit?.actorUserId).toBe(owner.userId);
  });

  it("takes a configurable expiry between 1 and 30 days", async () => {
    const api = await as(owner);
    const candidate = await api.candidates.invite({ assessmentId, name: "Quick", email: "quick@example.com", expiresInDays: 2 });
    expect(Math.round((candidate.expiresAt.getTime() - candidate.invitedAt.getTime()) / DAY)).toBe(2);
    const error = await errorOf(api.candidates.invite({ assessmentId, name: "Slow", email: "slow@example.com", expiresInDays: 31 }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await h.db.prisma.candidate.count({ where: { email: "slow@example.com" } })).toBe(0);
  });

  it("refuses the same address twice for one assessment, with a message on the email field", async () => {
    const error = await errorOf((await as(owner)).candidates.invite({ assessmentId, name: "Grace again", email: "grace@example.com" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/already invited/);
    expect(await h.db.prisma.emailMessage.count({ where: { toAddress: "grace@example.com" } })).toBe(1);
  });

  it("explains bad input per field and changes nothing", async () => {
    const error = await errorOf((await as(owner)).candidates.invite({ assessmentId, name: " ", email: "nope" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(await h.db.prisma.candidate.count({ where: { email: "nope" } })).toBe(0);
  });

  it("refuses to invite to an archived assessment", async () => {
    const archived = await createAssessment(owner.organizationId, "Old role", "ARCHIVED");
    const error = await errorOf((await as(owner)).candidates.invite({ assessmentId: archived, name: "Late", email: "late@example.com" }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/archived/);
  });
});

describe("bulk invite from CSV", () => {
  it("invites the valid rows and reports invalid and duplicate ones by line, all in one request", async () => {
    const csv = [
      "name,email",
      "Ada Lovelace,ada@example.com",
      "Broken Row,not-an-email",
      '"Hopper, Grace",grace@example.com',
      "Alan Turing,alan@example.com",
      "Ada Again,ADA@example.com",
      ",nobody@example.com",
    ].join("\r\n");
    const report = await (await as(owner)).candidates.inviteBulk({ assessmentId, csv });
    expect(report.counts).toEqual({ invited: 2, invalid: 2, duplicate: 2, no_credits: 0 });
    expect(report.rows.map((r) => [r.row, r.email, r.outcome, r.reason])).toEqual([
      [2, "ada@example.com", "invited", null],
      [3, "not-an-email", "invalid", "Enter a valid email address, like name@example.com"],
      [4, "grace@example.com", "duplicate", "Already invited to this assessment."],
      [5, "alan@example.com", "invited", null],
      [6, "ada@example.com", "duplicate", "Same address as line 2 of this file."],
      [7, "nobody@example.com", "invalid", "The name is missing."],
    ]);
    for (const email of ["ada@example.com", "alan@example.com"]) {
      expect(await h.db.prisma.emailMessage.count({ where: { toAddress: email, template: "assessment-invitation" } })).toBe(1);
    }
    expect(await h.db.prisma.emailMessage.count({ where: { toAddress: { in: ["not-an-email", "nobody@example.com"] } } })).toBe(0);
    expect(await h.db.prisma.emailMessage.count({ where: { toAddress: "grace@example.com" } })).toBe(1);
    const summary = await h.db.prisma.auditLog.findFirst({ where: { action: "candidate.bulk_invited", targetId: assessmentId } });
    expect(summary?.metadata).toEqual({ invited: 2, invalid: 2, duplicate: 2, no_credits: 0 });
  });

  it("refuses a file that cannot be read as a whole, inviting nobody", async () => {
    const api = await as(owner);
    expect(await codeOf(api.candidates.inviteBulk({ assessmentId, csv: 'name,email\n"Unclosed,x@example.com' }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.candidates.inviteBulk({ assessmentId, csv: "name,email\n" }))).toBe("BAD_REQUEST");
    const tooMany = Array.from({ length: 501 }, (_, i) => `P${i},p${i}@bulk.test`).join("\n");
    expect(await codeOf(api.candidates.inviteBulk({ assessmentId, csv: tooMany }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.candidates.inviteBulk({ assessmentId, csv: "x".repeat(201 * 1024) }))).toBe("BAD_REQUEST");
    expect(await h.db.prisma.candidate.count({ where: { email: { endsWith: "@bulk.test" } } })).toBe(0);
  });
});

describe("resend, remind, revoke", () => {
  it("resend rotates the link: the old one says a newer invitation was sent, the new one works", async () => {
    const api = await as(owner);
    const candidate = await api.candidates.invite({ assessmentId, name: "Rita Resend", email: "rita@example.com" });
    const oldToken = await tokenFor("rita@example.com");
    h.setNow(new Date(Date.now() + 2 * DAY));
    try {
      const resent = await api.candidates.resend({ candidateId: candidate.id });
      expect(resent.expiresAt.getTime()).toBeGreaterThan(candidate.expiresAt.getTime());
      const newToken = await tokenFor("rita@example.com");
      expect(newToken).not.toBe(oldToken);
      const error = await errorOf((await h.caller()).portal.view({ token: oldToken }));
      expect(error.code).toBe("PRECONDITION_FAILED");
      expect(error.message).toBe("A newer invitation was sent; use the latest email.");
      expect((await (await h.caller()).portal.view({ token: newToken })).candidate.name).toBe("Rita Resend");
    } finally {
      h.setNow(null);
    }
  });

  it("remind re-sends the same link with a reminder, counts it, and only while unused", async () => {
    const api = await as(owner);
    const candidate = await api.candidates.invite({ assessmentId, name: "Remy Remind", email: "remy@example.com" });
    const link = await h.linkFromLatestEmail("remy@example.com", "/i/");
    const reminded = await api.candidates.remind({ candidateId: candidate.id });
    expect(reminded.remindersSent).toBe(1);
    const reminder = await h.db.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: "remy@example.com", template: "assessment-reminder" } });
    expect(reminder.text).toContain(link);
    expect(reminder.subject).toMatch(/^Reminder: your Backend Python, mid-level interview with Acme Hiring/);

    await advanceCandidateStatus(h.db.prisma, { candidateId: candidate.id, to: "STARTED", now: new Date() });
    const error = await errorOf(api.candidates.remind({ candidateId: candidate.id }));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(error.message).toMatch(/already started/);
  });

  it("revoke withdraws the link (the portal says so) and is refused once the candidate started", async () => {
    const api = await as(owner);
    const candidate = await api.candidates.invite({ assessmentId, name: "Vera Revoked", email: "vera@example.com" });
    const token = await tokenFor("vera@example.com");
    const revoked = await api.candidates.revoke({ candidateId: candidate.id });
    expect(revoked.status).toBe("REVOKED");
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect((await api.candidates.revoke({ candidateId: candidate.id })).status).toBe("REVOKED");
    const error = await errorOf((await h.caller()).portal.view({ token }));
    expect(error.message).toBe("This invitation was withdrawn by the company that sent it.");
    expect(await h.db.prisma.auditLog.count({ where: { action: "candidate.revoked", targetId: candidate.id } })).toBe(1);

    // Re-inviting after a revoke sends a fresh link; the revoked one stays dead.
    const back = await api.candidates.resend({ candidateId: candidate.id });
    expect(back.status).toBe("INVITED");
    expect((await errorOf((await h.caller()).portal.view({ token }))).message).toMatch(/newer invitation/);

    const started = await api.candidates.invite({ assessmentId, name: "Stan Started", email: "stan@example.com" });
    await advanceCandidateStatus(h.db.prisma, { candidateId: started.id, to: "STARTED", now: new Date() });
    const refused = await errorOf(api.candidates.revoke({ candidateId: started.id }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
    expect((await api.candidates.get({ candidateId: started.id })).status).toBe("STARTED");
  });
});

describe("expiry", () => {
  it("the scheduled job expires unused invitations once, even when run twice at the same time", async () => {
    const api = await as(owner);
    const soon = await api.candidates.invite({ assessmentId, name: "Eve Expiring", email: "eve@example.com", expiresInDays: 1 });
    const token = await tokenFor("eve@example.com");
    const later = new Date(Date.now() + 1 * DAY + 60_000);

    // Before the job runs, the link is already refused by its time.
    h.setNow(later);
    try {
      expect((await errorOf((await h.caller()).portal.view({ token }))).message).toMatch(/expired/);
      const [a, b] = await Promise.all([expireInvitations(h.db.prisma, later), expireInvitations(h.db.prisma, later)]);
      const moved = [...a, ...b].filter((row) => row.id === soon.id);
      expect(moved).toEqual([{ id: soon.id, organizationId: owner.organizationId, assessmentId }]);
      expect(await expireInvitations(h.db.prisma, later)).toEqual([]);
      const expired = await api.candidates.get({ candidateId: soon.id });
      expect(expired.status).toBe("EXPIRED");
      expect(expired.expiredAt?.getTime()).toBe(later.getTime());
      expect(await codeOf(api.candidates.remind({ candidateId: soon.id }))).toBe("PRECONDITION_FAILED");
      // STARTED and COMPLETED candidates are never expired by the job.
      const stan = (await api.candidates.list({ query: "stan@" })).items[0]!;
      expect(stan.status).toBe("STARTED");
    } finally {
      h.setNow(null);
    }
  });
});

describe("pipeline", () => {
  it("moves only forward, one step at a time, and stamps each step", async () => {
    const api = await as(owner);
    const c = await api.candidates.invite({ assessmentId, name: "Paula Pipeline", email: "paula@example.com" });
    const now = new Date();
    const step = (to: "OPENED" | "STARTED" | "COMPLETED" | "EVALUATED") =>
      advanceCandidateStatus(h.db.prisma, { candidateId: c.id, to, now });
    expect(await step("COMPLETED")).toBe(false);
    const opened = await Promise.all([step("OPENED"), step("OPENED")]);
    expect(opened.filter(Boolean)).toHaveLength(1);
    expect(await step("STARTED")).toBe(true);
    expect(await step("OPENED")).toBe(false);
    expect(await step("COMPLETED")).toBe(true);
    expect(await step("EVALUATED")).toBe(true);
    const final = await api.candidates.get({ candidateId: c.id });
    expect(final.status).toBe("EVALUATED");
    for (const stamp of [final.openedAt, final.startedAt, final.completedAt, final.evaluatedAt]) expect(stamp?.getTime()).toBe(now.getTime());
    expect(final.can).toEqual({ resend: false, remind: false, revoke: false, erase: true });
  });
});

describe("listing", () => {
  it("filters by status and assessment, searches name and email, pages newest first and counts by status", async () => {
    const api = await as(owner);
    const other = await createAssessment(owner.organizationId, "Frontend TypeScript");
    await api.candidates.invite({ assessmentId: other, name: "Fred Frontend", email: "fred@example.com" });

    const all = await api.candidates.list({ pageSize: 100 });
    expect(all.total).toBe(all.items.length);
    expect(all.items[0]!.email).toBe("fred@example.com");
    const times = all.items.map((c) => c.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    expect((await api.candidates.list({ assessmentId: other })).items.map((c) => c.email)).toEqual(["fred@example.com"]);
    expect((await api.candidates.list({ query: "HOPPER" })).items.map((c) => c.email)).toEqual(["grace@example.com"]);
    expect((await api.candidates.list({ query: "alan@" })).items.map((c) => c.name)).toEqual(["Alan Turing"]);
    expect((await api.candidates.list({ status: "REVOKED" })).items).toEqual([]);
    expect((await api.candidates.list({ status: "EXPIRED" })).items.map((c) => c.email)).toEqual(["eve@example.com"]);

    const page1 = await api.candidates.list({ pageSize: 3, page: 1 });
    const page2 = await api.candidates.list({ pageSize: 3, page: 2 });
    expect(page1.pageCount).toBe(Math.ceil(all.total / 3));
    expect(page2.items.map((c) => c.id)).toEqual(all.items.slice(3, 6).map((c) => c.id));

    const counts = await api.candidates.counts({});
    expect(counts.total).toBe(all.total);
    expect(counts.EXPIRED).toBe(1);
    expect(counts.EVALUATED).toBe(1);
    expect((await api.candidates.counts({ assessmentId: other })).INVITED).toBe(1);
  });
});

describe("roles and limits", () => {
  let viewer: TestUser;
  beforeAll(async () => {
    await (await as(owner)).members.invite({ email: "vic@acme.test", role: "VIEWER" });
    const link = await h.linkFromLatestEmail("vic@acme.test", "/invitations/");
    const invitationToken = decodeURIComponent(link.split("/invitations/")[1]!);
    const api = await h.caller();
    const result = await api.auth.signUp({ name: "Vic Viewer", email: "vic@acme.test", password: "a long enough password", invitationToken });
    viewer = { cookie: sessionCookieFrom(api.responseHeaders)!, userId: result.userId, organizationId: result.organizationId!, email: "vic@acme.test", password: "" };
  });

  it("a viewer can read candidates but cannot invite, resend, remind or revoke", async () => {
    const api = await as(viewer);
    const listed = await api.candidates.list({});
    expect(listed.total).toBeGreaterThan(0);
    const someone = listed.items.find((c) => c.status === "INVITED")!;
    expect(await codeOf(api.candidates.invite({ assessmentId, name: "No", email: "no@example.com" }))).toBe("FORBIDDEN");
    expect(await codeOf(api.candidates.inviteBulk({ assessmentId, csv: "No,no@example.com" }))).toBe("FORBIDDEN");
    expect(await codeOf(api.candidates.resend({ candidateId: someone.id }))).toBe("FORBIDDEN");
    expect(await codeOf(api.candidates.remind({ candidateId: someone.id }))).toBe("FORBIDDEN");
    expect(await codeOf(api.candidates.revoke({ candidateId: someone.id }))).toBe("FORBIDDEN");
    expect(await h.db.prisma.candidate.count({ where: { email: "no@example.com" } })).toBe(0);
  });

  it("limits invitation emails per organisation and says when to try again", async () => {
    const boss = await h.signUpVerified({ name: "Busy", email: "busy@limits.test", organizationName: "Limits Ltd" });
    const target = await createAssessment(boss.organizationId, "Limited");
    const api = await as(boss);
    for (let i = 0; i < 50; i += 1) await api.candidates.inviteBulk({ assessmentId: target, csv: `P${i},p${i}@limits.test` });
    const error = await errorOf(api.candidates.invite({ assessmentId: target, name: "One more", email: "more@limits.test" }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Too many invitations. Try again in \d+ s/);
    // Another organisation has its own budget.
    expect((await (await as(owner)).candidates.invite({ assessmentId, name: "Still fine", email: "fine@example.com" })).status).toBe("INVITED");
  });
});
