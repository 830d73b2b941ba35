import { createTestDatabase, testDatabaseFlavour, type TestDatabase } from "@interviewlm/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { loadQuestionBank, QuestionBankError } from "./load-question-bank.ts";
import { getQuestion, listQuestions, listQuestionTopics } from "./question-queries.ts";
import type { QuestionDefinition } from "./schemas.ts";
import { seedQuestionBank } from "./seed-question-bank.ts";
import { selectQuestions } from "./select-questions.ts";

const bank = loadQuestionBank();
let db: TestDatabase;
let acme: OrgActor;
let rival: OrgActor;

async function createOrganization(name: string): Promise<OrgActor> {
  const organization = await db.prisma.organization.create({ data: { name, slug: name.toLowerCase() } });
  const user = await db.prisma.user.create({ data: { name, email: `${name.toLowerCase()}@example.test`, emailVerifiedAt: new Date() } });
  return { userId: user.id, organizationId: organization.id, role: "VIEWER" };
}

/** A generated question of an organisation, verified or not. */
async function createGenerated(organizationId: string, slug: string, overrides: { verifiedAt?: Date | null; approvedAt?: Date | null; difficulty?: "EASY" | "MEDIUM" | "HARD" } = {}) {
  const template = bank.find((q) => q.slug === "python-group-anagrams")!;
  return db.prisma.question.create({
    data: {
      slug,
      organizationId,
      source: "GENERATED",
      title: `Generated ${slug}`,
      language: "python",
      difficulty: overrides.difficulty ?? "EASY",
      topics: ["generated-topic"],
      estimatedMinutes: 20,
      statement: template.statement,
      starterFiles: template.starterFiles,
      visibleTests: template.visibleTests,
      hiddenTests: template.hiddenTests,
      referenceSolution: template.referenceSolution,
      contentHash: "0".repeat(64),
      verifiedAt: overrides.verifiedAt === undefined ? new Date() : overrides.verifiedAt,
      approvedAt: overrides.approvedAt === undefined ? new Date() : overrides.approvedAt,
    },
    select: { id: true },
  });
}

const idOf = async (slug: string) => (await db.prisma.question.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await createOrganization("Acme");
  rival = await createOrganization("Rival");
}, 60_000);
afterAll(() => db?.close());

describe(`seedQuestionBank (${testDatabaseFlavour()})`, () => {
  it("creates every curated question, then changes nothing on a second run", async () => {
    const first = await seedQuestionBank(db.prisma, bank);
    expect(first.created.sort()).toEqual(bank.map((q) => q.slug).sort());
    const before = await db.prisma.question.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } });

    const second = await seedQuestionBank(db.prisma, bank);
    expect(second).toEqual({ created: [], updated: [], unchanged: expect.any(Array), retired: [] });
    expect(second.unchanged).toHaveLength(bank.length);
    expect(await db.prisma.question.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: "asc" } })).toEqual(before);
  });

  it("stores the content as loaded: curated, shared, with the content hash", async () => {
    const definition = bank[0]!;
    const row = await db.prisma.question.findUniqueOrThrow({ where: { slug: definition.slug } });
    expect(row).toMatchObject({
      source: "CURATED",
      organizationId: null,
      title: definition.title,
      contentHash: definition.contentHash,
      starterFiles: definition.starterFiles,
      hiddenTests: definition.hiddenTests,
      retiredAt: null,
    });
  });

  it("rewrites only a question whose content changed", async () => {
    const changed = bank.map((q, i): QuestionDefinition => (i === 0 ? { ...q, title: `${q.title} (v2)`, contentHash: "f".repeat(64) } : q));
    const report = await seedQuestionBank(db.prisma, changed);
    expect(report.updated).toEqual([bank[0]!.slug]);
    expect(report.unchanged).toHaveLength(bank.length - 1);
    expect((await db.prisma.question.findUniqueOrThrow({ where: { slug: bank[0]!.slug } })).title).toBe(`${bank[0]!.title} (v2)`);
    await seedQuestionBank(db.prisma, bank);
  });

  it("retires curated questions that left the bank without deleting them, and brings them back", async () => {
    const [removed, ...rest] = bank;
    const retiredAt = new Date("2030-01-02T03:04:05Z");
    const report = await seedQuestionBank(db.prisma, rest, { now: () => retiredAt });
    expect(report.retired).toEqual([removed!.slug]);
    expect(await db.prisma.question.findUniqueOrThrow({ where: { slug: removed!.slug } })).toMatchObject({ retiredAt });

    const back = await seedQuestionBank(db.prisma, bank);
    expect(back.updated).toEqual([removed!.slug]);
    expect(await db.prisma.question.findUniqueOrThrow({ where: { slug: removed!.slug } })).toMatchObject({ retiredAt: null });
  });

  it("never touches an organisation's generated questions", async () => {
    const generated = await createGenerated(acme.organizationId, "generated-kept-by-seed");
    const report = await seedQuestionBank(db.prisma, bank);
    expect(report.retired).toEqual([]);
    expect(await db.prisma.question.findUniqueOrThrow({ where: { id: generated.id } })).toMatchObject({ retiredAt: null });
  });

  it("refuses a curated slug that an organisation's question already uses", async () => {
    await createGenerated(acme.organizationId, "taken-slug");
    const clash = { ...bank[0]!, slug: "taken-slug" };
    await expect(seedQuestionBank(db.prisma, [...bank, clash])).rejects.toThrow(QuestionBankError);
    expect(await db.prisma.question.count({ where: { source: "CURATED", slug: "taken-slug" } })).toBe(0);
  });

  it("lets concurrent start-ups seed an empty database: one creates, the other waits and finds it done", async () => {
    const fresh = await createTestDatabase();
    try {
      const reports = await Promise.all([seedQuestionBank(fresh.prisma, bank), seedQuestionBank(fresh.prisma, bank)]);
      expect(reports.map((r) => [r.created.length, r.unchanged.length]).sort()).toEqual([
        [0, bank.length],
        [bank.length, 0],
      ]);
      expect(await fresh.prisma.question.count()).toBe(bank.length);
    } finally {
      await fresh.close();
    }
  }, 60_000);
});

describe("listQuestions / getQuestion", () => {
  let acmeGenerated: string;
  let rivalGenerated: string;
  beforeAll(async () => {
    acmeGenerated = (await createGenerated(acme.organizationId, "acme-generated")).id;
    rivalGenerated = (await createGenerated(rival.organizationId, "rival-generated")).id;
  });

  it("lists the curated bank plus the organisation's own questions, never another's", async () => {
    const slugs = (await listQuestions(db.prisma, acme)).map((q) => q.slug);
    for (const q of bank) expect(slugs).toContain(q.slug);
    expect(slugs).toContain("acme-generated");
    expect(slugs).not.toContain("rival-generated");
  });

  it("orders by language, then difficulty, then title", async () => {
    const listed = await listQuestions(db.prisma, acme, { language: "typescript" });
    const rank = { EASY: 0, MEDIUM: 1, HARD: 2 };
    const keys = listed.map((q) => `${rank[q.difficulty]} ${q.title}`);
    expect(keys).toEqual([...keys].sort());
    expect(listed.every((q) => q.language === "typescript")).toBe(true);
  });

  it("filters by difficulty, topic and search", async () => {
    expect((await listQuestions(db.prisma, acme, { difficulty: "HARD" })).every((q) => q.difficulty === "HARD")).toBe(true);
    const graphs = await listQuestions(db.prisma, acme, { topic: "graphs" });
    expect(graphs.length).toBeGreaterThan(0);
    expect(graphs.every((q) => q.topics.includes("graphs"))).toBe(true);
    expect((await listQuestions(db.prisma, acme, { search: "lru" })).map((q) => q.slug)).toEqual(["typescript-lru-cache"]);
    expect((await listQuestions(db.prisma, acme, { search: "DYNAMIC programming" })).map((q) => q.slug).sort()).toEqual(
      bank.filter((q) => q.topics.includes("dynamic-programming")).map((q) => q.slug).sort(),
    );
    expect(await listQuestions(db.prisma, acme, { search: "no such question" })).toEqual([]);
  });

  it("leaves retired questions out of the list but still opens them", async () => {
    const id = await idOf("python-meeting-rooms");
    await db.prisma.question.update({ where: { id }, data: { retiredAt: new Date() } });
    try {
      expect((await listQuestions(db.prisma, acme)).map((q) => q.id)).not.toContain(id);
      expect((await getQuestion(db.prisma, acme, id)).retiredAt).not.toBeNull();
    } finally {
      await db.prisma.question.update({ where: { id }, data: { retiredAt: null } });
    }
  });

  it("lists the topics in use, for the filter", async () => {
    const topics = await listQuestionTopics(db.prisma, rival);
    expect(topics).toEqual([...topics].sort());
    expect(topics).toContain("graphs");
    expect(new Set(topics).size).toBe(topics.length);
  });

  it("returns a curated question's statement, starter and visible tests, never its hidden tests or reference", async () => {
    const definition = bank.find((q) => q.slug === "typescript-lru-cache")!;
    const owner = { ...acme, role: "OWNER" as const };
    const question = await getQuestion(db.prisma, owner, await idOf(definition.slug));
    expect(question).toMatchObject({
      slug: definition.slug,
      statement: definition.statement,
      starterFiles: definition.starterFiles,
      visibleTests: definition.visibleTests,
      solution: null,
      solutionWithheld: "curated",
    });
    expect(Object.keys(question)).not.toContain("hiddenTests");
    expect(Object.keys(question)).not.toContain("referenceSolution");
  });

  it("returns an organisation's own hidden tests and reference only to roles with questions:read_solutions", async () => {
    const template = bank.find((q) => q.slug === "python-group-anagrams")!;
    for (const role of ["OWNER", "ADMIN", "MEMBER"] as const) {
      const question = await getQuestion(db.prisma, { ...acme, role }, acmeGenerated);
      expect(question.solution, role).toEqual({ hiddenTests: template.hiddenTests, referenceSolution: template.referenceSolution });
      expect(question.solutionWithheld, role).toBeNull();
    }
    const asViewer = await getQuestion(db.prisma, { ...acme, role: "VIEWER" }, acmeGenerated);
    expect([asViewer.solution, asViewer.solutionWithheld]).toEqual([null, "permission"]);
  });

  it("reports another organisation's question as not found, like a missing one", async () => {
    const error = await getQuestion(db.prisma, acme, rivalGenerated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("NOT_FOUND");
    await expect(getQuestion(db.prisma, acme, "missing-id")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getQuestion(db.prisma, acme, acmeGenerated)).source).toBe("GENERATED");
  });
});

describe("selectQuestions", () => {
  const select = (input: Partial<Parameters<typeof selectQuestions>[1]> = {}) =>
    selectQuestions(db.prisma, { organizationId: acme.organizationId, language: "python", difficulty: "MEDIUM", count: 3, ...input });

  it("prefers the requested difficulty", async () => {
    const picked = await select({ count: 3, source: "CURATED" });
    expect(picked.map((q) => q.difficulty)).toEqual(["MEDIUM", "MEDIUM", "MEDIUM"]);
    expect(new Set(picked.map((q) => q.id)).size).toBe(3);
  });

  it("falls back to the nearest difficulty, the easier one first on a tie", async () => {
    const curatedPython = bank.filter((q) => q.language === "python");
    const count = (d: string) => curatedPython.filter((q) => q.difficulty === d).length;
    const picked = await select({ count: curatedPython.length, source: "CURATED" });
    expect(picked.map((q) => q.difficulty)).toEqual([
      ...Array(count("MEDIUM")).fill("MEDIUM"),
      ...Array(count("EASY")).fill("EASY"),
      ...Array(count("HARD")).fill("HARD"),
    ]);
    const fromHard = await select({ difficulty: "HARD", count: count("HARD") + 1, source: "CURATED" });
    expect(fromHard.map((q) => q.difficulty)).toEqual([...Array(count("HARD")).fill("HARD"), "MEDIUM"]);
  });

  it("is stable for a seed and varies between seeds", async () => {
    const a = await select({ seed: "session-1", count: 2, source: "CURATED" });
    expect(await select({ seed: "session-1", count: 2, source: "CURATED" })).toEqual(a);
    const orders = new Set<string>();
    for (let i = 0; i < 20; i++) orders.add((await select({ seed: `s${i}`, count: 3, source: "CURATED" })).map((q) => q.slug).join());
    expect(orders.size).toBeGreaterThan(1);
  });

  it("leaves out excluded, retired and other languages' questions", async () => {
    const all = await select({ count: 50, source: "CURATED" });
    const excluded = all.slice(0, 2).map((q) => q.id);
    const rest = await select({ count: 50, source: "CURATED", excludeIds: excluded });
    expect(rest.map((q) => q.id)).toEqual(expect.not.arrayContaining(excluded));
    expect(rest).toHaveLength(all.length - 2);
    expect(rest.every((q) => q.language === "python")).toBe(true);
    const retired = all[2]!.id;
    await db.prisma.question.update({ where: { id: retired }, data: { retiredAt: new Date() } });
    try {
      expect((await select({ count: 50, source: "CURATED" })).map((q) => q.id)).not.toContain(retired);
    } finally {
      await db.prisma.question.update({ where: { id: retired }, data: { retiredAt: null } });
    }
  });

  it("includes the organisation's verified and approved generated questions only, and no other organisation's", async () => {
    const unverified = await createGenerated(acme.organizationId, "acme-unverified", { verifiedAt: null, difficulty: "HARD" });
    const draft = await createGenerated(acme.organizationId, "acme-draft", { approvedAt: null, difficulty: "HARD" });
    const verified = await createGenerated(acme.organizationId, "acme-verified-hard", { difficulty: "HARD" });
    const foreign = await createGenerated(rival.organizationId, "rival-verified-hard", { difficulty: "HARD" });
    const ids = (await select({ difficulty: "HARD", count: 50 })).map((q) => q.id);
    expect(ids).toContain(verified.id);
    expect(ids).not.toContain(unverified.id);
    expect(ids).not.toContain(draft.id);
    expect(ids).not.toContain(foreign.id);
    const generatedOnly = await select({ difficulty: "HARD", count: 50, source: "GENERATED" });
    expect(generatedOnly.every((q) => q.source === "GENERATED")).toBe(true);
    expect(generatedOnly.map((q) => q.id)).toContain(verified.id);
  });

  it("returns fewer when the bank runs out, and validates the count", async () => {
    // The bank has two curated Go questions (one easy, one medium): asking for five gives both.
    const go = await select({ language: "go", source: "CURATED", count: 5 });
    expect(go.map((q) => q.language)).toEqual(["go", "go"]);
    for (const count of [0, 51, 1.5]) await expect(select({ count })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("seeds and selects the curated Ruby questions (the ruby Language value is migrated)", async () => {
    const ruby = await select({ language: "ruby", source: "CURATED", count: 5 });
    expect(ruby.map((q) => q.slug).sort()).toEqual(["ruby-group-visits", "ruby-parse-duration"]);
  });

  it("works inside a transaction", async () => {
    const picked = await db.prisma.$transaction((tx) =>
      selectQuestions(tx, { organizationId: acme.organizationId, language: "typescript", difficulty: "EASY", count: 1, seed: "x" }),
    );
    expect(picked).toHaveLength(1);
  });
});
