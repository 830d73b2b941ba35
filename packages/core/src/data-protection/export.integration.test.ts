// The export archive against a real database: two candidates of one organisation with
// sessions, recordings, evaluations, emails, audit entries and ledger rows. Ada's archive holds
// every row about her (every table that refers to a candidate or a session is accounted for,
// read from information_schema) and nothing of Bob; another organisation gets NOT_FOUND; the
// candidate's own request goes through the emailed link, is rate-limited and audited, and
// leaves out the organisation's internal material.
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { queueEmail } from "@interviewlm/emails";
import type { RecordingEvent } from "@interviewlm/realtime";
import { unzipSync, strFromU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { recordAudit } from "../audit/audit-log.ts";
import { ingestRecording } from "../interviews/recording-ingest.ts";
import type { OrgActor } from "../shared/deps.ts";
import { DomainError } from "../shared/errors.ts";
import { candidateArchiveStream } from "./export-archive.ts";
import { EXPORT_COVERAGE, type CandidateExport } from "./export-collect.ts";
import { candidateDataRequestUrl } from "./export-links.ts";
import { exportCandidateForCandidate, exportCandidateForOrganization, requestCandidateDataExport, viewCandidateDataDownload, viewCandidateDataRequest } from "./export-service.ts";

const START = Date.UTC(2026, 5, 1, 9, 0, 0);
let db: TestDatabase;
let now = new Date(START + 86_400_000);
const deps = () => ({ db: db.prisma, appUrl: "http://localhost:3000", appSecret: "s".repeat(40), now: () => now });
let owner: OrgActor;
let viewer: OrgActor;
let rival: OrgActor;
let reviewerId: string;

interface Seeded {
  candidateId: string;
  sessionId: string;
  name: string;
  email: string;
  marker: string;
  ids: string[];
}
let ada: Seeded;
let bob: Seeded;

async function member(organizationId: string, name: string, role: OrgActor["role"]): Promise<OrgActor> {
  const user = await db.prisma.user.create({ data: { name, email: `${name.toLowerCase()}@export.test`, emailVerifiedAt: new Date() } });
  await db.prisma.membership.create({ data: { organizationId, userId: user.id, role } });
  return { userId: user.id, organizationId, role };
}

function editorUpdate(path: string, text: string): string {
  const doc = new Y.Doc();
  const content = new Y.Text();
  doc.getMap<Y.Text>("files").set(path, content);
  content.insert(0, text);
  return Buffer.from(Y.encodeStateAsUpdate(doc)).toString("base64");
}

/** A candidate with everything a finished interview leaves behind; `marker` is in every place they typed. */
async function seedCandidate(organizationId: string, assessmentId: string, questionId: string, name: string, marker: string): Promise<Seeded> {
  const email = `${name.split(" ")[0]!.toLowerCase()}@candidates.test`;
  const candidate = await db.prisma.candidate.create({
    data: { organizationId, assessmentId, name, email, status: "EVALUATED", inviteNonce: `nonce-${marker}`, expiresAt: new Date(START + 7 * 86_400_000) },
  });
  const session = await db.prisma.interviewSession.create({
    data: { organizationId, assessmentId, candidateId: candidate.id, status: "COMPLETED", language: "python", startedAt: new Date(START), deadlineAt: new Date(START + 3_600_000), completedAt: new Date(START + 1_800_000) },
  });
  const question = await db.prisma.sessionQuestion.create({
    data: { sessionId: session.id, questionId, position: 0, difficulty: "EASY", hiddenTestResult: { status: "failed", totals: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0 }, tests: [{ name: "test_hidden", status: "failed", durationMs: 3 }], stdout: "HIDDEN_TEST_SOURCE assert x == 42", stderr: "", compileOutput: null } },
  });
  const at = (s: number) => START + s * 1000;
  const events: RecordingEvent[] = [
    { seq: 1, at: at(1), type: "presence.joined", actor: `candidate:${candidate.id}`, payload: { connectionId: "c1", role: "candidate", userId: null, name } },
    { seq: 2, at: at(2), type: "presence.joined", actor: `reviewer:${reviewerId}`, payload: { connectionId: "r1", role: "reviewer", userId: reviewerId, name: "Rita Reviewer" } },
    { seq: 3, at: at(3), type: "yjs.update", actor: `candidate:${candidate.id}`, payload: { update: editorUpdate("solution.py", `def solve():\n    return "${marker}"\n`) } },
    { seq: 4, at: at(4), type: "terminal.output", actor: "room", payload: { data: `$ python solution.py\r\n${marker}\r\n` } },
    { seq: 5, at: at(5), type: "note.added", actor: `reviewer:${reviewerId}`, payload: { id: "n1", authorId: reviewerId, authorName: "Rita Reviewer", text: `PRIVATE_NOTE about ${marker}` } },
    { seq: 6, at: at(6), type: "agent.usage", actor: "agent", payload: { turnId: "t1", model: "claude-sonnet-5-5", promptVersion: "p1", inputTokens: 100, outputTokens: 20, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, costMicroUsd: 400 } },
    { seq: 7, at: at(7), type: "session.finished", actor: "room", payload: { reason: "candidate" } },
  ];
  await ingestRecording(db.prisma, { sessionId: session.id, events });
  const evaluation = await db.prisma.evaluation.create({
    data: { organizationId, sessionId: session.id, version: "m1+j1", status: "DONE", measured: { marker }, rubric: { summary: `Solid work, ${marker}` }, rubricStatus: "done", lastError: "INTERNAL_RETRY_NOTE", needsReview: true },
  });
  const mail = await queueEmail(db.prisma, {
    template: "assessment-invitation", to: email, organizationId,
    props: { candidateName: name, organizationName: "Acme", assessmentTitle: "Backend", role: "Backend engineer", durationMinutes: 60, questionCount: 1, aiAssistance: "AGENT", portalUrl: `http://localhost:3000/i/${marker}`, expiresAt: new Date(START + 7 * 86_400_000) },
  });
  await recordAudit(db.prisma, { organizationId, actorUserId: owner.userId, action: "candidate.invited", targetType: "candidate", targetId: candidate.id, ipAddress: "203.0.113.9" });
  await recordAudit(db.prisma, { organizationId, action: "interview.finished", targetType: "interview_session", targetId: session.id });
  const ledger = await db.prisma.creditLedgerEntry.create({
    data: { organizationId, kind: "RESERVE", amount: -1, reservedChange: 1, availableAfter: 9, causeType: "INVITATION", causeId: candidate.id, idempotencyKey: `reserve:${candidate.id}`, candidateId: candidate.id },
  });
  const letter = await db.prisma.recordingDeadLetter.create({
    data: { sessionId: session.id, firstSeq: 8, lastSeq: 8, eventCount: 1, status: 400, reason: "refused", body: Buffer.from(`{"events":["${marker}"]}`), bodyBytes: 10 },
  });
  return { candidateId: candidate.id, sessionId: session.id, name, email, marker, ids: [candidate.id, session.id, question.id, evaluation.id, mail.id, ledger.id, letter.id] };
}

async function archiveOf(data: CandidateExport): Promise<Record<string, string>> {
  const bytes = new Uint8Array(await new Response(candidateArchiveStream(db.prisma, data)).arrayBuffer());
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, content]) => [name, strFromU8(content)]));
}

function refused(error: unknown): string {
  return error instanceof DomainError ? error.code : String(error);
}

beforeAll(async () => {
  db = await createTestDatabase();
  const acme = await db.prisma.organization.create({ data: { name: "Acme", slug: "acme-export" } });
  const other = await db.prisma.organization.create({ data: { name: "Rival", slug: "rival-export" } });
  owner = await member(acme.id, "Olive", "OWNER");
  viewer = await member(acme.id, "Vera", "VIEWER");
  rival = await member(other.id, "Rex", "OWNER");
  reviewerId = (await member(acme.id, "Rita", "MEMBER")).userId;
  const assessment = await db.prisma.assessment.create({
    data: { organizationId: acme.id, title: "Backend", role: "Backend engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL" },
  });
  const question = await db.prisma.question.create({
    data: { slug: "export-q", organizationId: acme.id, source: "GENERATED", title: "Sum it", language: "python", difficulty: "EASY", topics: [], estimatedMinutes: 10, statement: "x", starterFiles: [], visibleTests: [], hiddenTests: [{ path: "t.py", content: "HIDDEN_TEST_SOURCE" }], referenceSolution: [], contentHash: "h" },
  });
  ada = await seedCandidate(acme.id, assessment.id, question.id, "Ada Lovelace", "ADA_MARKER_7f3");
  bob = await seedCandidate(acme.id, assessment.id, question.id, "Bob Builder", "BOB_MARKER_9k2");
}, 120_000);
afterAll(() => db?.close());

describe("recruiter export", () => {
  it("accounts for every table that refers to a candidate or an interview session", async () => {
    const rows = await db.prisma.$queryRaw<{ table_name: string }[]>`
      SELECT DISTINCT tc.table_name FROM information_schema.table_constraints tc
        JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema() AND ccu.table_name IN ('Candidate', 'InterviewSession')
      UNION
      SELECT DISTINCT table_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name IN ('candidateId', 'sessionId')`;
    const referring = [...new Set([...rows.map((row) => row.table_name), "Candidate", "InterviewSession"])].sort();
    expect(referring.filter((table) => !Object.hasOwn(EXPORT_COVERAGE, table)), "tables missing from EXPORT_COVERAGE").toEqual([]);
    expect(referring.length).toBeGreaterThanOrEqual(7);
  });

  it("holds every row about the candidate, the final files and the whole recording, and nothing of another candidate", async () => {
    const data = await exportCandidateForOrganization(deps(), owner, ada.candidateId);
    const files = await archiveOf(data);
    expect(Object.keys(files).sort()).toEqual(["README.txt", "candidate.json", "files/solution.py", "recording.jsonl"]);
    const json = JSON.parse(files["candidate.json"]!) as CandidateExport;

    // Row counts straight from the tables, so a row the export skipped shows up here.
    const counts = {
      sessionQuestions: await db.prisma.sessionQuestion.count({ where: { sessionId: ada.sessionId } }),
      evaluations: await db.prisma.evaluation.count({ where: { sessionId: ada.sessionId } }),
      creditLedgerEntries: await db.prisma.creditLedgerEntry.count({ where: { candidateId: ada.candidateId } }),
      recordingDeadLetters: await db.prisma.recordingDeadLetter.count({ where: { sessionId: ada.sessionId } }),
      emails: await db.prisma.emailMessage.count({ where: { toAddress: ada.email } }),
    };
    expect(json.candidate.id).toBe(ada.candidateId);
    expect(json.session?.id).toBe(ada.sessionId);
    for (const [key, count] of Object.entries(counts)) expect((json[key as keyof typeof counts] ?? []).length, key).toBe(count);
    expect(json.auditEntries.map((entry) => entry.action)).toEqual(expect.arrayContaining(["candidate.invited", "interview.finished"]));
    expect(json.aiUsage).toEqual({ calls: 1, inputTokens: 100, outputTokens: 20, costMicroUsd: 400 });
    const recording = files["recording.jsonl"]!.trim().split("\n").map((line) => JSON.parse(line) as { seq: number; type: string });
    expect(recording.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(json.recording.events).toBe(7);
    expect(files["files/solution.py"]).toBe('def solve():\n    return "ADA_MARKER_7f3"\n');
    // The organisation's archive keeps reviewers' notes; it never holds the invite nonce or hidden test output.
    expect(files["recording.jsonl"]).toContain("PRIVATE_NOTE");
    const all = Object.values(files).join("\n");
    expect(all).not.toContain("nonce-ADA");
    expect(all).not.toContain("HIDDEN_TEST_SOURCE");
    for (const secret of [...bob.ids, bob.email, bob.name, bob.marker]) expect(all, secret).not.toContain(secret);
    for (const id of ada.ids) expect(all, id).toContain(id);
  });

  it("is audited as candidate.exported with the member as the actor", async () => {
    const entry = await db.prisma.auditLog.findFirst({ where: { action: "candidate.exported", targetId: bob.candidateId }, orderBy: { createdAt: "desc" } });
    expect(entry).toBeNull();
    await exportCandidateForOrganization(deps(), { ...owner, ipAddress: "198.51.100.4" }, bob.candidateId);
    const after = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "candidate.exported", targetId: bob.candidateId } });
    expect(after).toMatchObject({ organizationId: owner.organizationId, actorUserId: owner.userId, targetType: "candidate", ipAddress: "198.51.100.4" });
  });

  it("refuses another organisation (NOT_FOUND) and a role without data:export (FORBIDDEN), writing nothing", async () => {
    const before = await db.prisma.auditLog.count();
    expect(refused(await exportCandidateForOrganization(deps(), rival, ada.candidateId).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(refused(await exportCandidateForOrganization(deps(), viewer, ada.candidateId).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(await db.prisma.auditLog.count()).toBe(before);
  });
});

describe("candidate's own request", () => {
  const tokenOf = (url: string) => url.slice(url.lastIndexOf("/") + 1);

  it("mails a download link to the invited address; following it gives the archive without the organisation's internal material", async () => {
    const requestToken = tokenOf(await candidateDataRequestUrl(deps(), { id: ada.candidateId, expiresAt: new Date(START) }));
    expect(await viewCandidateDataRequest(deps(), requestToken)).toEqual({ organizationName: "Acme", candidateName: "Ada Lovelace", maskedEmail: "a••@candidates.test" });
    expect(await requestCandidateDataExport(deps(), { token: requestToken, ipAddress: "192.0.2.1" })).toEqual({ sentTo: "a••@candidates.test", expiresInHours: 24 });

    const mail = await db.prisma.emailMessage.findFirstOrThrow({ where: { template: "candidate-data-download", toAddress: ada.email } });
    const link = /http:\/\/localhost:3000\/your-data\/download\/[^\s)"<]+/.exec(mail.text)?.[0];
    expect(link).toBeDefined();
    const downloadToken = tokenOf(link!);
    // The request link never works as a download link, nor the other way round.
    expect(refused(await exportCandidateForCandidate(deps(), { token: requestToken }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    expect(refused(await viewCandidateDataRequest(deps(), downloadToken).catch((e: unknown) => e))).toBe("NOT_FOUND");

    expect(await viewCandidateDataDownload(deps(), downloadToken)).toEqual({ organizationName: "Acme", candidateName: "Ada Lovelace" });
    const data = await exportCandidateForCandidate(deps(), { token: downloadToken, ipAddress: "192.0.2.1" });
    const files = await archiveOf(data);
    const all = Object.values(files).join("\n");
    expect(files["files/solution.py"]).toContain("ADA_MARKER_7f3");
    expect(all).toContain("Solid work, ADA_MARKER_7f3");
    for (const internal of ["PRIVATE_NOTE", "Rita Reviewer", reviewerId, "INTERNAL_RETRY_NOTE", "203.0.113.9", owner.userId, "HIDDEN_TEST_SOURCE", "nonce-ADA", downloadToken])
      expect(all, internal).not.toContain(internal);
    expect(files["README.txt"]).toMatch(/Not included[\s\S]*reviewers' notes/);
    for (const secret of [...bob.ids, bob.email, bob.name, bob.marker]) expect(all, secret).not.toContain(secret);

    const trail = await db.prisma.auditLog.findMany({ where: { targetId: ada.candidateId, action: { in: ["candidate.export_requested", "candidate.exported"] }, actorUserId: null }, orderBy: { createdAt: "asc" } });
    expect(trail.map((entry) => [entry.action, (entry.metadata as { actor?: string }).actor])).toEqual([
      ["candidate.export_requested", "candidate"],
      ["candidate.exported", "candidate"],
    ]);
  });

  it("limits requests per candidate, with nothing mailed or audited when refused", async () => {
    const token = tokenOf(await candidateDataRequestUrl(deps(), { id: bob.candidateId, expiresAt: new Date(START) }));
    for (let i = 0; i < 3; i++) await requestCandidateDataExport(deps(), { token });
    const mails = await db.prisma.emailMessage.count({ where: { template: "candidate-data-download" } });
    const audits = await db.prisma.auditLog.count({ where: { action: "candidate.export_requested" } });
    const error = await requestCandidateDataExport(deps(), { token }).catch((e: unknown) => e);
    expect(refused(error)).toBe("TOO_MANY_REQUESTS");
    expect((error as Error).message).toMatch(/Try again in \d+ s/);
    expect(await db.prisma.emailMessage.count({ where: { template: "candidate-data-download" } })).toBe(mails);
    expect(await db.prisma.auditLog.count({ where: { action: "candidate.export_requested" } })).toBe(audits);
  });

  it("refuses a forged link, and a download link after a day", async () => {
    const token = tokenOf(await candidateDataRequestUrl(deps(), { id: ada.candidateId, expiresAt: new Date(START) }));
    expect(refused(await viewCandidateDataRequest(deps(), `${token.slice(0, -2)}xx`).catch((e: unknown) => e))).toBe("NOT_FOUND");
    await requestCandidateDataExport(deps(), { token });
    const mail = await db.prisma.emailMessage.findFirstOrThrow({ where: { template: "candidate-data-download", toAddress: ada.email }, orderBy: { createdAt: "desc" } });
    const download = tokenOf(/http:\/\/localhost:3000\/your-data\/download\/[^\s)"<]+/.exec(mail.text)![0]);
    const saved = now;
    now = new Date(saved.getTime() + 25 * 3_600_000);
    try {
      const error = await exportCandidateForCandidate(deps(), { token: download }).catch((e: unknown) => e);
      expect(refused(error)).toBe("PRECONDITION_FAILED");
      expect((error as Error).message).toMatch(/expired/);
    } finally {
      now = saved;
    }
  });
});
