// Assessments through the real router and a real database: create (blank, from a template,
// hand-picked questions), validation, locking once a candidate started, duplicate,
// archive/restore, list counts, the candidate preview. Roles and tenancy: assessments-access.
import { assertAssessmentOpenForInvites } from "@interviewlm/core/assessments";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorShapeData } from "./errors.ts";
import { BLANK_ASSESSMENT, createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let owner: TestUser;
let rival: TestUser;
const q: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUpVerified({ name: "Olivia Owner", email: "owner@acme.test", organizationName: "Acme" });
  rival = await h.signUpVerified({ name: "Rita Rival", email: "rita@rival.test", organizationName: "Rival" });
  q.pyEasy = await insertQuestion("py-easy", "python", "EASY");
  q.pyHard = await insertQuestion("py-hard", "python", "HARD");
  q.tsMedium = await insertQuestion("ts-medium", "typescript", "MEDIUM");
  q.retired = await insertQuestion("py-retired", "python", "MEDIUM", { retired: true });
  q.acmeOwn = await insertQuestion("acme-generated", "python", "MEDIUM", { organizationId: owner.organizationId });
  q.rivalOwn = await insertQuestion("rival-generated", "python", "MEDIUM", { organizationId: rival.organizationId });
});
afterAll(() => h.close());

async function insertQuestion(
  slug: string,
  language: "python" | "typescript",
  difficulty: "EASY" | "MEDIUM" | "HARD",
  opts: { retired?: boolean; organizationId?: string } = {},
): Promise<string> {
  const question = await h.db.prisma.question.create({
    data: {
      slug,
      organizationId: opts.organizationId ?? null,
      source: opts.organizationId ? "GENERATED" : "CURATED",
      title: `Question ${slug}`,
      language,
      difficulty,
      topics: ["arrays"],
      estimatedMinutes: 20,
      statement: "Solve it.",
      starterFiles: [],
      visibleTests: [],
      hiddenTests: [],
      referenceSolution: [],
      contentHash: slug,
      retiredAt: opts.retired ? new Date() : null,
      approvedAt: opts.organizationId ? new Date() : null,
    },
    select: { id: true },
  });
  return question.id;
}

const as = (user: TestUser) => h.caller({ cookie: user.cookie });

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors: Record<string, string[]> }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${String(error)}`);
  return { code: error.code, message: error.message, fieldErrors: errorShapeData(error.cause).fieldErrors ?? {} };
}

const blank = BLANK_ASSESSMENT;

const assessmentCount = (organizationId = owner.organizationId) => h.db.prisma.assessment.count({ where: { organizationId } });
const auditActions = async (targetId: string) =>
  (await h.db.prisma.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" }, select: { action: true } })).map((a) => a.action);

async function addCandidate(assessmentId: string, email: string, status: "INVITED" | "OPENED" | "STARTED" | "COMPLETED" | "EVALUATED" | "EXPIRED" | "REVOKED") {
  await h.db.prisma.candidate.create({
    data: {
      organizationId: owner.organizationId,
      assessmentId,
      name: email.split("@")[0]!,
      email,
      status,
      inviteNonce: email,
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
    },
  });
}

describe("creating assessments", () => {
  it("creates a blank assessment with automatic selection and the documented defaults, and audits it", async () => {
    const created = await (await as(owner)).assessments.create({ ...blank, instructions: "  Be **yourself**.  " });
    expect(created).toMatchObject({
      ...blank,
      status: "ACTIVE",
      startingDifficulty: "MEDIUM",
      adaptiveDifficulty: false,
      aiAssistance: "AGENT",
      aiHelpLevel: "GUIDE",
      testVisibility: "VISIBLE",
      questionSource: "CURATED",
      instructions: "Be **yourself**.",
      templateKey: null,
      questions: [],
      lock: { startedCandidates: 0, fields: [], reason: null },
      candidates: { total: 0 },
    });
    expect(await auditActions(created.id)).toEqual(["assessment.created"]);
  });

  it("creates from every template in one step, recording the template key", async () => {
    const api = await as(owner);
    const templates = await api.assessments.templates();
    expect(templates.map((t) => t.name)).toEqual(expect.arrayContaining(["Backend Python, mid-level", "Frontend TypeScript, junior"]));
    for (const template of templates) {
      const created = await api.assessments.createFromTemplate({ templateKey: template.key });
      expect(created).toMatchObject({ templateKey: template.key, title: template.settings.title, questionSelection: "AUTO" });
    }
    const renamed = await api.assessments.createFromTemplate({ templateKey: "backend-python-mid", title: "Python for the payments team" });
    expect(renamed.title).toBe("Python for the payments team");
    expect((await failure(api.assessments.createFromTemplate({ templateKey: "no-such-template" }))).code).toBe("NOT_FOUND");
    expect((await failure(api.assessments.create({ ...blank, templateKey: "no-such-template" }))).fieldErrors.templateKey).toBeDefined();
  });

  it("keeps hand-picked questions in the order given, with their summaries", async () => {
    const created = await (await as(owner)).assessments.create({
      ...blank,
      languages: ["python", "typescript"],
      questionCount: 3,
      questionSelection: "MANUAL",
      questionIds: [q.tsMedium!, q.pyHard!, q.acmeOwn!],
    });
    expect(created.questions.map((x) => [x.position, x.id, x.language])).toEqual([
      [0, q.tsMedium, "typescript"],
      [1, q.pyHard, "python"],
      [2, q.acmeOwn, "python"],
    ]);
    expect(created.questions[0]).toMatchObject({ slug: "ts-medium", difficulty: "MEDIUM", topics: ["arrays"], estimatedMinutes: 20, source: "CURATED", retired: false });
  });

  it("accepts every question the bank lists for hand-picking, and none it hides", async () => {
    const api = await as(owner);
    const listed = (await api.questions.list({})).map((x) => x.id);
    expect(listed).toEqual(expect.arrayContaining([q.pyEasy, q.pyHard, q.tsMedium, q.acmeOwn]));
    expect(listed).not.toContain(q.retired);
    expect(listed).not.toContain(q.rivalOwn);
    for (const id of listed) {
      const created = await api.assessments.create({ ...blank, languages: ["python", "javascript", "typescript"], questionSelection: "MANUAL", questionCount: 1, questionIds: [id] });
      expect(created.questions.map((x) => x.id)).toEqual([id]);
    }
  });
});

describe("validation", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["a title that is too short", { title: "ab" }, "title"],
    ["a title that is too long", { title: "x".repeat(121) }, "title"],
    ["a missing role", { role: " " }, "role"],
    ["an unknown seniority", { seniority: "INTERN" }, "seniority"],
    ["no language", { languages: [] }, "languages"],
    ["an unsupported language", { languages: ["cobol"] }, "languages.0"],
    ["too short a duration", { durationMinutes: 10 }, "durationMinutes"],
    ["too long a duration", { durationMinutes: 241 }, "durationMinutes"],
    ["no questions", { questionCount: 0 }, "questionCount"],
    ["too many questions", { questionCount: 6 }, "questionCount"],
    ["an unknown selection mode", { questionSelection: "RANDOM" }, "questionSelection"],
    ["an unknown AI level", { aiAssistance: "MAX" }, "aiAssistance"],
    ["an unknown test policy", { testVisibility: "SOMETIMES" }, "testVisibility"],
    ["instructions over 5000 characters", { instructions: "x".repeat(5001) }, "instructions"],
    ["adaptive difficulty with hand-picked questions", { questionSelection: "MANUAL", questionCount: 1, questionIds: [""], adaptiveDifficulty: true }, "adaptiveDifficulty"],
    ["fewer picked questions than the count", { questionSelection: "MANUAL", questionCount: 2, questionIds: ["x"] }, "questionIds"],
    ["the same question twice", { questionSelection: "MANUAL", questionCount: 2, questionIds: ["x", "x"] }, "questionIds"],
  ];

  it.each(cases)("refuses %s on its own field and writes nothing", async (_name, change, field) => {
    const before = await assessmentCount();
    const result = await failure((await as(owner)).assessments.create({ ...blank, ...change } as typeof blank));
    expect(result.code).toBe("BAD_REQUEST");
    expect(Object.keys(result.fieldErrors)).toContain(field);
    expect(await assessmentCount()).toBe(before);
  });

  it("refuses picked questions that are retired, unknown, another organisation's, or in another language", async () => {
    const api = await as(owner);
    const before = await assessmentCount();
    const pick = (questionIds: string[]) =>
      failure(api.assessments.create({ ...blank, questionSelection: "MANUAL", questionCount: questionIds.length, questionIds }));
    for (const id of [q.retired!, "does-not-exist", q.rivalOwn!]) {
      const result = await pick([id]);
      expect(result.code).toBe("BAD_REQUEST");
      expect(result.fieldErrors.questionIds).toEqual([`Question ${id} is not in your question bank (it may have been retired).`]);
    }
    const wrongLanguage = await pick([q.pyEasy!, q.tsMedium!]);
    expect(wrongLanguage.fieldErrors.questionIds).toEqual([`"Question ts-medium" is in TypeScript, which is not one of this assessment's languages.`]);
    expect(await assessmentCount()).toBe(before);
  });
});

describe("editing", () => {
  it("changes settings and questions while no candidate has started", async () => {
    const api = await as(owner);
    const created = await api.assessments.create({ ...blank, questionSelection: "MANUAL", questionCount: 1, questionIds: [q.pyEasy!] });
    await addCandidate(created.id, "invited-only@x.test", "INVITED");
    const updated = await api.assessments.update({
      ...blank,
      assessmentId: created.id,
      title: "Renamed",
      durationMinutes: 90,
      questionSelection: "MANUAL",
      questionCount: 2,
      questionIds: [q.pyHard!, q.pyEasy!],
      aiAssistance: "CHAT",
      aiHelpLevel: "SOLVE",
    });
    expect(updated).toMatchObject({ title: "Renamed", durationMinutes: 90, aiAssistance: "CHAT", aiHelpLevel: "SOLVE", lock: { startedCandidates: 0 } });
    expect(updated.questions.map((x) => x.id)).toEqual([q.pyHard, q.pyEasy]);
    const switched = await api.assessments.update({ ...blank, assessmentId: created.id, questionSelection: "AUTO", questionIds: [q.pyHard!] });
    expect(switched.questions).toEqual([]);
    expect(await h.db.prisma.assessmentQuestion.count({ where: { assessmentId: created.id } })).toBe(0);
    expect(await auditActions(created.id)).toEqual(["assessment.created", "assessment.updated", "assessment.updated"]);
  });

  it("locks questions, languages, duration, AI level and test policy once a candidate started; title and instructions stay editable", async () => {
    const api = await as(owner);
    const settings = { ...blank, questionSelection: "MANUAL" as const, questionCount: 1, questionIds: [q.pyEasy!] };
    const created = await api.assessments.create(settings);
    await addCandidate(created.id, "started@x.test", "STARTED");

    const locked = await api.assessments.get({ assessmentId: created.id });
    expect(locked.lock.startedCandidates).toBe(1);
    expect(locked.lock.fields).toEqual(expect.arrayContaining(["languages", "durationMinutes", "questionIds", "aiAssistance", "testVisibility"]));
    expect(locked.lock.reason).toMatch(/1 candidate has already started/);

    const changes: [Record<string, unknown>, string][] = [
      [{ durationMinutes: 90 }, "durationMinutes"],
      [{ languages: ["python", "typescript"] }, "languages"],
      [{ questionIds: [q.pyHard!] }, "questionIds"],
      [{ questionSelection: "AUTO" }, "questionSelection"],
      [{ aiAssistance: "OFF" }, "aiAssistance"],
      [{ aiHelpLevel: "SOLVE" }, "aiHelpLevel"],
      [{ testVisibility: "HIDDEN" }, "testVisibility"],
    ];
    for (const [change, field] of changes) {
      const result = await failure(api.assessments.update({ ...settings, ...change, assessmentId: created.id } as typeof settings & { assessmentId: string }));
      expect(result.code).toBe("PRECONDITION_FAILED");
      expect(result.message).toMatch(/already started this assessment/);
      expect(Object.keys(result.fieldErrors)).toContain(field);
    }
    const stored = await api.assessments.get({ assessmentId: created.id });
    expect(stored).toMatchObject({ durationMinutes: 60, languages: ["python"], aiAssistance: "AGENT" });
    expect(stored.questions.map((x) => x.id)).toEqual([q.pyEasy]);

    const renamed = await api.assessments.update({ ...settings, assessmentId: created.id, title: "Still editable", role: "Platform engineer", instructions: "New notes" });
    expect(renamed).toMatchObject({ title: "Still editable", role: "Platform engineer", instructions: "New notes", durationMinutes: 60 });
  });

  it("counts a candidate who started and then finished as started", async () => {
    const api = await as(owner);
    const created = await api.assessments.create(blank);
    await addCandidate(created.id, "done@x.test", "COMPLETED");
    expect((await failure(api.assessments.update({ ...blank, assessmentId: created.id, durationMinutes: 30 }))).code).toBe("PRECONDITION_FAILED");
  });
});

describe("duplicate, archive and restore", () => {
  it("duplicates as an active 'Copy of …' with the same questions in the same order", async () => {
    const api = await as(owner);
    const source = await api.assessments.create({
      ...blank,
      title: "x".repeat(120),
      questionSelection: "MANUAL",
      questionIds: [q.pyHard!, q.pyEasy!],
      testVisibility: "HIDDEN",
    });
    await api.assessments.archive({ assessmentId: source.id });
    const copy = await api.assessments.duplicate({ assessmentId: source.id });
    expect(copy.id).not.toBe(source.id);
    expect(copy.title).toHaveLength(120);
    expect(copy.title.startsWith("Copy of xxx")).toBe(true);
    expect(copy).toMatchObject({ status: "ACTIVE", testVisibility: "HIDDEN", questionCount: 2, candidates: { total: 0 } });
    expect(copy.questions.map((x) => x.id)).toEqual([q.pyHard, q.pyEasy]);
    expect(await auditActions(copy.id)).toEqual(["assessment.duplicated"]);
    const short = await api.assessments.duplicate({ assessmentId: copy.id });
    expect(short.title).toBe(`Copy of ${copy.title}`.slice(0, 119) + "…");
  });

  it("archives and restores, idempotently, moving the assessment between the list filters", async () => {
    const api = await as(owner);
    const created = await api.assessments.create({ ...blank, title: "Archivable" });
    const archived = await api.assessments.archive({ assessmentId: created.id });
    expect(archived.status).toBe("ARCHIVED");
    expect(archived.archivedAt).toBeInstanceOf(Date);
    await api.assessments.archive({ assessmentId: created.id });
    expect((await api.assessments.list({ status: "active" })).map((a) => a.id)).not.toContain(created.id);
    expect((await api.assessments.list({ status: "archived" })).map((a) => a.id)).toContain(created.id);

    // Archived assessments accept no new invitations (the candidates service asks this).
    const actor = { userId: owner.userId, organizationId: owner.organizationId, role: "OWNER" as const };
    const closed = await h.db.prisma.$transaction((tx) => assertAssessmentOpenForInvites(tx, actor, created.id)).then(() => null, (e: Error & { code?: string }) => e);
    expect(closed?.code).toBe("PRECONDITION_FAILED");
    expect(closed?.message).toMatch(/archived/);

    const restored = await api.assessments.restore({ assessmentId: created.id });
    expect(restored).toMatchObject({ status: "ACTIVE", archivedAt: null });
    const open = await h.db.prisma.$transaction((tx) => assertAssessmentOpenForInvites(tx, actor, created.id));
    expect(open).toMatchObject({ id: created.id, title: "Archivable", durationMinutes: 60 });
    expect(await auditActions(created.id)).toEqual(["assessment.created", "assessment.archived", "assessment.restored"]);
  });
});

describe("listing", () => {
  it("counts candidates per status, zero when there are none, and searches title and role", async () => {
    const api = await as(owner);
    const busy = await api.assessments.create({ ...blank, title: "Counting screen", role: "Data engineer" });
    const quiet = await api.assessments.create({ ...blank, title: "Quiet counting screen" });
    for (const [i, status] of (["INVITED", "INVITED", "OPENED", "STARTED", "COMPLETED", "EVALUATED", "REVOKED"] as const).entries()) {
      await addCandidate(busy.id, `c${i}@count.test`, status);
    }
    const rows = await api.assessments.list({ status: "active", search: "COUNTING" });
    expect(rows.map((r) => r.id).sort()).toEqual([busy.id, quiet.id].sort());
    const busyRow = rows.find((r) => r.id === busy.id)!;
    expect(busyRow.candidates).toEqual({
      total: 7,
      byStatus: { INVITED: 2, OPENED: 1, STARTED: 1, COMPLETED: 1, EVALUATED: 1, EXPIRED: 0, REVOKED: 1 },
    });
    expect(rows.find((r) => r.id === quiet.id)!.candidates.total).toBe(0);
    expect((await api.assessments.list({ status: "active", search: "data engineer" })).map((r) => r.id)).toEqual([busy.id]);
    expect((await api.assessments.get({ assessmentId: busy.id })).candidates.total).toBe(7);
    expect((await failure(api.assessments.list({ status: "active", search: "x".repeat(101) }))).fieldErrors.search).toBeDefined();
  });
});

describe("candidate preview", () => {
  it("says what the candidate will get, in plain words, and nothing about the questions themselves", async () => {
    const api = await as(owner);
    const created = await api.assessments.create({
      ...blank,
      seniority: "SENIOR",
      languages: ["python", "typescript"],
      aiAssistance: "CHAT",
      testVisibility: "RESULTS_ONLY",
      adaptiveDifficulty: true,
      instructions: "Use **pytest**.",
    });
    const preview = await api.assessments.preview({ assessmentId: created.id });
    expect(preview).toMatchObject({
      organizationName: "Acme",
      title: "Backend screen",
      role: "Senior · Backend engineer",
      durationMinutes: 60,
      questionCount: 2,
      languages: [{ value: "python", label: "Python" }, { value: "typescript", label: "TypeScript" }],
      aiAssistance: { level: "CHAT", label: "Chat only" },
      testVisibility: { level: "RESULTS_ONLY", label: "Results only" },
      instructions: "Use **pytest**.",
    });
    expect(preview.aiAssistance.explanation).toMatch(/can read your files but not change them/);
    expect(preview.adaptiveNote).toMatch(/easier or harder/);
    expect(preview.recorded.join(" ")).toMatch(/AI assistant/);
    // New organisations keep candidate data a year (docs/decisions/0170); the consent says so.
    expect(preview.dataRetention).toMatch(/for 365 days after your assessment is evaluated; then they are erased automatically/);
    const noAi = await api.assessments.create({ ...blank, aiAssistance: "OFF" });
    const quiet = await api.assessments.preview({ assessmentId: noAi.id });
    expect(quiet.recorded.join(" ")).not.toMatch(/AI assistant/);
    expect(quiet.adaptiveNote).toBeNull();
  });
});
