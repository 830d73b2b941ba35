// Recommendation, decisions and reviewer notes against a real database: a finished, evaluated
// session (no key: measured part only), the assessment's weights read from its row, decisions
// recorded, changed (history kept) and audited, and the refusals — viewers, unfinished sessions,
// another organisation.
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestRecording } from "../interviews/recording-ingest.ts";
import { queueEvaluation } from "../evaluation/job/queue.ts";
import { runDueEvaluations } from "../evaluation/job/worker.ts";
import { hiddenResult, ScriptedSession } from "../evaluation/testing/scripted-session.ts";
import type { OrgActor } from "../shared/deps.ts";
import { recordDecision } from "./decide.ts";
import { reviewForSession } from "./review.ts";
import { DEFAULT_RECOMMENDATION_WEIGHTS, RecordDecisionInput } from "./schemas.ts";

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
let db: TestDatabase;
let acme: OrgActor;
let rival: OrgActor;

async function organization(name: string): Promise<OrgActor> {
  const org = await db.prisma.organization.create({ data: { name, slug: name.toLowerCase() } });
  const user = await db.prisma.user.create({ data: { name: `${name} Owner`, email: `${name.toLowerCase()}@decisions.test`, emailVerifiedAt: new Date() } });
  await db.prisma.membership.create({ data: { organizationId: org.id, userId: user.id, role: "OWNER" } });
  return { userId: user.id, organizationId: org.id, role: "OWNER" };
}

/** A session of Acme's, finished (or not) with `passed` of 4 hidden tests, a reviewer's note two minutes in. */
async function session(opts: { passed: number; finished?: boolean }): Promise<{ sessionId: string; candidateId: string; assessmentId: string }> {
  const finished = opts.finished ?? true;
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: acme.organizationId, createdById: acme.userId, title: "Backend", role: "Backend engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "AUTO" },
  });
  const candidate = await db.prisma.candidate.create({
    data: { organizationId: acme.organizationId, assessmentId: assessment.id, name: "Dana", email: `dana${Math.random()}@decisions.test`, inviteNonce: String(Math.random()), expiresAt: new Date(START + 86_400_000), status: finished ? "COMPLETED" : "STARTED" },
  });
  const question = await db.prisma.question.create({
    data: { slug: `q-${Math.random()}`, source: "CURATED", title: "Sort", language: "python", difficulty: "EASY", topics: [], estimatedMinutes: 20, statement: "Sort.", starterFiles: [], visibleTests: [], hiddenTests: [], referenceSolution: [], contentHash: "x" },
  });
  const s = new ScriptedSession(START).starter({ "solution.py": "def solve(items):\n    pass\n" });
  s.wait(120_000);
  s.events.push({ seq: s.events.length + 1, at: s.at, type: "note.added", actor: `reviewer:${acme.userId}`, payload: { id: "n1", authorId: acme.userId, authorName: "Acme Owner", text: "Good questions about the edge cases." } });
  s.wait(60_000).type("solution.py", "    return sorted(items)\n", 22).runTests(1, 1).finish();
  const row = await db.prisma.interviewSession.create({
    data: { organizationId: acme.organizationId, assessmentId: assessment.id, candidateId: candidate.id, status: finished ? "COMPLETED" : "ACTIVE", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + 3_600_000), completedAt: finished ? new Date(s.at) : null },
  });
  await db.prisma.sessionQuestion.create({ data: { sessionId: row.id, questionId: question.id, position: 0, difficulty: "EASY", startedAt: new Date(START), hiddenTestResult: hiddenResult(opts.passed, 4) } });
  await ingestRecording(db.prisma, { sessionId: row.id, events: s.events });
  if (finished) {
    await queueEvaluation(db.prisma, { organizationId: acme.organizationId, sessionId: row.id });
    await runDueEvaluations({ db: db.prisma, judge: null, appUrl: "https://app.decisions.test" });
  }
  return { sessionId: row.id, candidateId: candidate.id, assessmentId: assessment.id };
}

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await organization("Acme");
  rival = await organization("Rival");
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe("the report's recommendation and reviewer notes", () => {
  it("recommends from the hidden tests alone without a key, under the assessment's weights, and lists the notes with their moment", async () => {
    const { sessionId, assessmentId } = await session({ passed: 1 });
    const review = await reviewForSession(db.prisma, acme, sessionId);
    expect(review.weights).toEqual(DEFAULT_RECOMMENDATION_WEIGHTS);
    expect(review.recommendation).toMatchObject({ outcome: "no", label: "No", score: 0.25, basis: "measured_only", basisNote: "Measured part only: the rubric needs the Anthropic API key." });
    expect(review.recommendation!.reasons).toEqual([expect.objectContaining({ signal: "hiddenTests", shown: "25 % of hidden tests passed", direction: "against" })]);
    expect(review.notes).toEqual([{ id: "n1", seq: 3, t: 120_000, authorName: "Acme Owner", text: "Good questions about the edge cases." }]);
    expect(review.decision).toBeNull();

    // Weights stored on the assessment are the ones used (the rubric ones cannot count without a key).
    await db.prisma.assessment.update({ where: { id: assessmentId }, data: { recommendationWeights: { ...DEFAULT_RECOMMENDATION_WEIGHTS, communication: 0 } } });
    const reweighted = await reviewForSession(db.prisma, acme, sessionId);
    expect(reweighted.weights.communication).toBe(0);
    expect(reweighted.recommendation!.leftOut.find((l) => l.signal === "communication")!.why).toBe("weighted 0 in this assessment");
  });
});

describe("the human decision", () => {
  it("is recorded with its reason and the recommendation it overrides, audited, and a change keeps the history", async () => {
    const { sessionId, candidateId } = await session({ passed: 1 });
    const first = await recordDecision(db.prisma, acme, { sessionId, outcome: "ADVANCE", reason: "Debugged methodically; the hidden tests cover an unusual case." });
    expect(first).toMatchObject({ outcome: "ADVANCE", recommendation: "no", recommendationLabel: "No", decidedByName: "Acme Owner" });
    const second = await recordDecision(db.prisma, acme, { sessionId, outcome: "HOLD", reason: "Waiting for the second interviewer." }, new Date(Date.now() + 1000));

    const review = await reviewForSession(db.prisma, acme, sessionId);
    expect(review.decision).toMatchObject({ id: second.id, outcome: "HOLD", reason: "Waiting for the second interviewer." });
    expect(review.history.map((d) => d.outcome)).toEqual(["HOLD", "ADVANCE"]);

    const audit = await db.prisma.auditLog.findMany({ where: { organizationId: acme.organizationId, action: "candidate.decision_recorded", targetId: candidateId }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.metadata)).toEqual([
      expect.objectContaining({ sessionId, outcome: "ADVANCE", recommendation: "no", previousOutcome: null }),
      expect.objectContaining({ sessionId, outcome: "HOLD", previousOutcome: "ADVANCE", previousDecisionId: first.id }),
    ]);
    expect(audit.every((a) => a.actorUserId === acme.userId && a.targetType === "candidate")).toBe(true);
  });

  it("needs a reason and one of advance, hold or reject", () => {
    const issues = (input: unknown) => RecordDecisionInput.safeParse(input).error?.issues.map((i) => i.message);
    expect(issues({ sessionId: "s", outcome: "ADVANCE", reason: "  " })).toEqual(["Give a reason for the decision (a few words at least)."]);
    expect(issues({ sessionId: "s", outcome: "HIRE", reason: "Great" })).toEqual(["Choose advance, hold or reject."]);
  });

  it("is refused to viewers (who may still read it), before the session finished, and to another organisation", async () => {
    const { sessionId } = await session({ passed: 4 });
    const viewer = { ...acme, role: "VIEWER" as const };
    await expect(recordDecision(db.prisma, viewer, { sessionId, outcome: "REJECT", reason: "Not for me" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewForSession(db.prisma, viewer, sessionId)).resolves.toMatchObject({ decision: null, recommendation: { outcome: "strong_yes" } });

    const unfinished = await session({ passed: 0, finished: false });
    await expect(recordDecision(db.prisma, acme, { sessionId: unfinished.sessionId, outcome: "REJECT", reason: "Too slow" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(reviewForSession(db.prisma, acme, unfinished.sessionId)).resolves.toMatchObject({ recommendation: null, history: [] });

    await expect(reviewForSession(db.prisma, rival, sessionId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordDecision(db.prisma, rival, { sessionId, outcome: "REJECT", reason: "Not ours" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.prisma.hiringDecision.count({ where: { sessionId: { in: [sessionId, unfinished.sessionId] } } })).toBe(0);
  });
});
