// Report share links against a real database (docs/decisions/0142): a link opens the report and
// counts the view; revoking stops it at once; an expired one (made with an injected clock)
// refuses; forged, edited or foreign-purpose tokens are "invalid"; creating and revoking are
// audited; another organisation's session or share is NOT_FOUND and a viewer may not share.
import { signToken } from "@interviewlm/tokens";
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgActor } from "../shared/deps.ts";
import type { DomainError } from "../shared/errors.ts";
import type { ReportShareLinkError } from "./errors.ts";
import { createReportShare, listActiveReportShares, openSharedReport, revokeReportShare, type ShareDeps } from "./report-shares.ts";

const SECRET = "report-share-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const DAY = 86_400_000;
let db: TestDatabase;
let acme: OrgActor;
let acmeViewer: OrgActor;
let rival: OrgActor;
let finished: string;
let unfinished: string;

const deps = (now?: Date): ShareDeps => ({ db: db.prisma, appUrl: "https://app.test", keys: SECRET, now });
const tokenOf = (url: string) => url.slice("https://app.test/shared/reports/".length);
const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e);
const problemOf = async (promise: Promise<unknown>) => ((await failure(promise)) as ReportShareLinkError).problem;
const codeOf = async (promise: Promise<unknown>) => ((await failure(promise)) as DomainError).code;

async function member(organizationId: string, name: string, role: OrgActor["role"]): Promise<OrgActor> {
  const user = await db.prisma.user.create({ data: { name, email: `${name.toLowerCase()}@share.test`, emailVerifiedAt: new Date() } });
  await db.prisma.membership.create({ data: { organizationId, userId: user.id, role } });
  return { userId: user.id, organizationId, role };
}

async function session(actor: OrgActor, status: "COMPLETED" | "ACTIVE"): Promise<string> {
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: actor.organizationId, title: "Backend", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" },
  });
  const candidate = await db.prisma.candidate.create({
    data: { organizationId: actor.organizationId, assessmentId: assessment.id, name: `Cara ${status}`, email: `cara-${status}@share.test`, inviteNonce: status, expiresAt: new Date(Date.now() + DAY), status: status === "COMPLETED" ? "EVALUATED" : "STARTED" },
  });
  const row = await db.prisma.interviewSession.create({
    data: { organizationId: actor.organizationId, assessmentId: assessment.id, candidateId: candidate.id, status, language: "python", deadlineAt: new Date(Date.now() + 3_600_000) },
  });
  return row.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const acmeOrg = await db.prisma.organization.create({ data: { name: "Acme", slug: "acme" } });
  const rivalOrg = await db.prisma.organization.create({ data: { name: "Rival", slug: "rival" } });
  acme = await member(acmeOrg.id, "Mia", "MEMBER");
  acmeViewer = await member(acmeOrg.id, "Vic", "VIEWER");
  rival = await member(rivalOrg.id, "Ron", "OWNER");
  finished = await session(acme, "COMPLETED");
  unfinished = await session(acme, "ACTIVE");
}, 120_000);
afterAll(() => db?.close());

describe("report share links", () => {
  it("open the report read-only, count each view, and are listed as active with the link to copy again", async () => {
    const share = await createReportShare(deps(), acme, { sessionId: finished, expiresInDays: 7 });
    expect(share.url).toMatch(/^https:\/\/app\.test\/shared\/reports\/t1\./);
    expect(share.expiresAt.getTime() - share.createdAt.getTime()).toBe(7 * DAY);
    const report = await openSharedReport(deps(), { token: tokenOf(share.url) });
    expect(report).toMatchObject({ candidateName: "Cara COMPLETED", assessmentTitle: "Backend", organizationName: "Acme", evaluation: null });
    await openSharedReport(deps(), { token: tokenOf(share.url) });
    const [listed] = await listActiveReportShares(deps(), acme, { sessionId: finished });
    expect(listed).toMatchObject({ id: share.id, url: share.url, viewCount: 2, createdBy: "Mia" });
    const audit = await db.prisma.auditLog.findFirst({ where: { action: "report.shared", targetId: finished } });
    expect(audit).toMatchObject({ organizationId: acme.organizationId, actorUserId: acme.userId, metadata: expect.objectContaining({ shareId: share.id, expiresInDays: 7 }) });
  });

  it("stop working at once when revoked; revoking twice is refused and audited once", async () => {
    const share = await createReportShare(deps(), acme, { sessionId: finished, expiresInDays: 1 });
    await revokeReportShare(deps(), acme, { shareId: share.id });
    expect(await problemOf(openSharedReport(deps(), { token: tokenOf(share.url) }))).toBe("revoked");
    expect(await codeOf(revokeReportShare(deps(), acme, { shareId: share.id }))).toBe("CONFLICT");
    expect((await listActiveReportShares(deps(), acme, { sessionId: finished })).map((s) => s.id)).not.toContain(share.id);
    expect(await db.prisma.auditLog.count({ where: { action: "report.share_revoked", metadata: { path: ["shareId"], equals: share.id } } })).toBe(1);
  });

  it("refuse once expired (the link was made 31 days ago for 30 days)", async () => {
    const share = await createReportShare(deps(new Date(Date.now() - 31 * DAY)), acme, { sessionId: finished, expiresInDays: 30 });
    expect(await problemOf(openSharedReport(deps(), { token: tokenOf(share.url) }))).toBe("expired");
    expect((await listActiveReportShares(deps(), acme, { sessionId: finished })).map((s) => s.id)).not.toContain(share.id);
    // Still readable a moment before its end, by the same clock.
    expect((await openSharedReport(deps(new Date(share.expiresAt.getTime() - 1000)), { token: tokenOf(share.url) })).candidateName).toBe("Cara COMPLETED");
  });

  it("call forged, edited, foreign-purpose and unknown tokens invalid", async () => {
    const share = await createReportShare(deps(), acme, { sessionId: finished, expiresInDays: 1 });
    const token = tokenOf(share.url);
    const [v, payload] = token.split(".");
    expect(await problemOf(openSharedReport(deps(), { token: `${v}.${payload}.AAAA` }))).toBe("invalid");
    expect(await problemOf(openSharedReport(deps(), { token: "not-a-token" }))).toBe("invalid");
    expect(await problemOf(openSharedReport({ ...deps(), keys: "another-secret-0123456789abcdefghijklmnopqrstuvwxyz" }, { token }))).toBe("invalid");
    const otherPurpose = await signToken(SECRET, "interviewlm.candidate-invite", { s: share.id }, { ttlSeconds: 600 });
    expect(await problemOf(openSharedReport(deps(), { token: otherPurpose }))).toBe("invalid");
    const unknownRow = await signToken(SECRET, "interviewlm.report-share", { s: "no-such-share" }, { ttlSeconds: 600 });
    expect(await problemOf(openSharedReport(deps(), { token: unknownRow }))).toBe("invalid");
  });

  it("are refused for unfinished sessions, unknown lifetimes, viewers and other organisations, changing nothing", async () => {
    const before = await db.prisma.reportShare.count();
    expect(await codeOf(createReportShare(deps(), acme, { sessionId: unfinished, expiresInDays: 1 }))).toBe("PRECONDITION_FAILED");
    expect(await failure(createReportShare(deps(), acme, { sessionId: finished, expiresInDays: 3 as 1 }))).toMatchObject({ name: "ZodError" });
    expect(await codeOf(createReportShare(deps(), acmeViewer, { sessionId: finished, expiresInDays: 1 }))).toBe("FORBIDDEN");
    expect(await codeOf(createReportShare(deps(), rival, { sessionId: finished, expiresInDays: 1 }))).toBe("NOT_FOUND");
    expect(await codeOf(listActiveReportShares(deps(), rival, { sessionId: finished }))).toBe("NOT_FOUND");
    const acmeShare = (await listActiveReportShares(deps(), acme, { sessionId: finished }))[0]!;
    expect(await codeOf(revokeReportShare(deps(), rival, { shareId: acmeShare.id }))).toBe("NOT_FOUND");
    expect(await db.prisma.reportShare.count()).toBe(before);
    expect((await db.prisma.reportShare.findUniqueOrThrow({ where: { id: acmeShare.id } })).revokedAt).toBeNull();
  });
});
