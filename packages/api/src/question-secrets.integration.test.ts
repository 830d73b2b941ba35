// The curated bank's hidden tests and reference solutions never leave the server. Anyone
// can sign up — a candidate too — so EVERY procedure of the router is called here by a
// fresh sign-up (an owner, and a platform administrator on top), with data that puts
// curated questions everywhere they can appear: the bank, a manual assessment, a candidate
// mid-interview on one of them, the live list. Each answer (or error) is searched for the
// text of every curated hidden test and reference file. A new procedure without an entry
// fails the first test, so it cannot slip past. Pages reach data only through these
// procedures (ADR 0002); what the room is given is checked at the end.
import { queueEvaluation, runDueEvaluations } from "@interviewlm/core/evaluation";
import { roomSessionInfo } from "@interviewlm/core/interviews";
import { signReportShareToken } from "@interviewlm/core/report-shares";
import { loadQuestionBank, seedQuestionBank } from "@interviewlm/core/questions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

const bank = loadQuestionBank();

/** Every secret file's text, with the curated question it belongs to (short or shared files say nothing). */
const secrets = (() => {
  const publicTexts = new Set(bank.flatMap((q) => [...q.starterFiles, ...q.visibleTests].map((f) => f.content)));
  return bank.flatMap((q) =>
    [...q.hiddenTests, ...q.referenceSolution]
      .filter((f) => f.content.trim().length >= 40 && !publicTexts.has(f.content))
      .map((f) => ({ where: `${q.slug}/${f.path}`, text: f.content })),
  );
})();

/** Which secrets a procedure's answer — or its error — carries. */
function leaksIn(outcome: unknown): string[] {
  const text = outcome instanceof Error ? `${outcome.message} ${JSON.stringify(outcome)}` : JSON.stringify(outcome) ?? "";
  return secrets.filter((s) => text.includes(s.text) || text.includes(JSON.stringify(s.text).slice(1, -1))).map((s) => s.where);
}

let h: Harness;
let owner: TestUser;
let throwaway: TestUser;
const fx = { assessmentId: "", candidateId: "", sessionId: "", inviteToken: "", freshInviteToken: "", curatedIds: [] as string[], pythonAndTypescriptIds: [] as string[] };

beforeAll(async () => {
  h = await createHarness();
  await seedQuestionBank(h.db.prisma, bank);
  owner = await h.signUpVerified({ name: "Sam Signup", email: "sam@anywhere.test", organizationName: "Anywhere" });
  throwaway = await h.signUpVerified({ name: "Tom Throwaway", email: "tom@anywhere.test", organizationName: "Elsewhere" });
  await h.db.prisma.user.update({ where: { id: owner.userId }, data: { isPlatformAdmin: true } });
  const api = await h.caller({ cookie: owner.cookie });

  fx.curatedIds = (await h.db.prisma.question.findMany({ where: { source: "CURATED" }, select: { id: true } })).map((q) => q.id);
  fx.pythonAndTypescriptIds = (await h.db.prisma.question.findMany({ where: { source: "CURATED", language: { in: ["python", "typescript"] } }, select: { id: true } })).map((q) => q.id);
  const python = bank.filter((q) => q.language === "python").slice(0, 2);
  const pythonIds = await Promise.all(python.map(async (q) => (await h.db.prisma.question.findUniqueOrThrow({ where: { slug: q.slug } })).id));
  const assessment = await api.assessments.create({
    title: "Manual curated", role: "Backend engineer", seniority: "MID", languages: ["python"], durationMinutes: 60,
    questionCount: 2, questionSelection: "MANUAL", questionIds: pythonIds,
  });
  fx.assessmentId = assessment.id;

  // One candidate in the middle of an interview on a curated question, as a started room leaves it.
  const cora = await api.candidates.invite({ assessmentId: assessment.id, name: "Cora Candidate", email: "cora@candidates.test" });
  fx.candidateId = cora.id;
  fx.inviteToken = decodeURIComponent((await h.linkFromLatestEmail("cora@candidates.test", "/i/")).split("/i/")[1]!);
  await h.db.prisma.candidate.update({ where: { id: cora.id }, data: { status: "STARTED", startedAt: new Date() } });
  const session = await h.db.prisma.interviewSession.create({
    data: {
      organizationId: owner.organizationId, assessmentId: assessment.id, candidateId: cora.id, status: "ACTIVE", language: "python",
      workspaceId: "ws-secrets-test", deadlineAt: new Date(Date.now() + 3_600_000),
      questions: { create: { questionId: pythonIds[0]!, position: 0, difficulty: python[0]!.difficulty } },
    },
  });
  fx.sessionId = session.id;

  await api.candidates.invite({ assessmentId: assessment.id, name: "Fred Fresh", email: "fred@candidates.test" });
  fx.freshInviteToken = decodeURIComponent((await h.linkFromLatestEmail("fred@candidates.test", "/i/")).split("/i/")[1]!);
}, 120_000);
afterAll(() => h.close());

type Api = Awaited<ReturnType<Harness["caller"]>>;
interface Call {
  run: (api: Api) => Promise<unknown>;
  /** Runs as the second account: the call ends sessions or memberships the others need. */
  asThrowaway?: true;
  /** Refused here (no sandbox, a made-up token…): its error message is searched instead. */
  fails?: true;
}

/** A new session of the second account each time: some of its calls end its sessions. */
async function freshThrowawaySession(): Promise<string> {
  const api = await h.caller({ ipAddress: "10.7.7.7" });
  await api.auth.logIn({ email: throwaway.email, password: throwaway.password });
  return sessionCookieFrom(api.responseHeaders)!;
}

/** Cora's "Your data" link, from her invitation email. */
const dataRequestToken = async () => decodeURIComponent((await h.linkFromLatestEmail("cora@candidates.test", "/your-data/t1.")).split("/your-data/")[1]!);
/** The download link mailed to Cora when she asked for her data (asked here if she has not yet). */
const dataDownloadToken = async () => {
  if (!(await h.db.prisma.emailMessage.count({ where: { toAddress: "cora@candidates.test", template: "candidate-data-download" } }))) {
    await (await h.caller()).dataExport.request({ token: await dataRequestToken() });
  }
  return decodeURIComponent((await h.linkFromLatestEmail("cora@candidates.test", "/your-data/download/")).split("/your-data/download/")[1]!);
};
const assessmentId = () => ({ assessmentId: fx.assessmentId });

/** A share link to the interview's report (a fresh row each call, so revoking one leaves the next usable). */
async function sharedSession(): Promise<{ shareId: string; token: string }> {
  const share = await h.db.prisma.reportShare.create({ data: { organizationId: owner.organizationId, sessionId: fx.sessionId, createdById: owner.userId, expiresAt: new Date(Date.now() + 86_400_000) } });
  return { shareId: share.id, token: await signReportShareToken(h.deps.appSecret, share) };
}
const calls: Record<string, Call> = {
  "auth.me": { run: (api) => api.auth.me() },
  "auth.providers": { run: (api) => api.auth.providers() },
  "auth.signUp": { run: async () => (await h.caller({ ipAddress: "10.9.9.9" })).auth.signUp({ name: "New", email: "new@anywhere.test", password: "a long enough password" }) },
  "auth.logIn": { run: async () => (await h.caller()).auth.logIn({ email: owner.email, password: owner.password }) },
  "auth.logOut": { run: (api) => api.auth.logOut(), asThrowaway: true },
  "auth.logOutEverywhere": { run: (api) => api.auth.logOutEverywhere(), asThrowaway: true },
  "auth.verifyEmail": { run: (api) => api.auth.verifyEmail({ token: "not-a-real-token-0123456789" }), fails: true },
  "auth.resendVerification": { run: (api) => api.auth.resendVerification(), fails: true },
  "auth.requestPasswordReset": { run: (api) => api.auth.requestPasswordReset({ email: owner.email }) },
  "auth.resetPassword": { run: (api) => api.auth.resetPassword({ token: "not-a-real-token-0123456789", password: "another long password" }), fails: true },
  "auth.changePassword": { run: async (api) => {
    const changed = await api.auth.changePassword({ currentPassword: throwaway.password, newPassword: "a brand new long password" });
    throwaway.password = "a brand new long password";
    return changed;
  }, asThrowaway: true },
  "auth.updateProfile": { run: (api) => api.auth.updateProfile({ name: "Sam Signup" }) },
  "auth.sessions": { run: (api) => api.auth.sessions() },
  "auth.revokeSession": { run: (api) => api.auth.revokeSession({ sessionId: "no-such-session" }), fails: true },
  "organization.list": { run: (api) => api.organization.list() },
  "organization.current": { run: (api) => api.organization.current() },
  "organization.create": { run: (api) => api.organization.create({ name: "Second org" }), asThrowaway: true },
  "organization.update": { run: (api) => api.organization.update({ name: "Anywhere" }) },
  "organization.switch": { run: (api) => api.organization.switch({ organizationId: owner.organizationId }) },
  "organization.leave": { run: (api) => api.organization.leave(), asThrowaway: true, fails: true },
  "assessments.list": { run: (api) => api.assessments.list({}) },
  "assessments.get": { run: (api) => api.assessments.get(assessmentId()) },
  "assessments.templates": { run: (api) => api.assessments.templates() },
  "assessments.preview": { run: (api) => api.assessments.preview(assessmentId()) },
  "assessments.create": { run: (api) => api.assessments.create({
    title: "Another", role: "Engineer", seniority: "MID", languages: ["python", "typescript"], durationMinutes: 30, questionCount: 3,
    questionSelection: "MANUAL", questionIds: fx.pythonAndTypescriptIds.slice(0, 3),
  }) },
  "assessments.createFromTemplate": { run: (api) => api.assessments.createFromTemplate({ templateKey: "backend-python-mid" }) },
  "assessments.update": { run: async (api) => {
    const copy = await api.assessments.duplicate(assessmentId());
    const details = await api.assessments.get({ assessmentId: copy.id });
    return api.assessments.update({
      assessmentId: copy.id, title: "Renamed copy", role: details.role, seniority: details.seniority, languages: details.languages,
      durationMinutes: details.durationMinutes, questionCount: details.questionCount, questionSelection: "MANUAL", questionIds: details.questions.map((q) => q.id),
    });
  } },
  "assessments.duplicate": { run: (api) => api.assessments.duplicate(assessmentId()) },
  "assessments.archive": { run: async (api) => api.assessments.archive({ assessmentId: (await api.assessments.duplicate(assessmentId())).id }) },
  "assessments.restore": { run: async (api) => {
    const copy = await api.assessments.duplicate(assessmentId());
    await api.assessments.archive({ assessmentId: copy.id });
    return api.assessments.restore({ assessmentId: copy.id });
  } },
  "candidates.list": { run: (api) => api.candidates.list({}) },
  "candidates.get": { run: (api) => api.candidates.get({ candidateId: fx.candidateId }) },
  "candidates.aiUsage": { run: (api) => api.candidates.aiUsage({ candidateId: fx.candidateId }) },
  "candidates.counts": { run: (api) => api.candidates.counts(assessmentId()) },
  "candidates.invite": { run: (api) => api.candidates.invite({ ...assessmentId(), name: "Ivy Invite", email: "ivy@candidates.test" }) },
  "candidates.inviteBulk": { run: (api) => api.candidates.inviteBulk({ ...assessmentId(), csv: "name,email\nBea Bulk,bea@candidates.test" }) },
  "candidates.resend": { run: async (api) => api.candidates.resend({ candidateId: (await api.candidates.invite({ ...assessmentId(), name: "Rex", email: "rex@candidates.test" })).id }) },
  "candidates.remind": { run: async (api) => api.candidates.remind({ candidateId: (await api.candidates.invite({ ...assessmentId(), name: "Rae", email: "rae@candidates.test" })).id }) },
  "candidates.revoke": { run: async (api) => api.candidates.revoke({ candidateId: (await api.candidates.invite({ ...assessmentId(), name: "Roy", email: "roy@candidates.test" })).id }) },
  "portal.view": { run: (api) => api.portal.view({ token: fx.inviteToken }) },
  "portal.codeCheck": { run: (api) => api.portal.codeCheck({ token: fx.inviteToken }) },
  "interview.start": { run: (api) => api.interview.start({ token: fx.freshInviteToken, language: "python" }), fails: true },
  "interview.state": { run: (api) => api.interview.state({ token: fx.inviteToken }) },
  "interview.room": { run: (api) => api.interview.room({ token: fx.inviteToken }) },
  "questions.list": { run: (api) => api.questions.list({}) },
  "questions.topics": { run: (api) => api.questions.topics() },
  "questions.get": { run: async (api) => Promise.all(fx.curatedIds.map((id) => api.questions.get({ id }))) },
  // A variant of a curated question: the job (and later the model) gets the statement, never the hidden files.
  "questionGeneration.generate": { run: async (api) => {
    const job = await api.questionGeneration.generate({ role: "Engineer", topics: ["arrays"], language: "python", difficulty: "EASY", minutes: 15 });
    return api.questionGeneration.cancel({ id: job.id });
  } },
  "questionGeneration.variant": { run: async (api) => {
    const job = await api.questionGeneration.variant({ questionId: fx.pythonAndTypescriptIds[0]! });
    const stored = await h.db.prisma.questionGeneration.findUniqueOrThrow({ where: { id: job.id } });
    await api.questionGeneration.cancel({ id: job.id });
    return [job, stored];
  } },
  "questionGeneration.list": { run: (api) => api.questionGeneration.list() },
  "questionGeneration.get": { run: async (api) => Promise.all((await api.questionGeneration.list()).map((g) => api.questionGeneration.get({ id: g.id }))) },
  "questionGeneration.cancel": { run: async (api) => api.questionGeneration.cancel({ id: (await api.questionGeneration.variant({ questionId: fx.pythonAndTypescriptIds[0]! })).id }) },
  "questionGeneration.approve": { run: (api) => api.questionGeneration.approve({ questionId: fx.curatedIds[0]! }), fails: true },
  "questionGeneration.editDraft": { run: (api) => api.questionGeneration.editDraft({ questionId: fx.curatedIds[0]!, edit: {
    title: "Edited", statement: "x".repeat(60), estimatedMinutes: 10, starterFiles: [{ path: "a.py", content: "" }], visibleTests: [{ path: "test_a.py", content: "" }],
    hiddenTests: [{ path: "test_b.py", content: "" }], referenceSolution: [{ path: "a.py", content: "" }],
  } }), fails: true },
  "live.list": { run: (api) => api.live.list() },
  "live.join": { run: (api) => api.live.join({ sessionId: fx.sessionId }) },
  "dashboard.summary": { run: (api) => api.dashboard.summary() },
  "platform.organizations": { run: (api) => api.platform.organizations({}) },
  "platform.users": { run: (api) => api.platform.users({}) },
  "platform.setAdmin": { run: (api) => api.platform.setAdmin({ userId: owner.userId, isPlatformAdmin: true }) },
  "platform.adjustCredits": { run: (api) => api.platform.adjustCredits({ organizationId: owner.organizationId, credits: 5, reason: "Secrets test" }) },
  "billing.overview": { run: (api) => api.billing.overview() },
  "billing.purchases": { run: (api) => api.billing.purchases() },
  "billing.ledger": { run: (api) => api.billing.ledger({}) },
  "audit.list": { run: (api) => api.audit.list({}) },
  "billing.usage": { run: (api) => api.billing.usage() },
  "billing.startCheckout": { run: (api) => api.billing.startCheckout({ packId: "starter" }), fails: true },
  "replay.summary": { run: (api) => api.replay.summary({ sessionId: fx.sessionId }) },
  "replay.frame": { run: (api) => api.replay.frame({ sessionId: fx.sessionId, t: 0 }) },
  "replay.events": { run: (api) => api.replay.events({ sessionId: fx.sessionId }) },
  "replay.commands": { run: (api) => api.replay.commands({ sessionId: fx.sessionId }) },
  "replay.forCandidate": { run: (api) => api.replay.forCandidate({ candidateId: fx.candidateId }) },
  "replay.probe": { run: (api) => api.replay.probe({ sessionId: fx.sessionId, t: 0 }), fails: true },
  // Evaluated with a stored hidden result whose failure message quotes a hidden test: the evaluation shows counts, never test names or messages.
  "evaluations.forSession": { run: async (api) => {
    const text = secrets[0]!.text;
    await h.db.prisma.sessionQuestion.updateMany({ where: { sessionId: fx.sessionId }, data: { hiddenTestResult: { ok: true, at: new Date().toISOString(), status: "failed", summary: text, totals: { passed: 0, failed: 1, total: 1 }, durationMs: 1, tests: [{ name: text, file: "tests/test_hidden.py", status: "failed", durationMs: 1, message: text, hidden: true }] } } });
    await queueEvaluation(h.db.prisma, { organizationId: owner.organizationId, sessionId: fx.sessionId });
    await runDueEvaluations({ db: h.db.prisma, judge: null, appUrl: "http://app.test" });
    const evaluation = await api.evaluations.forSession({ sessionId: fx.sessionId });
    expect(evaluation?.status).toBe("DONE");
    return evaluation;
  } },
  // After evaluations.forSession stored a hidden result that quotes a hidden test: the archive keeps its counts only.
  "dataExport.candidate": { run: (api) => api.dataExport.candidate({ candidateId: fx.candidateId }) },
  "dataExport.requestView": { run: async (api) => api.dataExport.requestView({ token: await dataRequestToken() }) },
  "dataExport.request": { run: async (api) => api.dataExport.request({ token: await dataRequestToken() }) },
  "dataExport.downloadView": { run: async (api) => api.dataExport.downloadView({ token: await dataDownloadToken() }) },
  "dataExport.download": { run: async (api) => api.dataExport.download({ token: await dataDownloadToken() }) },
  "evaluations.rerun": { run: (api) => api.evaluations.rerun({ sessionId: fx.sessionId }), fails: true },
  // After the evaluation above: the recommendation and notes carry scores and reviewer text, never test names.
  "decisions.forSession": { run: (api) => api.decisions.forSession({ sessionId: fx.sessionId }) },
  "decisions.record": { run: (api) => api.decisions.record({ sessionId: fx.sessionId, outcome: "HOLD", reason: "Still in the interview" }), fails: true },
  "replay.probeTerminal": { run: (api) => api.replay.probeTerminal({ sessionId: fx.sessionId, workspaceId: "ws_not_a_probe" }), fails: true },
  // The session is still ACTIVE, so a link cannot be made through the procedure: the shared report is read through a row made here.
  "reportShares.create": { run: (api) => api.reportShares.create({ sessionId: fx.sessionId, expiresInDays: 1 }), fails: true },
  "reportShares.list": { run: async (api) => {
    await sharedSession();
    return api.reportShares.list({ sessionId: fx.sessionId });
  } },
  "reportShares.revoke": { run: async (api) => api.reportShares.revoke({ shareId: (await sharedSession()).shareId }) },
  "reportShares.open": { run: async (api) => api.reportShares.open({ token: (await sharedSession()).token }) },
  "comparison.forAssessment": { run: (api) => api.comparison.forAssessment(assessmentId()) },
  "erasure.candidate": { run: (api) => api.erasure.candidate({ candidateId: "no-such-candidate" }), fails: true },
  "erasure.retentionPreview": { run: (api) => api.erasure.retentionPreview({}) },
  "erasure.runRetention": { run: (api) => api.erasure.runRetention() },
  "erasure.requestView": { run: async (api) => api.erasure.requestView({ token: await dataRequestToken() }) },
  // Cora's interview is running: refused with the sentence telling her to finish first.
  "erasure.request": { run: async (api) => api.erasure.request({ token: await dataRequestToken() }), fails: true },
  "erasure.confirmView": { run: (api) => api.erasure.confirmView({ token: "not-a-real-token-0123456789" }), fails: true },
  "erasure.confirm": { run: (api) => api.erasure.confirm({ token: "not-a-real-token-0123456789" }), fails: true },
  "erasure.deleteOrganization": { run: (api) => api.erasure.deleteOrganization({ confirmName: "not the organization's name" }), fails: true },
  "members.list": { run: (api) => api.members.list() },
  "members.changeRole": { run: async (api) => api.members.changeRole({ membershipId: (await api.members.list())[0]!.membershipId, role: "VIEWER" }), fails: true },
  "members.remove": { run: (api) => api.members.remove({ membershipId: "no-such-membership" }), fails: true },
  "members.invitations": { run: (api) => api.members.invitations() },
  "members.invite": { run: (api) => api.members.invite({ email: "mate@anywhere.test", role: "MEMBER" }) },
  "members.revokeInvitation": { run: async (api) => api.members.revokeInvitation({ invitationId: (await api.members.invite({ email: "gone@anywhere.test", role: "VIEWER" })).id }) },
  "members.previewInvitation": { run: (api) => api.members.previewInvitation({ token: "not-a-real-invitation-token" }), fails: true },
  "members.acceptInvitation": { run: (api) => api.members.acceptInvitation({ token: "not-a-real-invitation-token" }), fails: true },
};

describe("curated hidden tests and reference solutions", () => {
  it("are what this test looks for: every curated question has secret files to find", () => {
    expect(new Set(secrets.map((s) => s.where.split("/")[0])).size).toBe(bank.length);
  });

  it("has an entry for every procedure of the router", () => {
    expect(Object.keys(calls).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  for (const [name, call] of Object.entries(calls)) {
    it(`${name}: a fresh sign-up ${call.fails ? "is refused without them" : "gets none of them"}`, async () => {
      const api = await h.caller({ cookie: call.asThrowaway ? await freshThrowawaySession() : owner.cookie });
      const outcome = await call.run(api).then((value) => ({ value }), (error: unknown) => ({ error }));
      if (call.fails) expect("error" in outcome, `${name} should fail here`).toBe(true);
      else if ("error" in outcome) throw outcome.error;
      expect(leaksIn("value" in outcome ? outcome.value : outcome.error)).toEqual([]);
    });
  }

  it("do not reach the room either: it gets the statement and at most the visible tests", async () => {
    const info = await roomSessionInfo(h.db.prisma, fx.sessionId);
    expect(info.question?.statement).toBeTruthy();
    // The assessment's AI help level reaches the room (the agent's system prompt).
    expect(info.aiHelpLevel).toBe("GUIDE");
    // The assessment's budgets (defaults here), the cost in the room's micro-dollars.
    expect(info.aiBudget).toEqual({ messagesPerQuestion: 30, tokensPerSession: 4_000_000, costMicroUsdPerSession: 10_000_000 });
    expect(leaksIn(info)).toEqual([]);
  });

  it("are found by this search when they are there (the check can fail)", () => {
    const sample = bank[0]!.hiddenTests.find((f) => secrets.some((s) => s.text === f.content))!;
    expect(leaksIn({ nested: [{ content: sample.content }] })).toHaveLength(1);
    expect(leaksIn(new Error(`oops: ${sample.content}`))).toHaveLength(1);
  });
});

describe("an organisation's own questions", () => {
  it("show their hidden tests and reference to members with questions:read_solutions, not to viewers", async () => {
    const template = bank[0]!;
    const own = await h.db.prisma.question.create({
      data: {
        slug: "anywhere-generated", organizationId: owner.organizationId, source: "GENERATED", title: "Anywhere's own", language: template.language,
        difficulty: "EASY", topics: ["own"], estimatedMinutes: 10, statement: template.statement, starterFiles: template.starterFiles,
        visibleTests: template.visibleTests, hiddenTests: template.hiddenTests, referenceSolution: template.referenceSolution, contentHash: "own",
      },
      select: { id: true },
    });
    const asOwner = await (await h.caller({ cookie: owner.cookie })).questions.get({ id: own.id });
    expect(asOwner.solution).toEqual({ hiddenTests: template.hiddenTests, referenceSolution: template.referenceSolution });

    const ownerApi = await h.caller({ cookie: owner.cookie });
    await ownerApi.members.invite({ email: "vera@anywhere.test", role: "VIEWER" });
    const link = await h.linkFromLatestEmail("vera@anywhere.test", "/invitations/");
    const signUp = await h.caller({ ipAddress: "10.8.8.8" });
    await signUp.auth.signUp({ name: "Vera Viewer", email: "vera@anywhere.test", password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
    const viewer = await h.caller({ cookie: sessionCookieFrom(signUp.responseHeaders) });
    const asViewer = await viewer.questions.get({ id: own.id });
    expect([asViewer.solution, asViewer.solutionWithheld]).toEqual([null, "permission"]);
    expect(JSON.stringify(asViewer)).not.toContain(template.referenceSolution[0]!.content);
  });
});
