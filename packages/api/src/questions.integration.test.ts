// The question bank through the real router and a real database, seeded from the curated
// folders as the web server does at start-up: listing with filters, the full content for
// interviewers, roles and tenancy (curated questions are everyone's, generated ones are not).
import { loadQuestionBank, seedQuestionBank } from "@interviewlm/core/questions";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, sessionCookieFrom, type Harness, type TestUser } from "./testing/index.ts";

const bank = loadQuestionBank();
let h: Harness;
let owner: TestUser;
let rival: TestUser;
let acmeGeneratedId: string;
let rivalGeneratedId: string;

async function insertGenerated(organizationId: string, slug: string): Promise<string> {
  const template = bank.find((q) => q.slug === "typescript-lru-cache")!;
  const question = await h.db.prisma.question.create({
    data: {
      slug,
      organizationId,
      source: "GENERATED",
      title: `Generated ${slug}`,
      language: "typescript",
      difficulty: "MEDIUM",
      topics: [`${slug}-topic`],
      estimatedMinutes: 30,
      statement: "# Generated\n\nA generated question.",
      starterFiles: template.starterFiles,
      visibleTests: template.visibleTests,
      hiddenTests: template.hiddenTests,
      referenceSolution: template.referenceSolution,
      contentHash: slug,
      verifiedAt: new Date(),
    },
    select: { id: true },
  });
  return question.id;
}

beforeAll(async () => {
  h = await createHarness();
  await seedQuestionBank(h.db.prisma, bank);
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rita Rival", email: "rita@rival.test", organizationName: "Rival" });
  acmeGeneratedId = await insertGenerated(owner.organizationId, "acme-generated");
  rivalGeneratedId = await insertGenerated(rival.organizationId, "rival-generated");
}, 60_000);
afterAll(() => h.close());

const as = (user: TestUser) => h.caller({ cookie: user.cookie });
const curatedId = async (slug: string) => (await h.db.prisma.question.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return error.code;
}

describe("questions.list", () => {
  it("lists the whole curated bank plus the organisation's own generated questions", async () => {
    const listed = await (await as(owner)).questions.list({});
    expect(listed.map((q) => q.slug).sort()).toEqual([...bank.map((q) => q.slug), "acme-generated"].sort());
    const lru = listed.find((q) => q.slug === "typescript-lru-cache");
    expect(lru).toEqual({
      id: expect.any(String),
      slug: "typescript-lru-cache",
      title: "LRU cache",
      language: "typescript",
      difficulty: "MEDIUM",
      topics: ["design", "hashing", "linked-lists", "real-world"],
      estimatedMinutes: 35,
      source: "CURATED",
      verifiedAt: null,
      approvedAt: null,
    });
  });

  it("filters by language, difficulty, topic and search", async () => {
    const api = await as(owner);
    const python = await api.questions.list({ language: "python" });
    expect(python).toHaveLength(bank.filter((q) => q.language === "python").length);
    const hardTs = await api.questions.list({ language: "typescript", difficulty: "HARD" });
    expect(hardTs.map((q) => q.slug).sort()).toEqual(bank.filter((q) => q.language === "typescript" && q.difficulty === "HARD").map((q) => q.slug).sort());
    expect((await api.questions.list({ topic: "parsing" })).every((q) => q.topics.includes("parsing"))).toBe(true);
    expect((await api.questions.list({ search: "  Rate LIMITER " })).map((q) => q.slug)).toEqual(["python-token-bucket-rate-limiter"]);
    expect(await api.questions.list({ search: "   " })).toHaveLength(bank.length + 1);
  });

  it("explains invalid filters per field", async () => {
    const api = await as(owner);
    const error = await api.questions.list({ language: "cobol" } as never).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await codeOf(api.questions.list({ search: "x".repeat(101) }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.questions.list({ topic: "Not a topic" }))).toBe("BAD_REQUEST");
  });

  it("offers the topics in use, including the organisation's own", async () => {
    const topics = await (await as(owner)).questions.topics();
    expect(topics).toContain("dynamic-programming");
    expect(topics).toContain("acme-generated-topic");
    expect(topics).not.toContain("rival-generated-topic");
  });
});

describe("questions.get", () => {
  it("returns the statement, starter files and visible tests; a curated question's hidden tests and reference stay on the server", async () => {
    const definition = bank.find((q) => q.slug === "python-expression-evaluator")!;
    const question = await (await as(owner)).questions.get({ id: await curatedId(definition.slug) });
    expect(question).toMatchObject({
      slug: definition.slug,
      title: definition.title,
      statement: definition.statement,
      starterFiles: definition.starterFiles,
      visibleTests: definition.visibleTests,
      solution: null,
      solutionWithheld: "curated",
      contentHash: definition.contentHash,
      retiredAt: null,
    });
    expect(question.createdAt).toBeInstanceOf(Date);
  });

  it("returns the organisation's own hidden tests and reference solution to its owner", async () => {
    const template = bank.find((q) => q.slug === "typescript-lru-cache")!;
    const question = await (await as(owner)).questions.get({ id: acmeGeneratedId });
    expect(question.solution).toEqual({ hiddenTests: template.hiddenTests, referenceSolution: template.referenceSolution });
  });

  it("shows curated questions to every organisation", async () => {
    const id = await curatedId("typescript-csv-parser");
    expect((await (await as(rival)).questions.get({ id })).slug).toBe("typescript-csv-parser");
  });

  it("hides another organisation's generated question as not found", async () => {
    expect(await codeOf((await as(rival)).questions.get({ id: acmeGeneratedId }))).toBe("NOT_FOUND");
    expect(await codeOf((await as(owner)).questions.get({ id: rivalGeneratedId }))).toBe("NOT_FOUND");
    expect((await (await as(owner)).questions.get({ id: acmeGeneratedId })).source).toBe("GENERATED");
    expect(await codeOf((await as(owner)).questions.get({ id: "does-not-exist" }))).toBe("NOT_FOUND");
  });
});

describe("access", () => {
  it("needs a signed-in member", async () => {
    expect(await codeOf((await h.caller()).questions.list({}))).toBe("UNAUTHORIZED");
    expect(await codeOf((await h.caller()).questions.get({ id: acmeGeneratedId }))).toBe("UNAUTHORIZED");
  });

  it("lets a viewer browse the bank", async () => {
    await (await as(owner)).members.invite({ email: "vic@acme.test", role: "VIEWER" });
    const link = await h.linkFromLatestEmail("vic@acme.test", "/invitations/");
    const api = await h.caller();
    await api.auth.signUp({ name: "Vic", email: "vic@acme.test", password: "a long enough password", invitationToken: decodeURIComponent(link.split("/invitations/")[1]!) });
    const viewer = await h.caller({ cookie: sessionCookieFrom(api.responseHeaders) });
    expect((await viewer.questions.list({})).length).toBe(bank.length + 1);
    const own = await viewer.questions.get({ id: acmeGeneratedId });
    expect([own.slug, own.solution, own.solutionWithheld]).toEqual(["acme-generated", null, "permission"]);
  });
});
