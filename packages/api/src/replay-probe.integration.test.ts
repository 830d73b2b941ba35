// "Open a sandbox at this moment" through the router, a real database and the real local
// sandbox: the files at T go into a new workspace and the question's visible and hidden tests
// run there — the reference solution passes at one moment, the starter code fails at a later
// one; each probe is in the audit log; a viewer may not probe; another organisation's session
// is NOT_FOUND. A terminal ticket for a probe workspace goes only to the reviewer who opened
// it, and names that workspace.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestRecording } from "@interviewlm/core/interviews";
import { probeTerminalKeys, verifyProbeTerminalTicket } from "@interviewlm/core/replay";
import { loadQuestionBank, questionWorkspaceFiles, referenceWorkspaceFiles, seedQuestionBank } from "@interviewlm/core/questions";
import { LocalProvider } from "@interviewlm/sandbox";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let provider: LocalProvider;
let dataDir: string;
let owner: TestUser;
let viewer: TestUser;
let member: TestUser;
let rival: TestUser;
let sessionId: string;
const START = Date.UTC(2026, 0, 5, 9, 0, 0);

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "ilm-probe-test-"));
  provider = await LocalProvider.start({ dataDir, allowWeakIsolation: process.env.SANDBOX_ALLOW_WEAK_ISOLATION === "1", logger: { info: () => undefined, warn: () => undefined } });
  h = await createHarness({
    sandbox: {
      createWorkspace: (r) => provider.createWorkspace(r),
      runTests: (id, r) => provider.runTests(id, r),
      checkCodeRuns: async () => ({ ok: true, code: null, problem: null }),
    },
  });
  const prisma = h.db.prisma;
  await seedQuestionBank(prisma, loadQuestionBank());
  owner = await h.signUpVerified({ name: "Ann", email: "ann@probe-acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rob", email: "rob@probe-rival.test", organizationName: "Rival" });
  await (await as(owner)).members.invite({ email: "vic@probe-acme.test", role: "VIEWER" });
  const link = await h.linkFromLatestEmail("vic@probe-acme.test", "/invitations/");
  const api = await h.caller();
  const joined = await api.auth.signUp({ name: "Vic", email: "vic@probe-acme.test", password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
  viewer = { cookie: sessionCookieFrom(api.responseHeaders)!, userId: joined.userId, organizationId: joined.organizationId!, email: "vic@probe-acme.test", password: "a long enough password" };
  await (await as(owner)).members.invite({ email: "max@probe-acme.test", role: "MEMBER" });
  const memberLink = await h.linkFromLatestEmail("max@probe-acme.test", "/invitations/");
  const memberApi = await h.caller();
  const memberJoined = await memberApi.auth.signUp({ name: "Max", email: "max@probe-acme.test", password: "a long enough password", invitationToken: decodeURIComponent(memberLink.split("/invitations/")[1]!) });
  member = { cookie: sessionCookieFrom(memberApi.responseHeaders)!, userId: memberJoined.userId, organizationId: memberJoined.organizationId!, email: "max@probe-acme.test", password: "a long enough password" };

  const question = await prisma.question.findFirstOrThrow({ where: { language: "python", organizationId: null }, orderBy: { slug: "asc" } });
  const assessment = await prisma.assessment.create({
    data: { organizationId: owner.organizationId, title: "Probe", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL" },
  });
  const candidate = await prisma.candidate.create({
    data: { organizationId: owner.organizationId, assessmentId: assessment.id, name: "Cara", email: "cara@probe.test", inviteNonce: "nonce-probe", expiresAt: new Date(START + 86_400_000) },
  });
  sessionId = (
    await prisma.interviewSession.create({
      data: {
        organizationId: owner.organizationId, assessmentId: assessment.id, candidateId: candidate.id, status: "COMPLETED", language: "python",
        startedAt: new Date(START), deadlineAt: new Date(START + 3_600_000), completedAt: new Date(START + 60_000),
        questions: { create: { questionId: question.id, position: 0, difficulty: question.difficulty } },
      },
    })
  ).id;

  // The document: the solved workspace at 10 s, the starter code back at 30 s.
  const doc = new Y.Doc();
  const files = doc.getMap<Y.Text>("files");
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  doc.transact(() => {
    for (const f of referenceWorkspaceFiles(question)) files.set(f.path, new Y.Text(f.content));
  });
  const solved = updates.length;
  doc.transact(() => {
    for (const f of questionWorkspaceFiles(question, "VISIBLE")) {
      const text = files.get(f.path);
      if (text && text.toString() !== f.content) {
        text.delete(0, text.length);
        text.insert(0, f.content);
      }
    }
  });
  const b64 = (u: Uint8Array) => Buffer.from(u).toString("base64");
  await ingestRecording(prisma, {
    sessionId,
    events: [
      { seq: 1, at: START + 10_000, type: "yjs.update", actor: "candidate:c", payload: { update: b64(Y.mergeUpdates(updates.slice(0, solved))) } },
      { seq: 2, at: START + 30_000, type: "yjs.update", actor: "candidate:c", payload: { update: b64(Y.mergeUpdates(updates.slice(solved))) } },
    ],
  });
}, 180_000);

afterAll(async () => {
  await h?.close();
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("replay.probe", () => {
  it("runs the visible and hidden tests on the files as they were at T, in a new workspace, and audits it", async () => {
    const api = await as(owner);
    const solved = await api.replay.probe({ sessionId, t: 20_000 });
    expect(solved.run.totals.total).toBeGreaterThan(0);
    expect(solved.run.totals.passed).toBe(solved.run.totals.total);
    expect(solved.run.tests.some((t) => t.kind === "hidden")).toBe(true);
    expect(solved.run.tests.some((t) => t.kind === "visible")).toBe(true);

    const starter = await api.replay.probe({ sessionId, t: 40_000 });
    expect(starter.run.totals.passed).toBeLessThan(starter.run.totals.total);
    expect(starter.workspaceId).not.toBe(solved.workspaceId);

    const audit = await h.db.prisma.auditLog.findMany({ where: { organizationId: owner.organizationId, action: "replay.probed" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => [a.targetId, a.actorUserId, (a.metadata as { t: number }).t])).toEqual([
      [sessionId, owner.userId, 20_000],
      [sessionId, owner.userId, 40_000],
    ]);
  }, 240_000);

  it("is refused to a viewer and unknown to another organisation, and probes nothing", async () => {
    const before = await h.db.prisma.auditLog.count({ where: { action: "replay.probed" } });
    const refused = await (await as(viewer)).replay.probe({ sessionId, t: 20_000 }).then(() => null, (e: unknown) => e);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    const hidden = await (await as(rival)).replay.probe({ sessionId, t: 20_000 }).then(() => null, (e: unknown) => e);
    expect((hidden as TRPCError).code).toBe("NOT_FOUND");
    const early = await (await as(owner)).replay.probe({ sessionId, t: 1000 }).then(() => null, (e: unknown) => e);
    expect((early as TRPCError).message).toContain("no files at this moment");
    expect(await h.db.prisma.auditLog.count({ where: { action: "replay.probed" } })).toBe(before);
  });
});

describe("replay.probeTerminal", () => {
  it("hands the reviewer who probed a short ticket naming her probe workspace, and nobody else one", async () => {
    const probe = await (await as(owner)).replay.probe({ sessionId, t: 20_000 });
    const { ticket, expiresInSeconds } = await (await as(owner)).replay.probeTerminal({ sessionId, workspaceId: probe.workspaceId });
    expect(expiresInSeconds).toBeLessThanOrEqual(60);
    const verified = await verifyProbeTerminalTicket(probeTerminalKeys(h.deps), ticket);
    expect(verified).toEqual({ claims: { workspaceId: probe.workspaceId, userId: owner.userId } });
    // Tampered with, it opens nothing.
    expect(await verifyProbeTerminalTicket(probeTerminalKeys(h.deps), `${ticket.slice(0, -2)}xx`)).toHaveProperty("problem");

    const code = (e: unknown) => (e as TRPCError).code;
    const refused = (user: TestUser, workspaceId: string) => as(user).then((api) => api.replay.probeTerminal({ sessionId, workspaceId }).then(() => null, (e: unknown) => e));
    // Another reviewer of the same organisation did not open this probe; a viewer may not probe.
    expect(code(await refused(member, probe.workspaceId))).toBe("NOT_FOUND");
    expect(code(await refused(viewer, probe.workspaceId))).toBe("FORBIDDEN");
    expect(code(await refused(rival, probe.workspaceId))).toBe("NOT_FOUND");
    // Any workspace that is not one of her probes of this session — the candidate's, say.
    expect(code(await refused(owner, "ws_the_candidates_own"))).toBe("NOT_FOUND");
    const blank = await (await as(owner)).replay.probeTerminal({ sessionId, workspaceId: "  " }).then(() => null, (e: unknown) => e);
    expect((blank as TRPCError).message).toContain("Missing probe workspace id.");
  }, 240_000);
});
