// The evaluation job against a real database: queued once per session and version, claimed
// under a lease that a dead worker's successor takes over, retried with backoff, measured part
// reproduced exactly on a re-run, the judge through the local Anthropic server, the candidate
// moved to EVALUATED, and another organisation's session not found.
import { createAnthropicClient } from "@interviewlm/ai";
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestRecording } from "../../interviews/recording-ingest.ts";
import type { OrgActor } from "../../shared/deps.ts";
import { JUDGE_TOOL_NAME } from "../judge/judge-output.ts";
import { DIMENSIONS } from "../judge/rubric.ts";
import { measureSession } from "../measure/measure-session.ts";
import { evaluationForSession, rerunEvaluation } from "../read.ts";
import { hiddenResult, ScriptedSession } from "../testing/scripted-session.ts";
import { claimNextEvaluation, EVALUATOR_VERSION, queueEvaluation } from "./queue.ts";
import { EVALUATION_LEASE_MS, MAX_EVALUATION_ATTEMPTS } from "./retry-policy.ts";
import { runEvaluation, type EvaluationJobDeps } from "./run-evaluation.ts";
import { runDueEvaluations } from "./worker.ts";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const APP_URL = "https://app.evaluation.test";
let db: TestDatabase;
let server: AnthropicTestServer;
let acme: OrgActor;
let rival: OrgActor;

async function organization(name: string, role: OrgActor["role"]): Promise<OrgActor> {
  const org = await db.prisma.organization.create({ data: { name, slug: name.toLowerCase() } });
  const user = await db.prisma.user.create({ data: { name, email: `${name.toLowerCase()}@evaluation.test`, emailVerifiedAt: new Date() } });
  await db.prisma.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
  return { userId: user.id, organizationId: org.id, role };
}

function recording() {
  const s = new ScriptedSession(START).starter({ "solution.py": "def solve(items):\n    pass\n" });
  s.wait(60_000).type("solution.py", "# sort them\n");
  s.agentWrites("solution.py", "Sort the items", "def sort_items(items):\n    return sorted(items)\n");
  s.wait(10_000).runTests(3, 3).finish();
  return s;
}

async function finishedSession(actor: OrgActor, createdById: string | null = null): Promise<{ sessionId: string; candidateId: string; s: ScriptedSession }> {
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: actor.organizationId, createdById, title: "Backend", role: "Backend engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" },
  });
  const candidate = await db.prisma.candidate.create({
    data: { organizationId: actor.organizationId, assessmentId: assessment.id, name: "Cara", email: `cara${Math.random()}@evaluation.test`, inviteNonce: String(Math.random()), expiresAt: new Date(START + 86_400_000), status: "COMPLETED" },
  });
  const question = await db.prisma.question.create({
    data: { slug: `sort-${Math.random()}`, source: "CURATED", title: "Sort", language: "python", difficulty: "EASY", topics: [], estimatedMinutes: 20, statement: "Sort.", starterFiles: [], visibleTests: [], hiddenTests: [{ path: "tests/test_hidden.py", content: "SECRET_HIDDEN_TEST" }], referenceSolution: [], contentHash: "x" },
  });
  const s = recording();
  const session = await db.prisma.interviewSession.create({
    data: { organizationId: actor.organizationId, assessmentId: assessment.id, candidateId: candidate.id, status: "COMPLETED", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + 3_600_000), completedAt: new Date(s.at) },
  });
  await db.prisma.sessionQuestion.create({ data: { sessionId: session.id, questionId: question.id, position: 0, difficulty: "EASY", startedAt: new Date(START), completedAt: new Date(s.at), hiddenTestResult: hiddenResult(3, 4) } });
  await ingestRecording(db.prisma, { sessionId: session.id, events: s.events });
  return { sessionId: session.id, candidateId: candidate.id, s };
}

const judgeAnswer = (level: number) =>
  reply.toolUse(JUDGE_TOOL_NAME, { dimensions: DIMENSIONS.map((dimension) => ({ dimension, level, rationale: "As the recording shows.", claims: [{ text: "Ran the tests.", evidence: [{ type: "event", seq: 1 }] }] })) });

const noJudge = (): EvaluationJobDeps => ({ db: db.prisma, judge: null, appUrl: APP_URL });
const withJudge = (samples = 1): EvaluationJobDeps => ({
  db: db.prisma,
  appUrl: APP_URL,
  judge: { client: createAnthropicClient({ enabled: true, apiKey: server.apiKey, model: "claude-sonnet-5-5", baseURL: server.baseURL }), model: "claude-sonnet-5-5", samples, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } },
});

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startAnthropicTestServer();
  acme = await organization("Acme", "MEMBER");
  rival = await organization("Rival", "OWNER");
}, 120_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
});

describe("the evaluation job", () => {
  it("is queued once per session and version, measures without a key and moves the candidate to EVALUATED", async () => {
    const { sessionId, candidateId, s } = await finishedSession(acme);
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId });
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId });
    expect(await db.prisma.evaluation.count({ where: { sessionId } })).toBe(1);

    expect(await runDueEvaluations(noJudge())).toEqual({ done: 1, retried: 0, failed: 0 });
    const evaluation = (await evaluationForSession(db.prisma, acme, sessionId))!;
    expect(evaluation).toMatchObject({ status: "DONE", version: EVALUATOR_VERSION, rubric: { status: "needs_key", dimensions: [] }, replayPath: `/app/sessions/${sessionId}/replay` });
    expect(evaluation.rubric.note).toMatch(/needs the Anthropic API key/);
    const expected = measureSession({ originAt: START, endAt: s.at, events: s.events, questions: [{ position: 0, questionId: evaluation.measured!.questions[0]!.questionId!, title: "Sort", hiddenTestResult: hiddenResult(3, 4) }] });
    expect(evaluation.measured).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(evaluation.measured!.provenance.counts.agent).toBe(2);
    expect((await db.prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } })).status).toBe("EVALUATED");
    expect(await db.prisma.auditLog.count({ where: { action: "evaluation.completed", targetId: sessionId } })).toBe(1);
    expect(JSON.stringify(evaluation)).not.toContain("SECRET_HIDDEN_TEST");
  });

  it("a re-run reproduces the measured part exactly and adds the judged part", async () => {
    const { sessionId } = await finishedSession(acme);
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId });
    await runDueEvaluations(noJudge());
    const first = (await evaluationForSession(db.prisma, acme, sessionId))!;

    await rerunEvaluation(db.prisma, acme, sessionId);
    await expect(rerunEvaluation(db.prisma, acme, sessionId)).rejects.toMatchObject({ code: "CONFLICT" });
    server.enqueue(judgeAnswer(3), judgeAnswer(2), judgeAnswer(3));
    expect(await runDueEvaluations(withJudge(3))).toMatchObject({ done: 1 });
    const second = (await evaluationForSession(db.prisma, acme, sessionId))!;
    expect(second.id).toBe(first.id);
    expect(JSON.stringify(second.measured)).toBe(JSON.stringify(first.measured));
    expect(second.rubric.status).toBe("done");
    expect(second.rubric.dimensions.map((d) => d.level)).toEqual([3, 3, 3, 3]);
    expect(second.rubric.dimensions[0]!.claims[0]!.evidence[0]).toMatchObject({ type: "event", seq: 1, t: 0 });
    expect(second).toMatchObject({ model: "claude-sonnet-5-5", promptVersion: "judge-v1", needsReview: false, droppedClaims: 0 });
    expect(second.usage.inputTokens).toBeGreaterThan(0);
    expect(await db.prisma.auditLog.count({ where: { action: "evaluation.rerun_requested", targetId: sessionId, actorUserId: acme.userId } })).toBe(1);
  });

  it("emails the assessment's creator once per evaluation, with the recommendation and the report link", async () => {
    const { sessionId, candidateId } = await finishedSession(acme, acme.userId);
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId });
    await runDueEvaluations(noJudge());
    expect((await db.prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } })).status).toBe("EVALUATED");
    const mails = () => db.prisma.emailMessage.findMany({ where: { template: "evaluation-ready", text: { contains: sessionId } }, select: { toAddress: true, subject: true, text: true, organizationId: true } });
    const [mail, ...others] = await mails();
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ toAddress: "acme@evaluation.test", organizationId: acme.organizationId, subject: "Cara's report is ready: Backend" });
    expect(mail!.text).toContain(`${APP_URL}/app/sessions/${sessionId}/report`);
    // 3 of 4 hidden tests, no key: the hidden tests alone decide, and the email says so.
    expect(mail!.text).toMatch(/The recommendation is Strong yes, from the measured part only/);

    // A re-run of the same evaluation stores it again but mails nobody again.
    await rerunEvaluation(db.prisma, acme, sessionId);
    expect(await runDueEvaluations(noJudge())).toMatchObject({ done: 1 });
    expect(await mails()).toHaveLength(1);
  });

  it("emails the organisation's owners when the assessment's creator is gone", async () => {
    const { sessionId } = await finishedSession(rival, null);
    await queueEvaluation(db.prisma, { organizationId: rival.organizationId, sessionId });
    await runDueEvaluations(noJudge());
    const mails = await db.prisma.emailMessage.findMany({ where: { template: "evaluation-ready", text: { contains: sessionId } }, select: { toAddress: true } });
    expect(mails).toEqual([{ toAddress: "rival@evaluation.test" }]);
  });

  it("a lease that ran out is taken over, and the worker that lost it stores nothing", async () => {
    const { sessionId } = await finishedSession(acme);
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId, now: new Date(START) });
    const now = new Date();
    const dead = (await claimNextEvaluation(db.prisma, now, new Date(now.getTime() + EVALUATION_LEASE_MS)))!;
    expect(dead.sessionId).toBe(sessionId);
    expect(await claimNextEvaluation(db.prisma, now, new Date(now.getTime() + EVALUATION_LEASE_MS))).toBeNull();
    const later = new Date(now.getTime() + EVALUATION_LEASE_MS + 1000);
    const successor = (await claimNextEvaluation(db.prisma, later, new Date(later.getTime() + EVALUATION_LEASE_MS)))!;
    expect(successor).toMatchObject({ id: dead.id, attempts: 2 });
    expect(await runEvaluation(noJudge(), dead)).toBe("lost_lease");
    expect(await runEvaluation(noJudge(), successor)).toBe("done");
  });

  it("concurrent claims take different evaluations (SKIP LOCKED), never the same one twice", async () => {
    const sessions = await Promise.all([1, 2, 3].map(() => finishedSession(acme)));
    for (const { sessionId } of sessions) await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId, now: new Date(START) });
    const now = new Date();
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimNextEvaluation(db.prisma, now, new Date(now.getTime() + EVALUATION_LEASE_MS))));
    const ids = claims.filter((c) => c !== null).map((c) => c!.sessionId);
    expect(ids.sort()).toEqual(sessions.map((s) => s.sessionId).sort());
    for (const claim of claims) if (claim) expect(await runEvaluation(noJudge(), claim)).toBe("done");
  });

  it("retries with backoff while the provider is down, then keeps the measured part and says why the rubric is missing", async () => {
    const { sessionId } = await finishedSession(acme);
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId, now: new Date(START) });
    const row = await db.prisma.evaluation.findUniqueOrThrow({ where: { sessionId_version: { sessionId, version: EVALUATOR_VERSION } } });
    for (let attempt = 1; attempt <= MAX_EVALUATION_ATTEMPTS; attempt++) {
      server.enqueue(reply.overloaded("0"));
      const now = new Date(Date.now() + attempt * 10 * 3_600_000);
      const claimed = (await claimNextEvaluation(db.prisma, now, new Date(now.getTime() + EVALUATION_LEASE_MS)))!;
      expect(claimed.id).toBe(row.id);
      const outcome = await runEvaluation({ ...withJudge(1), now: () => now }, claimed);
      const stored = await db.prisma.evaluation.findUniqueOrThrow({ where: { id: row.id } });
      if (attempt < MAX_EVALUATION_ATTEMPTS) {
        expect(outcome).toBe("retry");
        expect(stored.status).toBe("QUEUED");
        expect(stored.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
        expect(stored.lastError).toMatch(/Overloaded/);
      } else {
        expect(outcome).toBe("done");
        expect(stored).toMatchObject({ status: "DONE", rubricStatus: "failed" });
      }
    }
    const evaluation = (await evaluationForSession(db.prisma, acme, sessionId))!;
    expect(evaluation.rubric).toMatchObject({ status: "failed", dimensions: [] });
    expect(evaluation.rubric.note).toMatch(/model call failed/);
    expect(evaluation.measured).not.toBeNull();
  });

  it("another organisation's session is not found, and a viewer may read but not re-run", async () => {
    const { sessionId } = await finishedSession(acme);
    await expect(evaluationForSession(db.prisma, rival, sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(rerunEvaluation(db.prisma, rival, sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const viewer = { ...acme, role: "VIEWER" as const };
    await expect(evaluationForSession(db.prisma, viewer, sessionId)).resolves.toBeNull();
    await expect(rerunEvaluation(db.prisma, viewer, sessionId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
