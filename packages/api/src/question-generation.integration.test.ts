// The question generation procedures through the real router and database (no worker runs
// here: jobs stay queued; the pipeline has its own tests in core): who may generate, what bad
// input says, the per-organisation limit, variants of curated questions, and approval rules.
import { loadQuestionBank, seedQuestionBank } from "@interviewlm/core/questions";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

const bank = loadQuestionBank();
let h: Harness;
let owner: TestUser;
const REQUEST = { role: "Backend engineer", topics: ["arrays"], language: "python" as const, difficulty: "EASY" as const, minutes: 20 };

beforeAll(async () => {
  h = await createHarness();
  await seedQuestionBank(h.db.prisma, bank);
  owner = await h.signUpVerified({ name: "Gina Gen", email: "gina@gen.test", organizationName: "Gen" });
}, 60_000);
afterAll(() => h.close());

const as = (user: TestUser) => h.caller({ cookie: user.cookie });
async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error;
}

describe("questionGeneration", () => {
  it("refuses bad requests with a specific message and queues nothing", async () => {
    const api = await as(owner);
    const go = await failure(api.questionGeneration.generate({ ...REQUEST, language: "go" }));
    expect(go.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(go)).toMatch(/Python, JavaScript or TypeScript/);
    expect((await failure(api.questionGeneration.generate({ ...REQUEST, topics: [] }))).code).toBe("BAD_REQUEST");
    expect((await failure(api.questionGeneration.generate({ ...REQUEST, minutes: 500 }))).code).toBe("BAD_REQUEST");
    expect(await h.db.prisma.questionGeneration.count()).toBe(0);
  });

  it("queues a job, lists and reads it, and caps the jobs waiting per organisation", async () => {
    const api = await as(owner);
    const job = await api.questionGeneration.generate(REQUEST);
    expect(job).toMatchObject({ status: "QUEUED", kind: "new", questionId: null });
    expect((await api.questionGeneration.list()).map((g) => g.id)).toContain(job.id);
    const details = await api.questionGeneration.get({ id: job.id });
    expect(details).toMatchObject({ status: "QUEUED", progress: [], report: null, spec: { kind: "new", request: { ...REQUEST, context: "" } } });
    await api.questionGeneration.generate(REQUEST);
    await api.questionGeneration.generate(REQUEST);
    const capped = await failure(api.questionGeneration.generate(REQUEST));
    expect(capped.code).toBe("CONFLICT");
    // Cancelling frees a place.
    expect(await api.questionGeneration.cancel({ id: job.id })).toEqual({ status: "CANCELLED" });
    expect((await failure(api.questionGeneration.cancel({ id: job.id }))).code).toBe("CONFLICT");
    await api.questionGeneration.generate(REQUEST);
    await h.db.prisma.questionGeneration.updateMany({ where: { status: "QUEUED" }, data: { status: "CANCELLED" } });
  });

  it("makes a variant of a curated question from its statement, and refuses languages the generator lacks", async () => {
    const api = await as(owner);
    const lru = await h.db.prisma.question.findUniqueOrThrow({ where: { slug: "typescript-lru-cache" } });
    const job = await api.questionGeneration.variant({ questionId: lru.id });
    const stored = await h.db.prisma.questionGeneration.findUniqueOrThrow({ where: { id: job.id } });
    expect(stored).toMatchObject({ variantOfId: lru.id, spec: { kind: "variant", variantOf: lru.id, request: { language: "typescript", difficulty: lru.difficulty } } });
    const goQuestion = await h.db.prisma.question.findFirstOrThrow({ where: { language: "go", source: "CURATED" } });
    expect((await failure(api.questionGeneration.variant({ questionId: goQuestion.id }))).code).toBe("BAD_REQUEST");
    await api.questionGeneration.cancel({ id: job.id });
  });

  it("approves only verified generated drafts of the organisation, once", async () => {
    const api = await as(owner);
    const curated = await h.db.prisma.question.findUniqueOrThrow({ where: { slug: "typescript-lru-cache" } });
    expect((await failure(api.questionGeneration.approve({ questionId: curated.id }))).code).toBe("NOT_FOUND");
    const draft = await h.db.prisma.question.create({
      data: { slug: "gen-draft", organizationId: owner.organizationId, source: "GENERATED", title: "Draft", language: "python", difficulty: "EASY", topics: [], estimatedMinutes: 10, statement: "x", starterFiles: [], visibleTests: [], hiddenTests: [], referenceSolution: [], contentHash: "d" },
    });
    expect((await failure(api.questionGeneration.approve({ questionId: draft.id }))).code).toBe("CONFLICT");
    await h.db.prisma.question.update({ where: { id: draft.id }, data: { verifiedAt: new Date() } });
    // While an edit is being verified, neither approval nor a second edit.
    const edit = { title: "Draft", statement: "x".repeat(60), estimatedMinutes: 10, starterFiles: [{ path: "a.py", content: "" }], visibleTests: [{ path: "test_a.py", content: "" }], hiddenTests: [{ path: "test_b.py", content: "" }], referenceSolution: [{ path: "a.py", content: "" }] };
    const editing = await api.questionGeneration.editDraft({ questionId: draft.id, edit });
    expect((await failure(api.questionGeneration.editDraft({ questionId: draft.id, edit }))).code).toBe("CONFLICT");
    expect((await failure(api.questionGeneration.approve({ questionId: draft.id }))).code).toBe("CONFLICT");
    await api.questionGeneration.cancel({ id: editing.id });
    const { approvedAt } = await api.questionGeneration.approve({ questionId: draft.id });
    expect((await api.questionGeneration.approve({ questionId: draft.id })).approvedAt).toEqual(approvedAt);
    expect(await h.db.prisma.auditLog.count({ where: { action: "question.approved", targetId: draft.id } })).toBe(1);
    // The bank's source filter: drafts to approve, generated ones, the curated bank.
    const other = await h.db.prisma.question.create({
      data: { slug: "gen-draft-2", organizationId: owner.organizationId, source: "GENERATED", title: "Second draft", language: "python", difficulty: "EASY", topics: [], estimatedMinutes: 10, statement: "x", starterFiles: [], visibleTests: [], hiddenTests: [], referenceSolution: [], contentHash: "e", verifiedAt: new Date() },
    });
    expect((await api.questions.list({ source: "DRAFT" })).map((q) => q.id)).toEqual([other.id]);
    expect((await api.questions.list({ source: "GENERATED" })).map((q) => q.id).sort()).toEqual([draft.id, other.id].sort());
    expect((await api.questions.list({ source: "CURATED" })).length).toBe(bank.length);
  });

  it("is not for viewers: they cannot see drafts' hidden tests, so they cannot generate either", async () => {
    await (await as(owner)).members.invite({ email: "vera@gen.test", role: "VIEWER" });
    const link = await h.linkFromLatestEmail("vera@gen.test", "/invitations/");
    const api = await h.caller();
    await api.auth.signUp({ name: "Vera", email: "vera@gen.test", password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
    const viewer = await h.caller({ cookie: sessionCookieFrom(api.responseHeaders) });
    expect((await failure(viewer.questionGeneration.generate(REQUEST))).code).toBe("FORBIDDEN");
    expect((await failure(viewer.questionGeneration.list())).code).toBe("FORBIDDEN");
  });
});
