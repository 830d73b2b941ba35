// Every procedure is listed here with what a member of ANOTHER organisation gets
// when aiming it at Acme's data. A new procedure without an entry fails the guard.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let victim: TestUser;
let outsider: TestUser;
const ids = { membershipId: "", invitationId: "", sessionId: "" };

beforeAll(async () => {
  h = await createHarness();
  victim = await h.signUpVerified({ name: "Victor", email: "victor@acme.test", organizationName: "Acme" });
  outsider = await h.signUpVerified({ name: "Otto", email: "otto@rival.test", organizationName: "Rival" });
  const api = await h.caller({ cookie: victim.cookie });
  ids.membershipId = (await api.members.list())[0]!.membershipId;
  ids.invitationId = (await api.members.invite({ email: "newbie@acme.test", role: "MEMBER" })).id;
  ids.sessionId = (await api.auth.sessions())[0]!.id;
});
afterAll(() => h.close());

// Assessments: one of Acme's, and a question private to Acme, made on first use.
let acmeAssessment: Promise<string> | undefined;
const acmeAssessmentId = () =>
  (acmeAssessment ??= h.caller({ cookie: victim.cookie }).then(async (api) => (await api.assessments.createFromTemplate({ templateKey: "backend-python-mid" })).id));
let acmeQuestion: Promise<string> | undefined;
const acmeQuestionId = () =>
  (acmeQuestion ??= h.db.prisma.question
    .create({
      data: {
        slug: "acme-private-question", organizationId: victim.organizationId, source: "GENERATED", title: "Acme's own", language: "python",
        difficulty: "EASY", topics: [], estimatedMinutes: 10, statement: "x", starterFiles: [], visibleTests: [], hiddenTests: [],
        referenceSolution: [], contentHash: "acme",
      },
      select: { id: true },
    })
    .then((q) => q.id));

// A question generation job of Acme's, made on first use (no worker runs here: it stays queued).
let acmeGeneration: Promise<string> | undefined;
const acmeGenerationId = () =>
  (acmeGeneration ??= h.caller({ cookie: victim.cookie }).then(async (api) =>
    (await api.questionGeneration.generate({ role: "Backend engineer", topics: ["arrays"], language: "python", difficulty: "EASY", minutes: 20 })).id));

// Candidates: one invited to Acme's assessment, made on first use.
let acmeCandidate: Promise<string> | undefined;
const acmeCandidateId = () =>
  (acmeCandidate ??= acmeAssessmentId().then(async (assessmentId) =>
    (await (await h.caller({ cookie: victim.cookie })).candidates.invite({ assessmentId, name: "Cora Candidate", email: "cora@candidates.test" })).id));

// An interview session of Acme's candidate, made on first use (the row is enough: replay
// refuses before it reads any recording).
let acmeInterview: Promise<string> | undefined;
const acmeInterviewId = () =>
  (acmeInterview ??= acmeCandidateId().then(async (candidateId) => {
    const assessmentId = await acmeAssessmentId();
    const session = await h.db.prisma.interviewSession.create({
      data: { organizationId: victim.organizationId, assessmentId, candidateId, language: "python", deadlineAt: new Date(Date.now() + 3_600_000) },
      select: { id: true },
    });
    return session.id;
  }));

type Outsider = Awaited<ReturnType<Harness["caller"]>>;
type Attack =
  | { kind: "denied"; run: (api: Outsider) => Promise<unknown> }
  | { kind: "isolated"; run: (api: Outsider) => Promise<void> }
  | { kind: "own-account"; why: string };

const attacks: Record<string, Attack> = {
  "auth.me": { kind: "isolated", run: async (api) => {
    const me = await api.auth.me();
    expect(me?.organizations.map((o) => o.id)).not.toContain(victim.organizationId);
  } },
  "auth.providers": { kind: "own-account", why: "public list of configured login providers" },
  "auth.signUp": { kind: "own-account", why: "creates a new account" },
  "auth.logIn": { kind: "own-account", why: "needs the account's password" },
  "auth.logOut": { kind: "own-account", why: "ends the caller's own session" },
  "auth.logOutEverywhere": { kind: "own-account", why: "ends the caller's own sessions" },
  "auth.verifyEmail": { kind: "own-account", why: "needs the secret emailed token" },
  "auth.resendVerification": { kind: "own-account", why: "the caller's own address" },
  "auth.requestPasswordReset": { kind: "own-account", why: "mails only the address owner" },
  "auth.resetPassword": { kind: "own-account", why: "needs the secret emailed token" },
  "auth.changePassword": { kind: "own-account", why: "the caller's own password" },
  "auth.updateProfile": { kind: "own-account", why: "the caller's own profile" },
  "auth.sessions": { kind: "isolated", run: async (api) => {
    expect((await api.auth.sessions()).map((s) => s.id)).not.toContain(ids.sessionId);
  } },
  "auth.revokeSession": { kind: "denied", run: (api) => api.auth.revokeSession({ sessionId: ids.sessionId }) },
  "organization.list": { kind: "isolated", run: async (api) => {
    expect((await api.organization.list()).map((o) => o.id)).not.toContain(victim.organizationId);
  } },
  "organization.current": { kind: "isolated", run: async (api) => {
    expect((await api.organization.current()).id).toBe(outsider.organizationId);
  } },
  "organization.create": { kind: "own-account", why: "creates a new organisation owned by the caller" },
  "organization.update": { kind: "isolated", run: async (api) => {
    await api.organization.update({ name: "Rival renamed" });
    expect((await h.db.prisma.organization.findUniqueOrThrow({ where: { id: victim.organizationId } })).name).toBe("Acme");
  } },
  "organization.switch": { kind: "denied", run: (api) => api.organization.switch({ organizationId: victim.organizationId }) },
  "organization.leave": { kind: "own-account", why: "leaves the caller's own organisation (tested in organizations tests)" },
  "dashboard.summary": { kind: "isolated", run: async (api) => {
    const summary = await api.dashboard.summary();
    expect(summary.candidatesTotal).toBe(0);
  } },
  "assessments.list": { kind: "isolated", run: async (api) => {
    const acme = await acmeAssessmentId();
    for (const status of ["active", "archived"] as const) expect((await api.assessments.list({ status })).map((a) => a.id)).not.toContain(acme);
  } },
  "assessments.get": { kind: "denied", run: async (api) => api.assessments.get({ assessmentId: await acmeAssessmentId() }) },
  "assessments.templates": { kind: "own-account", why: "static templates shipped with the product, no tenant data" },
  "assessments.preview": { kind: "denied", run: async (api) => api.assessments.preview({ assessmentId: await acmeAssessmentId() }) },
  "assessments.create": { kind: "isolated", run: async (api) => {
    const input = { title: "Rival's", role: "Engineer", seniority: "MID" as const, languages: ["python" as const], durationMinutes: 30, questionCount: 1 };
    const stolen = await api.assessments.create({ ...input, questionSelection: "MANUAL", questionIds: [await acmeQuestionId()] }).then(() => null, (e: unknown) => e);
    expect((stolen as TRPCError).code).toBe("BAD_REQUEST");
    const own = await api.assessments.create({ ...input, questionSelection: "AUTO" });
    expect((await h.db.prisma.assessment.findUniqueOrThrow({ where: { id: own.id } })).organizationId).toBe(outsider.organizationId);
  } },
  "assessments.createFromTemplate": { kind: "isolated", run: async (api) => {
    const own = await api.assessments.createFromTemplate({ templateKey: "quick-screen-any-language" });
    expect((await h.db.prisma.assessment.findUniqueOrThrow({ where: { id: own.id } })).organizationId).toBe(outsider.organizationId);
  } },
  "assessments.update": { kind: "denied", run: async (api) => api.assessments.update({
    assessmentId: await acmeAssessmentId(), title: "Hijacked", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 30, questionCount: 1, questionSelection: "AUTO",
  }) },
  "assessments.duplicate": { kind: "denied", run: async (api) => api.assessments.duplicate({ assessmentId: await acmeAssessmentId() }) },
  "assessments.archive": { kind: "denied", run: async (api) => api.assessments.archive({ assessmentId: await acmeAssessmentId() }) },
  "assessments.restore": { kind: "denied", run: async (api) => api.assessments.restore({ assessmentId: await acmeAssessmentId() }) },
  "candidates.list": { kind: "isolated", run: async (api) => {
    const id = await acmeCandidateId();
    expect((await api.candidates.list({})).items.map((c) => c.id)).not.toContain(id);
    expect((await api.candidates.list({ assessmentId: await acmeAssessmentId() })).total).toBe(0);
  } },
  "candidates.get": { kind: "denied", run: async (api) => api.candidates.get({ candidateId: await acmeCandidateId() }) },
  "candidates.aiUsage": { kind: "denied", run: async (api) => api.candidates.aiUsage({ candidateId: await acmeCandidateId() }) },
  "candidates.counts": { kind: "isolated", run: async (api) => {
    await acmeCandidateId();
    expect((await api.candidates.counts({ assessmentId: await acmeAssessmentId() })).total).toBe(0);
  } },
  "candidates.invite": { kind: "denied", run: async (api) =>
    api.candidates.invite({ assessmentId: await acmeAssessmentId(), name: "Mole", email: "mole@rival.test" }) },
  "candidates.inviteBulk": { kind: "denied", run: async (api) =>
    api.candidates.inviteBulk({ assessmentId: await acmeAssessmentId(), csv: "Mole,mole@rival.test" }) },
  "candidates.resend": { kind: "denied", run: async (api) => api.candidates.resend({ candidateId: await acmeCandidateId() }) },
  "candidates.remind": { kind: "denied", run: async (api) => api.candidates.remind({ candidateId: await acmeCandidateId() }) },
  "candidates.revoke": { kind: "denied", run: async (api) => api.candidates.revoke({ candidateId: await acmeCandidateId() }) },
  "dataExport.candidate": { kind: "isolated", run: async (api) => {
    const candidateId = await acmeCandidateId();
    const error = await api.dataExport.candidate({ candidateId }).then(() => null, (e: unknown) => e);
    // NOT_FOUND, not FORBIDDEN: the outsider is an owner with data:export, and Acme's candidate does not exist for them.
    expect((error as TRPCError | null)?.code).toBe("NOT_FOUND");
    expect(await h.db.prisma.auditLog.count({ where: { action: "candidate.exported", targetId: candidateId } })).toBe(0);
  } },
  "dataExport.requestView": { kind: "own-account", why: "public: authenticated by the signed \"Your data\" link alone (tested in data-export tests)" },
  "dataExport.request": { kind: "own-account", why: "public: needs the signed \"Your data\" link; the download link goes only to the candidate's address (tested in data-export tests)" },
  "dataExport.downloadView": { kind: "own-account", why: "public: needs the signed download link emailed to the candidate (tested in data-export tests)" },
  "dataExport.download": { kind: "own-account", why: "public: needs the signed download link emailed to the candidate (tested in data-export tests)" },
  "portal.view": { kind: "own-account", why: "public: authenticated by the signed invite token alone (tested in portal tests)" },
  "portal.codeCheck": { kind: "own-account", why: "public: authenticated by the signed invite token alone; runs only the sandbox self-check, reads no organisation data (tested in portal tests)" },
  "interview.start": { kind: "own-account", why: "authorised by the candidate's signed invite link (tested in interview tests)" },
  "interview.state": { kind: "own-account", why: "authorised by the candidate's signed invite link (tested in interview tests)" },
  "questions.list": { kind: "isolated", run: async (api) => {
    expect((await api.questions.list({})).map((q) => q.id)).not.toContain(await acmeQuestionId());
  } },
  "questions.topics": { kind: "isolated", run: async (api) => {
    await h.db.prisma.question.update({ where: { id: await acmeQuestionId() }, data: { topics: ["acme-only-topic"] } });
    expect(await api.questions.topics()).not.toContain("acme-only-topic");
  } },
  "questions.get": { kind: "denied", run: async (api) => api.questions.get({ id: await acmeQuestionId() }) },
  "questionGeneration.generate": { kind: "isolated", run: async (api) => {
    const own = await api.questionGeneration.generate({ role: "Engineer", topics: ["strings"], language: "python", difficulty: "EASY", minutes: 15 });
    expect((await h.db.prisma.questionGeneration.findUniqueOrThrow({ where: { id: own.id } })).organizationId).toBe(outsider.organizationId);
  } },
  "questionGeneration.variant": { kind: "denied", run: async (api) => api.questionGeneration.variant({ questionId: await acmeQuestionId() }) },
  "questionGeneration.list": { kind: "isolated", run: async (api) => {
    expect((await api.questionGeneration.list()).map((g) => g.id)).not.toContain(await acmeGenerationId());
  } },
  "questionGeneration.get": { kind: "denied", run: async (api) => api.questionGeneration.get({ id: await acmeGenerationId() }) },
  "questionGeneration.cancel": { kind: "denied", run: async (api) => api.questionGeneration.cancel({ id: await acmeGenerationId() }) },
  "questionGeneration.approve": { kind: "denied", run: async (api) => api.questionGeneration.approve({ questionId: await acmeQuestionId() }) },
  "questionGeneration.editDraft": { kind: "denied", run: async (api) => api.questionGeneration.editDraft({ questionId: await acmeQuestionId(), edit: {
    title: "Hijacked", statement: "x".repeat(60), estimatedMinutes: 10, starterFiles: [{ path: "a.py", content: "" }], visibleTests: [{ path: "test_a.py", content: "" }],
    hiddenTests: [{ path: "test_b.py", content: "" }], referenceSolution: [{ path: "a.py", content: "" }],
  } }) },
  "interview.room": { kind: "own-account", why: "authorised by the candidate's signed invite link (tested in live tests)" },
  "live.list": { kind: "isolated", run: async (api) => {
    expect(await api.live.list()).toEqual([]);
  } },
  "replay.summary": { kind: "denied", run: async (api) => api.replay.summary({ sessionId: await acmeInterviewId() }) },
  "replay.frame": { kind: "denied", run: async (api) => api.replay.frame({ sessionId: await acmeInterviewId(), t: 0 }) },
  "replay.events": { kind: "denied", run: async (api) => api.replay.events({ sessionId: await acmeInterviewId() }) },
  "replay.commands": { kind: "denied", run: async (api) => api.replay.commands({ sessionId: await acmeInterviewId() }) },
  "replay.probe": { kind: "denied", run: async (api) => api.replay.probe({ sessionId: await acmeInterviewId(), t: 0 }) },
  "evaluations.forSession": { kind: "denied", run: async (api) => api.evaluations.forSession({ sessionId: await acmeInterviewId() }) },
  "evaluations.rerun": { kind: "denied", run: async (api) => api.evaluations.rerun({ sessionId: await acmeInterviewId() }) },
  "reportShares.create": { kind: "denied", run: async (api) => api.reportShares.create({ sessionId: await acmeInterviewId(), expiresInDays: 7 }) },
  "reportShares.list": { kind: "denied", run: async (api) => api.reportShares.list({ sessionId: await acmeInterviewId() }) },
  "reportShares.revoke": { kind: "denied", run: async (api) => {
    const share = await h.db.prisma.reportShare.create({ data: { organizationId: victim.organizationId, sessionId: await acmeInterviewId(), expiresAt: new Date(Date.now() + 86_400_000) }, select: { id: true } });
    try {
      return await api.reportShares.revoke({ shareId: share.id });
    } finally {
      expect((await h.db.prisma.reportShare.findUniqueOrThrow({ where: { id: share.id } })).revokedAt).toBeNull();
    }
  } },
  "reportShares.open": { kind: "own-account", why: "public: authorised by the signed share link and its row alone (tested in core report-shares tests)" },
  "comparison.forAssessment": { kind: "denied", run: async (api) => api.comparison.forAssessment({ assessmentId: await acmeAssessmentId() }) },
  "decisions.forSession": { kind: "denied", run: async (api) => api.decisions.forSession({ sessionId: await acmeInterviewId() }) },
  "decisions.record": { kind: "denied", run: async (api) => {
    const sessionId = await acmeInterviewId();
    try {
      return await api.decisions.record({ sessionId, outcome: "REJECT", reason: "Sabotage from another organisation" });
    } finally {
      expect(await h.db.prisma.hiringDecision.count({ where: { sessionId } })).toBe(0);
    }
  } },
  "replay.probeTerminal": { kind: "denied", run: async (api) => api.replay.probeTerminal({ sessionId: await acmeInterviewId(), workspaceId: "ws_acme_probe" }) },
  "replay.forCandidate": { kind: "isolated", run: async (api) => {
    // Acme's candidate has a session; to anyone else it is a candidate with none.
    expect(await api.replay.forCandidate({ candidateId: await acmeCandidateId() })).toBeNull();
  } },
  "live.join": { kind: "denied", run: (api) => api.live.join({ sessionId: ids.sessionId }) },
  "platform.organizations": { kind: "denied", run: (api) => api.platform.organizations({}) },
  "platform.users": { kind: "denied", run: (api) => api.platform.users({}) },
  "platform.setAdmin": { kind: "denied", run: (api) => api.platform.setAdmin({ userId: victim.userId, isPlatformAdmin: false }) },
  "platform.adjustCredits": { kind: "denied", run: (api) => api.platform.adjustCredits({ organizationId: victim.organizationId, credits: 100, reason: "free credits please" }) },
  "billing.overview": { kind: "isolated", run: async (api) => {
    await (await h.caller({ cookie: victim.cookie })).candidates.get({ candidateId: await acmeCandidateId() });
    expect(await api.billing.overview()).toMatchObject({ available: 3, reserved: 0 });
  } },
  "billing.purchases": { kind: "isolated", run: async (api) => {
    expect(await api.billing.purchases()).toEqual([]);
  } },
  "billing.ledger": { kind: "isolated", run: async (api) => {
    const page = await api.billing.ledger({ assessmentId: await acmeAssessmentId() });
    expect(page.items).toEqual([]);
    expect((await api.billing.ledger({})).items.map((e) => e.kind)).toEqual(["GRANT"]);
  } },
  "audit.list": { kind: "isolated", run: async (api) => {
    const acmeRows = await h.db.prisma.auditLog.findMany({ where: { organizationId: victim.organizationId }, select: { id: true } });
    expect(acmeRows.length).toBeGreaterThan(0);
    const own = await api.audit.list({});
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.map((r) => r.id)).not.toEqual(expect.arrayContaining([acmeRows[0]!.id]));
    expect(own.items.some((r) => r.actor?.email === "victor@acme.test")).toBe(false);
    expect((await api.audit.list({ actorUserId: victim.userId })).items).toEqual([]);
    // Acme's row id as a cursor neither errors nor pages into Acme's trail.
    const viaCursor = await api.audit.list({ cursor: acmeRows[0]!.id });
    expect(viaCursor.items.map((r) => r.id).some((id) => acmeRows.some((a) => a.id === id))).toBe(false);
  } },
  "erasure.candidate": { kind: "denied", run: async (api) => api.erasure.candidate({ candidateId: await acmeCandidateId() }) },
  "erasure.retentionPreview": { kind: "isolated", run: async (api) => {
    const acmeId = await acmeCandidateId();
    await h.db.prisma.candidate.update({ where: { id: acmeId }, data: { status: "REVOKED", revokedAt: new Date(Date.now() - 400 * 86_400_000) } });
    try {
      const preview = await api.erasure.retentionPreview({});
      expect(preview.candidates.map((c) => c.id)).not.toContain(acmeId);
      expect(preview.total).toBe(0);
    } finally {
      await h.db.prisma.candidate.update({ where: { id: acmeId }, data: { status: "INVITED", revokedAt: null } });
    }
  } },
  "erasure.runRetention": { kind: "isolated", run: async (api) => {
    // An Acme candidate long past retention, and one Acme erasure already due: Rival's "Erase now" touches neither.
    const acmeId = await acmeCandidateId();
    await h.db.prisma.candidate.update({ where: { id: acmeId }, data: { status: "REVOKED", revokedAt: new Date(Date.now() - 4000 * 86_400_000) } });
    const { dataRetentionDays } = await h.db.prisma.organization.findUniqueOrThrow({ where: { id: victim.organizationId } });
    await h.db.prisma.organization.update({ where: { id: victim.organizationId }, data: { dataRetentionDays: 30 } });
    try {
      const run = await api.erasure.runRetention();
      expect(run).toEqual({ requested: 0, erased: 0, pending: 0 });
      const acme = await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: acmeId } });
      expect(acme.erasureRequestedAt).toBeNull();
      expect(acme.erasedAt).toBeNull();
      expect(await h.db.prisma.auditLog.count({ where: { organizationId: victim.organizationId, action: "retention.run" } })).toBe(0);
    } finally {
      await h.db.prisma.candidate.update({ where: { id: acmeId }, data: { status: "INVITED", revokedAt: null } });
      await h.db.prisma.organization.update({ where: { id: victim.organizationId }, data: { dataRetentionDays } });
    }
  } },
  "erasure.requestView": { kind: "own-account", why: "public: authenticated by the signed \"Your data\" link alone (tested in retention tests)" },
  "erasure.request": { kind: "own-account", why: "public: needs the signed \"Your data\" link; the confirmation link goes only to the candidate's address (tested in retention tests)" },
  "erasure.confirmView": { kind: "own-account", why: "public: needs the signed confirmation link emailed to the candidate (tested in retention tests)" },
  "erasure.confirm": { kind: "own-account", why: "public: needs the signed confirmation link emailed to the candidate (tested in retention tests)" },
  "erasure.deleteOrganization": { kind: "isolated", run: async (api) => {
    // Acme's name only confirms the caller's own organisation (Rival): refused, and Acme stays.
    const refused = await api.erasure.deleteOrganization({ confirmName: "Acme" }).then(() => null, (e: unknown) => e);
    expect((refused as TRPCError).code).toBe("BAD_REQUEST");
    expect(await h.db.prisma.organization.count({ where: { id: { in: [victim.organizationId, outsider.organizationId] } } })).toBe(2);
  } },
  "billing.usage": { kind: "isolated", run: async (api) => {
    await acmeCandidateId();
    expect((await api.billing.usage()).map((u) => u.assessmentId)).not.toContain(await acmeAssessmentId());
  } },
  "billing.startCheckout": { kind: "own-account", why: "buys for the caller's own organisation; no organisation id in its input (roles: billing-access test)" },
  "members.list": { kind: "isolated", run: async (api) => {
    expect((await api.members.list()).map((m) => m.email)).not.toContain("victor@acme.test");
  } },
  "members.changeRole": { kind: "denied", run: (api) => api.members.changeRole({ membershipId: ids.membershipId, role: "VIEWER" }) },
  "members.remove": { kind: "denied", run: (api) => api.members.remove({ membershipId: ids.membershipId }) },
  "members.invitations": { kind: "isolated", run: async (api) => {
    expect((await api.members.invitations()).map((i) => i.id)).not.toContain(ids.invitationId);
  } },
  "members.invite": { kind: "isolated", run: async (api) => {
    await api.members.invite({ email: "someone@rival.test", role: "MEMBER" });
    expect(await h.db.prisma.teamInvitation.count({ where: { organizationId: victim.organizationId, email: "someone@rival.test" } })).toBe(0);
  } },
  "members.revokeInvitation": { kind: "denied", run: (api) => api.members.revokeInvitation({ invitationId: ids.invitationId }) },
  "members.previewInvitation": { kind: "own-account", why: "needs the secret emailed token" },
  "members.acceptInvitation": { kind: "own-account", why: "needs the secret token AND the invited address (tested in organizations tests)" },
};

describe("tenant isolation", () => {
  it("has an entry for every procedure of the router", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(attacks).sort()).toEqual(procedures);
  });

  for (const [name, attack] of Object.entries(attacks)) {
    if (attack.kind === "own-account") continue;
    it(`${name}: another organisation's member ${attack.kind === "denied" ? "is refused" : "only sees their own data"}`, async () => {
      const api = await h.caller({ cookie: outsider.cookie });
      if (attack.kind === "denied") {
        const error = await attack.run(api).then(() => null, (e: unknown) => e);
        expect(error).toBeInstanceOf(TRPCError);
        expect(["FORBIDDEN", "NOT_FOUND"]).toContain((error as TRPCError).code);
      } else {
        await attack.run(api);
      }
    });
  }

  it("left Acme's data untouched", async () => {
    const acme = await h.caller({ cookie: victim.cookie });
    expect((await acme.members.list()).map((m) => [m.email, m.role])).toEqual([["victor@acme.test", "OWNER"]]);
    expect((await acme.members.invitations()).map((i) => i.id)).toContain(ids.invitationId);
    expect(await acme.auth.me()).not.toBeNull();
    const cora = await acme.candidates.get({ candidateId: await acmeCandidateId() });
    expect([cora.status, cora.remindersSent, cora.lastEmailedAt?.getTime()]).toEqual(["INVITED", 0, cora.invitedAt.getTime()]);
    expect(await h.db.prisma.candidate.count({ where: { email: "mole@rival.test" } })).toBe(0);
    expect((await acme.questionGeneration.get({ id: await acmeGenerationId() })).status).toBe("QUEUED");
    expect(await h.db.prisma.question.findUniqueOrThrow({ where: { id: await acmeQuestionId() }, select: { approvedAt: true, title: true } })).toEqual({ approvedAt: null, title: "Acme's own" });
  });
});
