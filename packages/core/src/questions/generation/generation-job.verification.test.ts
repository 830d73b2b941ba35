// The generation job end to end below the API: the local Anthropic wire-protocol server plays
// Claude (scripted per scenario), every check runs in the real local sandbox (Python: the
// fastest runner), jobs are rows in a real database (PGlite). Each scenario ends as the
// pipeline says: accepted after fixes, or rejected with the right report. Needs bubblewrap and
// pytest (scripts/system-packages.sh), like question-bank.verification.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnthropicClient } from "@interviewlm/ai";
import { reply, startAnthropicTestServer, type AnthropicTestServer } from "@interviewlm/ai/testing";
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { LocalProvider } from "@interviewlm/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgActor } from "../../shared/deps.ts";
import { selectQuestions } from "../select-questions.ts";
import { QUESTION_TOOL_NAME, SOLVE_TOOL_NAME } from "./question-output.ts";
import { claimNextGeneration, type ProgressEntry } from "./queue.ts";
import { GENERATION_PROMPT_VERSION } from "./prompts.ts";
import { GENERATION_LEASE_MS, runGeneration, type GenerationJobDeps } from "./run-generation.ts";
import { approveDraft, cancelGeneration, editDraft, getGeneration, requestGeneration, requestVariant } from "./service.ts";
import type { CheckResult, VerificationReport } from "./verification-report.ts";
import { runDueGenerations } from "./worker.ts";

const MODEL = "claude-sonnet-5-5";
let db: TestDatabase;
let server: AnthropicTestServer;
let provider: LocalProvider;
let dataDir: string;
let acme: OrgActor;

// ── the scripted question: count the numbers of a list inside an inclusive range ──────────
const STATEMENT = [
  "# Count in range",
  "",
  "Write `count_in_range(nums, lo, hi)` in `solution.py`: how many numbers of the list `nums` lie in the",
  "**inclusive** range `lo`..`hi` (both ends count). Numbers may be negative; when `lo > hi` the answer is 0.",
  "`nums` may hold up to 10⁵ numbers and the range may be huge (up to 10⁹ wide): do not walk the range.",
].join("\n");
const STARTER = "def count_in_range(nums, lo, hi):\n    raise NotImplementedError\n";
const reference = (condition = "lo <= x <= hi") => `def count_in_range(nums, lo, hi):\n    count = 0\n    for x in nums:\n        if ${condition}:\n            count += 1\n    return count\n`;
const VISIBLE = "from solution import count_in_range\n\n\ndef test_all_inside():\n    assert count_in_range([1, 2, 3], 0, 10) == 3\n\n\ndef test_none_inside():\n    assert count_in_range([1, 2, 3], 5, 9) == 0\n\n\ndef test_empty():\n    assert count_in_range([], 0, 1) == 0\n";
const HIDDEN_STRONG = [
  "from solution import count_in_range",
  "",
  "def test_both_ends_count():\n    assert count_in_range([0, 5, 10], 0, 10) == 3",
  "def test_single_point():\n    assert count_in_range([4, 4, 5], 4, 4) == 2",
  "def test_negatives():\n    assert count_in_range([-5, -1, 3], -5, 0) == 2",
  "def test_reversed_range():\n    assert count_in_range([1, 2], 3, 1) == 0",
  "def test_huge_range():\n    assert count_in_range(list(range(1000)), -10**9, 10**9) == 1000",
].join("\n\n") + "\n";
const HIDDEN_WEAK = "from solution import count_in_range\n\n\ndef test_middle():\n    assert count_in_range([1, 5, 9], 0, 10) == 3\n";
// Forty coin flips: the three reference runs then agree on every one with probability (1/4)^40,
// so the check sees the flakiness every time (one flip agreed across the runs one time in four).
const HIDDEN_FLAKY = "import pytest\nfrom solution import count_in_range\n\n\n@pytest.mark.parametrize(\"i\", range(12))\ndef test_sampled(i):\n    # a test that draws unseeded randomness (hidden from a naive scan)\n    assert __import__(\"random\").random() < 0.5 or count_in_range([i], 0, 20) == 1\n    assert count_in_range([0, 5, 10], 0, 10) == 3 if i == 0 else True\n\n\n@pytest.mark.parametrize(\"k\", range(40))\ndef test_flip(k):\n    assert __import__(\"random\").random() < 0.5\n";
const WRONG = [
  { name: "exclusive-low", kind: "off-by-one", files: [{ path: "solution.py", content: reference("lo < x <= hi") }] },
  { name: "ignores-negatives", kind: "missing-edge-case", files: [{ path: "solution.py", content: reference("x >= 0 and lo <= x <= hi") }] },
  {
    name: "walks-the-range",
    kind: "wrong-complexity",
    files: [{ path: "solution.py", content: "def count_in_range(nums, lo, hi):\n    total = 0\n    for v in range(lo, hi + 1):\n        total += nums.count(v)\n    return total\n" }],
  },
];

function question(over: { reference?: string; hidden?: string; statement?: string } = {}) {
  return reply.toolUse(QUESTION_TOOL_NAME, {
    title: "Count in range",
    statement: over.statement ?? STATEMENT,
    topics: ["arrays", "boundaries"],
    estimatedMinutes: 15,
    starterFiles: [{ path: "solution.py", content: STARTER }],
    referenceSolution: [{ path: "solution.py", content: over.reference ?? reference() }],
    visibleTests: [{ path: "test_visible.py", content: VISIBLE }],
    hiddenTests: [{ path: "test_hidden.py", content: over.hidden ?? HIDDEN_STRONG }],
    wrongSolutions: WRONG,
  });
}
const solve = (condition = "lo <= x <= hi") => reply.toolUse(SOLVE_TOOL_NAME, { files: [{ path: "solution.py", content: reference(condition) }] });

const REQUEST = { role: "Backend engineer", topics: ["arrays"], language: "python" as const, difficulty: "EASY" as const, minutes: 20, context: "" };

function deps(over: Partial<GenerationJobDeps> = {}): GenerationJobDeps {
  return {
    db: db.prisma,
    model: { client: createAnthropicClient({ enabled: true, apiKey: server.apiKey, model: MODEL, baseURL: server.baseURL }), model: MODEL, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } },
    sandbox: provider,
    // The wrong-complexity solution is stopped here; the reference needs about a second.
    runTimeoutMs: 8000,
    concurrency: 2,
    ...over,
  };
}

async function runJob(over: Partial<GenerationJobDeps> = {}) {
  const job = await requestGeneration(db.prisma, acme, REQUEST);
  const outcomes = await runDueGenerations(deps(over), 1);
  const row = await db.prisma.questionGeneration.findUniqueOrThrow({ where: { id: job.id } });
  return { outcomes, row, report: row.report as unknown as VerificationReport, progress: row.progress as unknown as ProgressEntry[] };
}
const check = (report: VerificationReport, round: number, name: CheckResult["check"]) => report.rounds[round - 1]!.checks.find((c) => c.check === name)!;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startAnthropicTestServer();
  dataDir = mkdtempSync(join(tmpdir(), "interviewlm-generation-"));
  provider = await LocalProvider.start({
    dataDir,
    allowWeakIsolation: process.env.SANDBOX_ALLOW_WEAK_ISOLATION === "1",
    logger: { info: () => undefined, warn: (message) => console.warn(message) },
  });
  const org = await db.prisma.organization.create({ data: { name: "Acme", slug: "acme" } });
  const user = await db.prisma.user.create({ data: { name: "Rita", email: "rita@generation.test", emailVerifiedAt: new Date() } });
  await db.prisma.membership.create({ data: { organizationId: org.id, userId: user.id, role: "MEMBER" } });
  acme = { userId: user.id, organizationId: org.id, role: "MEMBER" };
}, 120_000);

afterAll(async () => {
  await server?.close();
  await provider?.close();
  await db?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe("question generation, verified in the sandbox", () => {
  it("accepts a good question: a draft is saved, the report and usage stored, and only approval lets assessments draw it", async () => {
    server.enqueue(question(), solve());
    const { outcomes, row, report, progress } = await runJob();
    expect(outcomes).toEqual(["succeeded"]);
    expect(report.verdict).toBe("accepted");
    expect(report.rounds).toHaveLength(1);
    expect(report.rounds[0]!.checks.map((c) => [c.check, c.status])).toEqual([
      ["determinism-scan", "passed"],
      ["reference", "passed"],
      ["starter", "passed"],
      ["wrong-solutions", "passed"],
      ["independent-solve", "passed"],
    ]);
    expect(check(report, 1, "reference").runs).toHaveLength(3);
    const kill = check(report, 1, "wrong-solutions").killRate!;
    expect(kill).toMatchObject({ wrongCaught: 3, wrongTotal: 3, mutantsRun: 6 });
    expect(kill.score).toBeGreaterThanOrEqual(kill.floor);
    expect(row).toMatchObject({ status: "SUCCEEDED", model: MODEL, promptVersion: GENERATION_PROMPT_VERSION });
    expect(row.inputTokens).toBeGreaterThan(0);
    expect(row.outputTokens).toBeGreaterThan(0);
    expect(row.costMicroUsd).toBeGreaterThan(0);
    expect(progress.map((p) => p.stage)).toEqual(expect.arrayContaining(["generate", "reference", "starter", "wrong-solutions", "independent-solve", "done"]));

    // The solver saw the statement, starter and visible tests, never the reference or hidden tests.
    const solverRequest = JSON.stringify(server.requests.at(-1)!.body);
    expect(solverRequest).toContain("count_in_range");
    expect(solverRequest).not.toContain("test_both_ends_count");
    expect(solverRequest).not.toContain("count += 1");

    const draft = await db.prisma.question.findUniqueOrThrow({ where: { id: row.questionId! } });
    expect(draft).toMatchObject({ source: "GENERATED", organizationId: acme.organizationId, approvedAt: null, title: "Count in range", language: "python" });
    expect(draft.verifiedAt).not.toBeNull();
    const pick = () => selectQuestions(db.prisma, { organizationId: acme.organizationId, language: "python", difficulty: "EASY", count: 50, source: "GENERATED" });
    expect((await pick()).map((q) => q.id)).not.toContain(draft.id);
    await approveDraft(db.prisma, acme, draft.id);
    expect((await pick()).map((q) => q.id)).toContain(draft.id);
    const audit = await db.prisma.auditLog.findMany({ where: { organizationId: acme.organizationId }, select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["question.generation_requested", "question.generation_succeeded", "question.approved"]));

    // An edit re-runs verification (no model repair) and makes it a draft again only when it passes.
    const edited = { title: "Count in range (edited)", statement: STATEMENT, estimatedMinutes: 20, starterFiles: draft.starterFiles, visibleTests: draft.visibleTests, hiddenTests: draft.hiddenTests, referenceSolution: draft.referenceSolution } as never;
    server.enqueue(solve());
    const editJob = await editDraft(db.prisma, acme, { questionId: draft.id, edit: edited });
    expect(await runDueGenerations(deps(), 1)).toEqual(["succeeded"]);
    const after = await db.prisma.question.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after).toMatchObject({ title: "Count in range (edited)", approvedAt: null });
    expect((await getGeneration(db.prisma, acme, editJob.id)).report?.rounds[0]?.checks.find((c) => c.check === "wrong-solutions")?.killRate?.wrongTotal).toBe(3);
  }, 600_000);

  it("repairs a reference that fails its own tests in round 2, sending the failing output back", async () => {
    server.enqueue(question({ reference: reference("lo < x <= hi") }), question(), solve());
    const { outcomes, report } = await runJob();
    expect(outcomes).toEqual(["succeeded"]);
    expect(report.rounds.map((r) => r.passed)).toEqual([false, true]);
    const failed = check(report, 1, "reference");
    expect(failed.status).toBe("failed");
    expect(failed.evidence.join("\n")).toContain("test_both_ends_count");
    expect(check(report, 1, "wrong-solutions").status).toBe("skipped");
    // The repair request answered the first tool call with the evidence.
    const repair = JSON.stringify(server.requests.at(-2)!.body);
    expect(repair).toContain("tool_result");
    expect(repair).toContain("The reference solution failed hidden test test_both_ends_count");
  }, 600_000);

  it("rejects a question whose reference is never fixed, saving nothing", async () => {
    const broken = question({ reference: reference("lo < x <= hi") });
    server.enqueue(broken, broken, broken);
    const before = await db.prisma.question.count({ where: { organizationId: acme.organizationId } });
    const { outcomes, row, report } = await runJob();
    expect(outcomes).toEqual(["rejected"]);
    expect(row).toMatchObject({ status: "REJECTED", questionId: null });
    expect(report.rounds).toHaveLength(3);
    expect(report.reason).toContain("reference");
    expect(await db.prisma.question.count({ where: { organizationId: acme.organizationId } })).toBe(before);
  }, 600_000);

  it("catches flaky tests (results differ between the three reference runs) and repairs them", async () => {
    server.enqueue(question({ hidden: HIDDEN_FLAKY }), question(), solve());
    const { outcomes, report } = await runJob();
    expect(outcomes).toEqual(["succeeded"]);
    const flaky = check(report, 1, "reference");
    expect(flaky.status).toBe("failed");
    expect(flaky.evidence.join("\n")).toContain("Flaky test");
  }, 600_000);

  it("finds tests too weak to catch the wrong solutions (kill rate below the floor) and repairs them", async () => {
    server.enqueue(question({ hidden: HIDDEN_WEAK }), question(), solve());
    const { outcomes, report } = await runJob();
    expect(outcomes).toEqual(["succeeded"]);
    const weak = check(report, 1, "wrong-solutions");
    expect(weak.status).toBe("failed");
    expect(weak.killRate!.wrongCaught).toBeLessThan(3);
    expect(weak.evidence.join("\n")).toContain('the wrong solution "exclusive-low"');
    expect(check(report, 2, "wrong-solutions").status).toBe("passed");
  }, 600_000);

  it("rejects an ambiguous statement: the independent solve fails the hidden tests", async () => {
    const vague = STATEMENT.replace("**inclusive** range `lo`..`hi` (both ends count)", "range between `lo` and `hi`");
    server.enqueue(question({ statement: vague }), solve("lo < x < hi"), question({ statement: vague }), solve("lo < x < hi"));
    const { outcomes, row, report } = await runJob({ maxRepairRounds: 1 });
    expect(outcomes).toEqual(["rejected"]);
    expect(row.questionId).toBeNull();
    const ambiguous = check(report, 2, "independent-solve");
    expect(ambiguous.status).toBe("failed");
    expect(ambiguous.summary).toContain("Ambiguous statement");
    expect(report.reason).toContain("independent-solve");
  }, 600_000);

  it("answers a malformed question with the validation error, and rejects after a second one", async () => {
    const malformed = reply.toolUse(QUESTION_TOOL_NAME, { title: "Count in range", statement: "too short" });
    server.enqueue(malformed, malformed);
    const { outcomes, report } = await runJob();
    expect(outcomes).toEqual(["rejected"]);
    expect(report.reason).toMatch(/did not match the question format/);
    const second = JSON.stringify(server.requests.at(-1)!.body);
    expect(second).toContain("The answer does not match the schema");
    expect(second).toContain("wrongSolutions");
  });

  it("makes a variant from the original's statement only: its hidden tests and reference never reach the model", async () => {
    const original = await db.prisma.question.create({
      data: {
        slug: "curated-window", source: "CURATED", title: "Sliding window", language: "python", difficulty: "EASY", topics: ["arrays"], estimatedMinutes: 20,
        statement: "# Sliding window\n\nORIGINAL_STATEMENT_MARKER: find the longest window.", starterFiles: [], visibleTests: [],
        hiddenTests: [{ path: "test_hidden.py", content: "SECRET_HIDDEN_TEST_MARKER" }], referenceSolution: [{ path: "solution.py", content: "SECRET_REFERENCE_MARKER" }], contentHash: "w",
      },
    });
    const job = await requestVariant(db.prisma, acme, { questionId: original.id });
    server.enqueue(question(), solve());
    const before = server.requests.length;
    expect(await runDueGenerations(deps(), 1)).toEqual(["succeeded"]);
    const prompt = JSON.stringify(server.requests[before]!.body);
    expect(prompt).toContain("ORIGINAL_STATEMENT_MARKER");
    expect(prompt).toContain("VARIANT");
    expect(JSON.stringify(server.requests.slice(before).map((r) => r.body))).not.toMatch(/SECRET_(HIDDEN_TEST|REFERENCE)_MARKER/);
    expect((await getGeneration(db.prisma, acme, job.id)).kind).toBe("variant");
  }, 600_000);

  it("cancels a waiting job at once, and a running one at its next stage", async () => {
    const waiting = await requestGeneration(db.prisma, acme, REQUEST);
    expect(await cancelGeneration(db.prisma, acme, waiting.id)).toEqual({ status: "CANCELLED" });
    expect(await runDueGenerations(deps(), 1)).toEqual([]);
    expect((await getGeneration(db.prisma, acme, waiting.id)).status).toBe("CANCELLED");

    const running = await requestGeneration(db.prisma, acme, REQUEST);
    const claimed = (await claimNextGeneration(db.prisma, new Date(), new Date(Date.now() + GENERATION_LEASE_MS)))!;
    expect(claimed.id).toBe(running.id);
    expect(await cancelGeneration(db.prisma, acme, running.id)).toEqual({ status: "RUNNING" });
    const requests = server.requests.length;
    expect(await runGeneration(deps(), claimed)).toBe("cancelled");
    expect(server.requests.length).toBe(requests);
    const details = await getGeneration(db.prisma, acme, running.id);
    expect(details.status).toBe("CANCELLED");
    expect(details.progress.at(-1)).toMatchObject({ stage: "cancelled" });
    await expect(cancelGeneration(db.prisma, acme, running.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("takes over a job whose worker died (lease ran out), and the dead worker's attempt saves nothing", async () => {
    const job = await requestGeneration(db.prisma, acme, REQUEST);
    // The first worker claims it and "dies": its lease is already over.
    const dead = (await claimNextGeneration(db.prisma, new Date(), new Date(Date.now() - 1)))!;
    const successor = (await claimNextGeneration(db.prisma, new Date(), new Date(Date.now() + GENERATION_LEASE_MS)))!;
    expect([dead.id, successor.id, successor.attempts]).toEqual([job.id, job.id, 2]);
    server.enqueue(question(), solve());
    expect(await runGeneration(deps(), successor)).toBe("succeeded");
    expect(await runGeneration(deps(), dead)).toBe("lost_lease");
    const details = await getGeneration(db.prisma, acme, job.id);
    expect(details.progress[0]).toMatchObject({ stage: "restart" });
    expect(await db.prisma.question.count({ where: { generations: { some: { id: job.id } } } })).toBe(1);
  }, 600_000);

  it("retries a job later when the provider is down, keeping the reason", async () => {
    server.enqueue(reply.overloaded());
    const { outcomes, row } = await runJob();
    expect(outcomes).toEqual(["retry"]);
    expect(row.status).toBe("QUEUED");
    expect(row.lastError).toMatch(/model call failed/);
    expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });
});
