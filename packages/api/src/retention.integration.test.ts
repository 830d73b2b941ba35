// Retention and erasure end to end against a real database (PGlite, or PostgreSQL with
// TEST_DATABASE_URL), the real local sandbox provider and a local server speaking the rooms'
// signed erase protocol (party/test/erasure.test.ts covers the room side): exactly the expired
// candidates are erased everywhere, the dashboard's figures do not move, a second run and two
// runs at once change nothing more, a failed store leaves the erasure pending until the job
// retries, and afterwards no row of any table holds the person (checked column by column).
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eraseCandidate, runRetention, runRetentionNow, type ErasureDeps } from "@interviewlm/core/data-protection/erase";
import { createRoomAdminClient, EraseRoomRequestSchema, verifyInternalRequest } from "@interviewlm/realtime";
import { LocalProvider } from "@interviewlm/sandbox";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";
import { BLANK_ASSESSMENT } from "./testing/fixtures.ts";

const ROOM_SECRET = "test-room-secret-0123456789abcdefghijklmnopqrstuvwxyz";
const DAY = 86_400_000;
const NOW = new Date(Date.UTC(2026, 5, 15, 12));

/** The rooms' erase endpoint: verifies the signature like the room does and holds each room's storage. */
class RoomsTestServer {
  readonly storage = new Map<string, Map<string, string>>();
  readonly erased = new Set<string>();
  failing = false;
  private readonly server = http.createServer((request, response) => void this.handle(request, response));
  url = "";

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const headers = new Headers(Object.entries(request.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const verified = await verifyInternalRequest(ROOM_SECRET, { method: request.method ?? "", path, body, headers });
    const match = /^\/parties\/main\/([^/]+)\/erase$/.exec(path);
    if (!verified.ok || !match) return void response.writeHead(401).end();
    // A 400 is not retried by the client: the erasure stays pending for the job.
    if (this.failing) return void response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "room unavailable" }));
    EraseRoomRequestSchema.parse(JSON.parse(body));
    const sessionId = decodeURIComponent(match[1]!);
    const keysDeleted = this.storage.get(sessionId)?.size ?? 0;
    this.storage.delete(sessionId);
    this.erased.add(sessionId);
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keysDeleted, keysRemaining: 0 }));
  }
}

let h: Harness;
let rooms: RoomsTestServer;
let provider: LocalProvider;
let sandboxDir: string;
let owner: TestUser;
let assessmentId: string;

beforeAll(async () => {
  sandboxDir = mkdtempSync(join(tmpdir(), "ilm-retention-test-"));
  provider = await LocalProvider.start({ dataDir: sandboxDir, allowWeakIsolation: process.env.SANDBOX_ALLOW_WEAK_ISOLATION === "1", logger: { info: () => undefined, warn: () => undefined } });
  rooms = new RoomsTestServer();
  await rooms.listen();
  h = await createHarness({
    roomTokenSecret: ROOM_SECRET,
    rooms: createRoomAdminClient({ baseUrl: rooms.url, secret: ROOM_SECRET }),
    sandbox: {
      createWorkspace: (r) => provider.createWorkspace(r),
      runTests: (id, r) => provider.runTests(id, r),
      checkCodeRuns: () => Promise.resolve({ ok: true, code: null, problem: null }),
      destroyWorkspace: (id) => provider.destroyWorkspace(id),
    },
  });
  owner = await h.signUpVerified({ name: "Olga", email: "olga@acme.test", organizationName: "Acme" });
  const api = await h.caller({ cookie: owner.cookie });
  await api.organization.update({ name: "Acme", dataRetentionDays: 30 });
  assessmentId = (await api.assessments.create(BLANK_ASSESSMENT)).id;
}, 120_000);

afterAll(async () => {
  await h?.close();
  await rooms?.close();
  await provider?.close();
  rmSync(sandboxDir, { recursive: true, force: true });
});

const erasureDeps = () => h.deps as ErasureDeps;

interface Person {
  candidateId: string;
  sessionId: string | null;
  workspaceId: string | null;
  name: string;
  email: string;
  /** Text only this person typed: in the recording, the workspace, the room and an evaluation. */
  marker: string;
}

/**
 * A candidate invited through the API (so the invitation email and audit entry are real) whose
 * story ended `endedDaysAgo` days before NOW; `interview` gives them a finished session with a
 * workspace (and a snapshot), a recording, keyframes, a dead letter, an evaluation and room storage.
 */
async function person(label: string, ended: { status: "EVALUATED" | "COMPLETED" | "EXPIRED" | "REVOKED" | "STARTED"; endedDaysAgo: number; interview: boolean }): Promise<Person> {
  const name = `${label} Quillfeather`;
  const email = `${label.toLowerCase()}.quill@candidates.test`;
  const marker = `typed-by-${label.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  h.setNow(new Date(NOW.getTime() - (ended.endedDaysAgo + 2) * DAY));
  const { id: candidateId } = await (await h.caller({ cookie: owner.cookie })).candidates.invite({ assessmentId, name, email });
  h.setNow(NOW);
  const endedAt = new Date(NOW.getTime() - ended.endedDaysAgo * DAY);
  const startedAt = new Date(endedAt.getTime() - 45 * 60_000);
  const interviewed = ended.interview && ended.status !== "EXPIRED" && ended.status !== "REVOKED";
  await h.db.prisma.candidate.update({
    where: { id: candidateId },
    data: {
      status: ended.status,
      ...(interviewed ? { openedAt: startedAt, startedAt } : {}),
      ...(ended.status === "COMPLETED" || ended.status === "EVALUATED" ? { completedAt: endedAt } : {}),
      ...(ended.status === "EVALUATED" ? { completedAt: new Date(endedAt.getTime() - 60_000), evaluatedAt: endedAt } : {}),
      ...(ended.status === "EXPIRED" ? { expiredAt: endedAt } : {}),
      ...(ended.status === "REVOKED" ? { revokedAt: endedAt } : {}),
    },
  });
  if (!interviewed) return { candidateId, sessionId: null, workspaceId: null, name, email, marker };

  const { id: workspaceId } = await provider.createWorkspace({ language: "python", files: [{ path: "solution.py", content: `# ${marker}\n` }] });
  await provider.snapshotWorkspace(workspaceId);
  const question = await h.db.prisma.question.create({
    data: { slug: `q-${randomUUID()}`, source: "CURATED", title: "Sum", language: "python", difficulty: "EASY", topics: [], estimatedMinutes: 20, statement: "Sum.", starterFiles: [], visibleTests: [], hiddenTests: [], referenceSolution: [], contentHash: "sum" },
  });
  const session = await h.db.prisma.interviewSession.create({
    data: {
      organizationId: owner.organizationId, assessmentId, candidateId, language: "python", workspaceId,
      status: ended.status === "STARTED" ? "ACTIVE" : "COMPLETED", startedAt, deadlineAt: new Date(startedAt.getTime() + 3_600_000),
      ...(ended.status === "STARTED" ? {} : { completedAt: endedAt }),
    },
  });
  await h.db.prisma.sessionQuestion.create({
    data: { sessionId: session.id, questionId: question.id, position: 0, difficulty: "EASY", startedAt, completedAt: endedAt, hiddenTestResult: { ok: true, status: "failed", totals: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0 }, tests: [{ name: "test_sum", message: `AssertionError near ${marker}` }] } },
  });
  const at = (minutes: number) => new Date(startedAt.getTime() + minutes * 60_000);
  await h.db.prisma.recordingEvent.createMany({
    data: [
      { sessionId: session.id, seq: 1, at: at(1), type: "yjs.update", actor: `candidate:${candidateId}`, payload: { update: Buffer.from(marker).toString("base64"), text: marker } },
      { sessionId: session.id, seq: 2, at: at(2), type: "terminal.input", actor: `candidate:${candidateId}`, payload: { data: `echo ${marker}` } },
      { sessionId: session.id, seq: 3, at: at(3), type: "note.added", actor: `reviewer:${owner.userId}`, payload: { text: `${name} did well` } },
      // Within NOW's month, so the dashboard's AI figure counts it.
      { sessionId: session.id, seq: 4, at: new Date(NOW.getTime() - DAY), type: "agent.usage", actor: "agent", payload: { turnId: "t1", model: "claude-sonnet-5-5", inputTokens: 1000, outputTokens: 200, cacheCreationInputTokens: 0, cacheReadInputTokens: 0, costMicroUsd: 4000 } },
    ],
  });
  await h.db.prisma.replayKeyframe.create({ data: { sessionId: session.id, seq: 2, at: at(2), doc: Buffer.from(marker), terminal: Buffer.from(marker, "utf16le"), state: { note: marker } } });
  await h.db.prisma.recordingDeadLetter.create({ data: { sessionId: session.id, firstSeq: 5, lastSeq: 5, eventCount: 1, status: 400, reason: "bad", body: Buffer.from(marker), bodyBytes: marker.length } });
  await h.db.prisma.evaluation.create({ data: { organizationId: owner.organizationId, sessionId: session.id, version: "m1+j1", status: "DONE", rubric: { evidence: `quoted ${marker}` } } });
  await h.db.prisma.hiringDecision.create({ data: { organizationId: owner.organizationId, candidateId, sessionId: session.id, outcome: "HOLD", reason: `Hold ${name}: ${marker}`, decidedById: owner.userId, decidedByName: "Owner" } });
  await h.db.prisma.reportShare.create({ data: { organizationId: owner.organizationId, sessionId: session.id, createdById: owner.userId, expiresAt: new Date(NOW.getTime() + 30 * DAY) } });
  rooms.storage.set(session.id, new Map([["doc", marker], ["recording:000000000001", marker]]));
  return { candidateId, sessionId: session.id, workspaceId, name, email, marker };
}

/** Every column of every table in which `needle` occurs (text, JSON, arrays, and bytes as UTF-8 / UTF-16LE). */
async function columnsHolding(needle: string): Promise<string[]> {
  const columns = await h.db.prisma.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>`
    SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations' ORDER BY table_name, column_name`;
  expect(columns.length).toBeGreaterThan(50);
  const hits: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const rows =
      type === "bytea"
        ? await h.db.prisma.$queryRawUnsafe<{ n: number }[]>(
            `SELECT COUNT(*)::int AS n FROM "${table}" WHERE position(convert_to($1, 'UTF8') IN "${column}") > 0 OR position($2::bytea IN "${column}") > 0`,
            needle,
            Buffer.from(needle, "utf16le"),
          )
        : await h.db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*)::int AS n FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`, needle);
    if (Number(rows[0]!.n) > 0) hits.push(`${table}.${column}`);
  }
  return hits;
}

/** Files under the sandbox's data directory (workspaces and snapshots) that contain `needle`. */
function sandboxFilesHolding(needle: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile() && stat.size < 5_000_000 && readFileSync(full).includes(needle)) found.push(full);
    }
  };
  walk(sandboxDir);
  return found;
}

const workspaceExists = (workspaceId: string) => provider.getWorkspace(workspaceId).then(() => true, () => false);

async function dashboard() {
  return (await h.caller({ cookie: owner.cookie })).dashboard.summary();
}

describe("the retention job", { timeout: 120_000 }, () => {
  let expiredEvaluated: Person;
  let expiredInvitation: Person;
  let recentCompleted: Person;
  let inProgress: Person;

  beforeAll(async () => {
    expiredEvaluated = await person("Evie", { status: "EVALUATED", endedDaysAgo: 40, interview: true });
    expiredInvitation = await person("Xavi", { status: "EXPIRED", endedDaysAgo: 31, interview: false });
    recentCompleted = await person("Rita", { status: "COMPLETED", endedDaysAgo: 29, interview: true });
    inProgress = await person("Ines", { status: "STARTED", endedDaysAgo: 90, interview: true });
  }, 120_000);

  it("dry run lists exactly the expired candidates and changes nothing", async () => {
    h.setNow(NOW);
    const preview = await (await h.caller({ cookie: owner.cookie })).erasure.retentionPreview({});
    expect(preview.retentionDays).toBe(30);
    expect(preview.total).toBe(2);
    expect(preview.candidates.map((c) => c.email)).toEqual([expiredEvaluated.email, expiredInvitation.email]);
    expect(await h.db.prisma.candidate.count({ where: { organizationId: owner.organizationId, erasureRequestedAt: { not: null } } })).toBe(0);
    expect(await h.db.prisma.auditLog.count({ where: { organizationId: owner.organizationId, action: "retention.dry_run" } })).toBe(1);
  });

  it("erases exactly the expired ones everywhere, keeps the dashboard's figures, and is safe to run twice at once", async () => {
    h.setNow(NOW);
    const before = await dashboard();
    const [first, second] = await Promise.all([runRetention(erasureDeps()), runRetention(erasureDeps())]);
    expect(first.requested + second.requested).toBe(2);
    expect(first.erased + second.erased).toBe(2);
    expect(first.pending + second.pending).toBe(0);

    expect(await dashboard()).toEqual(before);

    for (const gone of [expiredEvaluated, expiredInvitation]) {
      const row = await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: gone.candidateId } });
      expect(row).toMatchObject({ name: "Erased candidate", erasedAt: NOW, erasureError: null });
      expect(row.email).not.toContain(gone.email);
      expect(await h.db.prisma.auditLog.count({ where: { targetId: gone.candidateId, action: "candidate.erased" } })).toBe(1);
      for (const needle of [gone.email, gone.name, gone.marker]) expect(await columnsHolding(needle)).toEqual([]);
      expect(sandboxFilesHolding(gone.marker)).toEqual([]);
    }
    // The pseudonymous id stays only on the tombstone and what points at it (session row, audit trail).
    expect(await columnsHolding(expiredEvaluated.candidateId)).toEqual(["AuditLog.targetId", "Candidate.email", "Candidate.id", "InterviewSession.candidateId"]);
    expect(await h.db.prisma.reportShare.count({ where: { sessionId: expiredEvaluated.sessionId! } })).toBe(0);
    expect(await h.db.prisma.hiringDecision.count({ where: { candidateId: expiredEvaluated.candidateId } })).toBe(0);
    expect(await workspaceExists(expiredEvaluated.workspaceId!)).toBe(false);
    expect(rooms.erased.has(expiredEvaluated.sessionId!)).toBe(true);
    expect(rooms.storage.has(expiredEvaluated.sessionId!)).toBe(false);
    // What the tombstone keeps: counts for aggregates, no content.
    expect(await h.db.prisma.recordingEvent.findMany({ where: { sessionId: expiredEvaluated.sessionId! }, select: { type: true } })).toEqual([{ type: "agent.usage" }]);
    expect((await h.db.prisma.sessionQuestion.findFirstOrThrow({ where: { sessionId: expiredEvaluated.sessionId! } })).hiddenTestResult).toEqual({ status: "failed", totals: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0 } });

    // Untouched: within the retention period, and an interview still running.
    for (const kept of [recentCompleted, inProgress]) {
      const row = await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: kept.candidateId } });
      expect([row.name, row.email, row.erasureRequestedAt]).toEqual([kept.name, kept.email, null]);
      expect(await workspaceExists(kept.workspaceId!)).toBe(true);
      expect(rooms.storage.get(kept.sessionId!)?.get("doc")).toBe(kept.marker);
      expect(await h.db.prisma.recordingEvent.count({ where: { sessionId: kept.sessionId! } })).toBe(4);
      expect(await h.db.prisma.reportShare.count({ where: { sessionId: kept.sessionId! } })).toBe(1);
      expect(sandboxFilesHolding(kept.marker).length).toBeGreaterThan(0);
    }

    const runs = await h.db.prisma.auditLog.findMany({ where: { organizationId: owner.organizationId, action: "retention.run" }, select: { metadata: true } });
    const summed = runs.reduce((sum, r) => sum + ((r.metadata as { erased: number }).erased ?? 0), 0);
    expect(summed).toBe(2);
  });

  it("a further run finds nothing and changes nothing", async () => {
    h.setNow(NOW);
    const before = await dashboard();
    const auditCount = await h.db.prisma.auditLog.count();
    expect(await runRetention(erasureDeps())).toEqual({ requested: 0, erased: 0, pending: 0 });
    expect(await h.db.prisma.auditLog.count()).toBe(auditCount);
    expect(await dashboard()).toEqual(before);
  });

  it("erases the next candidate once they pass the retention period", async () => {
    h.setNow(new Date(NOW.getTime() + 2 * DAY));
    expect(await runRetention(erasureDeps())).toEqual({ requested: 1, erased: 1, pending: 0 });
    expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: recentCompleted.candidateId } })).erasedAt).not.toBeNull();
    expect(await workspaceExists(recentCompleted.workspaceId!)).toBe(false);
    expect(await workspaceExists(inProgress.workspaceId!)).toBe(true);
    h.setNow(NOW);
  });
});

describe("erasing one candidate on request", { timeout: 120_000 }, () => {
  it("is refused for a member, and for an open invitation or a running interview, changing nothing", async () => {
    const open = await person("Opal", { status: "COMPLETED", endedDaysAgo: 1, interview: false });
    await h.db.prisma.candidate.update({ where: { id: open.candidateId }, data: { status: "INVITED", completedAt: null } });
    const running = await person("Rory", { status: "STARTED", endedDaysAgo: 0, interview: true });
    const api = await h.caller({ cookie: owner.cookie });
    for (const target of [open, running]) {
      const error = await api.erasure.candidate({ candidateId: target.candidateId }).then(() => null, (e: unknown) => e);
      expect((error as TRPCError).code).toBe("PRECONDITION_FAILED");
      expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: target.candidateId } })).erasureRequestedAt).toBeNull();
    }
    const member = { userId: owner.userId, organizationId: owner.organizationId, role: "MEMBER" as const };
    await expect(eraseCandidate(erasureDeps(), member, { candidateId: running.candidateId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("stays pending while the room cannot be reached, keeps the person's data, and the job finishes it later", async () => {
    h.setNow(NOW);
    const target = await person("Pia", { status: "COMPLETED", endedDaysAgo: 1, interview: true });
    const before = await dashboard();
    rooms.failing = true;
    try {
      const outcome = await (await h.caller({ cookie: owner.cookie })).erasure.candidate({ candidateId: target.candidateId });
      expect(outcome.status).toBe("pending");
      const row = await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: target.candidateId } });
      expect([row.name, row.erasedAt]).toEqual([target.name, null]);
      expect(row.erasureError).toContain(`room ${target.sessionId}`);
      // Not due yet: the job leaves it until its next attempt.
      expect(await runRetention(erasureDeps())).toEqual({ requested: 0, erased: 0, pending: 0 });
    } finally {
      rooms.failing = false;
    }
    h.setNow(new Date(NOW.getTime() + 10 * 60_000));
    expect(await runRetention(erasureDeps())).toEqual({ requested: 0, erased: 1, pending: 0 });
    h.setNow(NOW);
    for (const needle of [target.email, target.name, target.marker]) expect(await columnsHolding(needle)).toEqual([]);
    expect(await workspaceExists(target.workspaceId!)).toBe(false);
    expect(await dashboard()).toEqual(before);

    // Erasing again is a no-op that says it is done; the tombstone cannot be re-invited or emailed.
    const api = await h.caller({ cookie: owner.cookie });
    expect(await api.erasure.candidate({ candidateId: target.candidateId })).toEqual({ status: "erased" });
    const resent = await api.candidates.resend({ candidateId: target.candidateId }).then(() => null, (e: unknown) => e);
    expect((resent as TRPCError).code).toBe("PRECONDITION_FAILED");
    expect((await api.candidates.get({ candidateId: target.candidateId })).can).toEqual({ resend: false, remind: false, revoke: false, erase: false });
    // Nothing left to replay or evaluate, and no new evaluation can be made of the tombstone.
    expect(await api.replay.forCandidate({ candidateId: target.candidateId })).toBeNull();
    for (const call of [() => api.replay.summary({ sessionId: target.sessionId! }), () => api.evaluations.forSession({ sessionId: target.sessionId! }), () => api.evaluations.rerun({ sessionId: target.sessionId! })]) {
      expect(((await call().then(() => null, (e: unknown) => e)) as TRPCError).code).toBe("NOT_FOUND");
    }
    const actions = (await h.db.prisma.auditLog.findMany({ where: { targetId: target.candidateId }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true } })).map((a) => a.action);
    expect(actions).toEqual(["candidate.invited", "candidate.erasure_requested", "candidate.erased"]);
  });
});

describe("\"Erase now\" on the dry run", { timeout: 120_000 }, () => {
  it("runs the job's pass for the caller's organisation at once, reports the counts and is audited as a run by the member", async () => {
    h.setNow(NOW);
    const target = await person("Nell", { status: "EVALUATED", endedDaysAgo: 45, interview: true });
    const api = await h.caller({ cookie: owner.cookie });
    expect((await api.erasure.retentionPreview({})).candidates.map((c) => c.id)).toEqual([target.candidateId]);
    expect(await api.erasure.runRetention()).toEqual({ requested: 1, erased: 1, pending: 0 });
    for (const needle of [target.email, target.name, target.marker]) expect(await columnsHolding(needle)).toEqual([]);
    expect(await workspaceExists(target.workspaceId!)).toBe(false);
    const run = await h.db.prisma.auditLog.findFirstOrThrow({ where: { organizationId: owner.organizationId, action: "retention.run" }, orderBy: { createdAt: "desc" } });
    expect(run).toMatchObject({ actorUserId: owner.userId, metadata: { requested: 1, erased: 1, pending: 0, trigger: "manual" } });
    expect((await h.db.prisma.auditLog.findFirstOrThrow({ where: { targetId: target.candidateId, action: "candidate.erased" } })).actorUserId).toBe(owner.userId);

    // Nothing left: the run says so, and the press is still on record.
    expect(await api.erasure.runRetention()).toEqual({ requested: 0, erased: 0, pending: 0 });
    expect(await h.db.prisma.auditLog.count({ where: { organizationId: owner.organizationId, action: "retention.run", actorUserId: owner.userId } })).toBe(2);
    const member = { userId: owner.userId, organizationId: owner.organizationId, role: "MEMBER" as const };
    await expect(runRetentionNow(erasureDeps(), member)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("erasure asked for by the candidate", { timeout: 120_000 }, () => {
  /** The "Your data" link from the candidate's invitation email. */
  const dataRequestToken = async (email: string) => decodeURIComponent((await h.linkFromLatestEmail(email, "/your-data/t1.")).split("/your-data/")[1]!);
  const confirmToken = async (email: string) => decodeURIComponent((await h.linkFromLatestEmail(email, "/your-data/erase/")).split("/your-data/erase/")[1]!);
  const codeOf = async (call: Promise<unknown>) => ((await call.then(() => null, (e: unknown) => e)) as TRPCError | null)?.code;

  it("is refused with a clear sentence while the invitation is open or the interview runs, sending nothing", async () => {
    h.setNow(NOW);
    const open = await person("Orla", { status: "COMPLETED", endedDaysAgo: 1, interview: false });
    await h.db.prisma.candidate.update({ where: { id: open.candidateId }, data: { status: "OPENED", completedAt: null } });
    const running = await person("Ravi", { status: "STARTED", endedDaysAgo: 0, interview: true });
    const api = await h.caller({ ipAddress: "10.9.0.1" });
    for (const [target, sentence] of [[open, /invitation from Acme is still open.*ask Acme to withdraw it/], [running, /interview with Acme is still in progress\. Finish it/]] as const) {
      const token = await dataRequestToken(target.email);
      expect((await api.erasure.requestView({ token })).refusal).toMatch(sentence);
      const error = await api.erasure.request({ token }).then(() => null, (e: unknown) => e);
      expect((error as TRPCError).code).toBe("PRECONDITION_FAILED");
      expect((error as TRPCError).message).toMatch(sentence);
      expect(await h.db.prisma.emailMessage.count({ where: { toAddress: target.email, template: "candidate-erasure-confirm" } })).toBe(0);
      expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: target.candidateId } })).erasureRequestedAt).toBeNull();
    }
  });

  it("mails a confirmation link to the invited address; confirming erases everywhere, audited with the candidate as actor", async () => {
    h.setNow(NOW);
    const target = await person("Cleo", { status: "COMPLETED", endedDaysAgo: 1, interview: true });
    const before = await dashboard();
    const api = await h.caller({ ipAddress: "10.9.0.2" });
    const token = await dataRequestToken(target.email);
    const view = await api.erasure.requestView({ token });
    expect(view).toMatchObject({ organizationName: "Acme", candidateName: target.name, refusal: null, inProgress: false });
    expect(view.removes).toContain("the recording of the interview (editor, terminal and AI assistant)");

    // The "Your data" link alone erases nothing: it only mails the confirmation link.
    expect(await api.erasure.request({ token })).toEqual({ sentTo: "c••••••@candidates.test", expiresInHours: 24 });
    expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: target.candidateId } })).erasureRequestedAt).toBeNull();
    const confirm = await confirmToken(target.email);
    // Not interchangeable with the other links of the candidate.
    expect(await codeOf(api.erasure.confirm({ token }))).toBe("NOT_FOUND");
    expect(await codeOf(api.dataExport.download({ token: confirm }))).toBe("NOT_FOUND");
    expect(await api.erasure.confirmView({ token: confirm })).toMatchObject({ candidateName: target.name, refusal: null });

    expect(await api.erasure.confirm({ token: confirm })).toEqual({ status: "erased" });
    for (const needle of [target.email, target.name, target.marker]) expect(await columnsHolding(needle)).toEqual([]);
    expect(sandboxFilesHolding(target.marker)).toEqual([]);
    expect(await workspaceExists(target.workspaceId!)).toBe(false);
    expect(rooms.storage.has(target.sessionId!)).toBe(false);
    expect(await dashboard()).toEqual(before);
    const trail = await h.db.prisma.auditLog.findMany({ where: { targetId: target.candidateId }, orderBy: { createdAt: "asc" }, select: { action: true, actorUserId: true, metadata: true, ipAddress: true } });
    expect(trail.map((a) => a.action)).toEqual(["candidate.invited", "candidate.erasure_requested", "candidate.erased"]);
    expect(trail[1]).toMatchObject({ actorUserId: null, metadata: { actor: "candidate" }, ipAddress: "10.9.0.2" });
    // The organisation sees it in its audit log.
    const log = await (await h.caller({ cookie: owner.cookie })).audit.list({});
    expect(log.items.some((item) => item.action === "candidate.erasure_requested" && item.actor === null && item.target?.includes(target.candidateId))).toBe(true);

    // Afterwards every link names no one.
    expect(await codeOf(api.erasure.requestView({ token }))).toBe("NOT_FOUND");
    expect(await codeOf(api.erasure.confirm({ token: confirm }))).toBe("NOT_FOUND");
    expect(await codeOf(api.dataExport.requestView({ token }))).toBe("NOT_FOUND");
  });

  it("is rate-limited, and the confirmation link expires after a day", async () => {
    h.setNow(NOW);
    const target = await person("Rhea", { status: "EXPIRED", endedDaysAgo: 1, interview: false });
    const api = await h.caller({ ipAddress: "10.9.0.3" });
    const token = await dataRequestToken(target.email);
    for (let i = 0; i < 3; i++) await api.erasure.request({ token });
    expect(await codeOf(api.erasure.request({ token }))).toBe("TOO_MANY_REQUESTS");
    expect(await h.db.prisma.emailMessage.count({ where: { toAddress: target.email, template: "candidate-erasure-confirm" } })).toBe(3);
    const confirm = await confirmToken(target.email);
    h.setNow(new Date(NOW.getTime() + 25 * 3_600_000));
    try {
      expect(await codeOf(api.erasure.confirmView({ token: confirm }))).toBe("PRECONDITION_FAILED");
      expect(await codeOf(api.erasure.confirm({ token: confirm }))).toBe("PRECONDITION_FAILED");
    } finally {
      h.setNow(NOW);
    }
    expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: target.candidateId } })).erasureRequestedAt).toBeNull();
  });
});

describe("deleting the organisation", { timeout: 120_000 }, () => {
  it("needs the owner and the exact name, then removes everything including the sandbox and the rooms", async () => {
    h.setNow(NOW);
    const doomed = await h.signUpVerified({ name: "Dora", email: "dora@doomed.test", organizationName: "Doomed Ltd" });
    const api = await h.caller({ cookie: doomed.cookie });
    const assessment = await api.assessments.create(BLANK_ASSESSMENT);
    const { id: candidateId } = await api.candidates.invite({ assessmentId: assessment.id, name: "Dee Doomed", email: "dee@candidates.test" });
    const { id: workspaceId } = await provider.createWorkspace({ language: "python", files: [{ path: "solution.py", content: "# doomed-marker-4711\n" }] });
    const session = await h.db.prisma.interviewSession.create({
      data: { organizationId: doomed.organizationId, assessmentId: assessment.id, candidateId, language: "python", workspaceId, status: "COMPLETED", deadlineAt: NOW },
    });
    rooms.storage.set(session.id, new Map([["doc", "doomed-marker-4711"]]));

    const wrong = await api.erasure.deleteOrganization({ confirmName: "Doomed" }).then(() => null, (e: unknown) => e);
    expect((wrong as TRPCError).code).toBe("BAD_REQUEST");
    await h.db.prisma.interviewSession.update({ where: { id: session.id }, data: { status: "ACTIVE" } });
    const whileRunning = await api.erasure.deleteOrganization({ confirmName: "Doomed Ltd" }).then(() => null, (e: unknown) => e);
    expect((whileRunning as TRPCError).code).toBe("PRECONDITION_FAILED");
    await h.db.prisma.interviewSession.update({ where: { id: session.id }, data: { status: "COMPLETED" } });
    expect(await h.db.prisma.organization.count({ where: { id: doomed.organizationId } })).toBe(1);
    expect(await workspaceExists(workspaceId)).toBe(true);
    expect(rooms.erased.has(session.id)).toBe(false);

    // It bought credits while billing was on; this installation has billing off now, so Stripe
    // cannot be asked to forget the customer: the deletion goes on and the record names it.
    await h.db.prisma.creditAccount.upsert({ where: { organizationId: doomed.organizationId }, create: { organizationId: doomed.organizationId, stripeCustomerId: "cus_from_before" }, update: { stripeCustomerId: "cus_from_before" } });

    expect(await api.erasure.deleteOrganization({ confirmName: "Doomed Ltd" })).toEqual({ deleted: true, sessionsErased: 1 });
    expect(await h.db.prisma.organization.count({ where: { id: doomed.organizationId } })).toBe(0);
    expect(await workspaceExists(workspaceId)).toBe(false);
    expect(rooms.erased.has(session.id)).toBe(true);
    for (const needle of ["dee@candidates.test", "Dee Doomed", "doomed-marker-4711"]) expect(await columnsHolding(needle)).toEqual([]);
    // Only the record of the deletion itself names the organisation's id.
    expect(await columnsHolding(doomed.organizationId)).toEqual(["AuditLog.targetId"]);
    expect(await h.db.prisma.auditLog.findFirst({ where: { targetId: doomed.organizationId }, select: { action: true, organizationId: true, actorUserId: true, metadata: true } })).toEqual({
      action: "organization.deleted",
      organizationId: null,
      actorUserId: doomed.userId,
      metadata: { sessionsErased: 1, stripeCustomer: "kept_billing_off", stripeCustomerId: "cus_from_before" },
    });
    // Acme is untouched.
    expect(await h.db.prisma.organization.count({ where: { id: owner.organizationId } })).toBe(1);
  });
});
