// Starting an interview from the invite link, against a real local sandbox.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStripeClient } from "@interviewlm/core/billing";
import { loadQuestionBank, seedQuestionBank } from "@interviewlm/core/questions";
import { checkCodeRuns, LocalProvider } from "@interviewlm/sandbox";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, type TestUser } from "./testing/index.ts";

let h: Harness;
let provider: LocalProvider;
let dataDir: string;
let recruiter: TestUser;
let sandboxFailures = 0;
/** While set, the sandbox answers the code check as a host that cannot run code does. */
let codeCannotRun = false;
let codeChecks = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "ilm-interview-test-"));
  provider = await LocalProvider.start({
    dataDir,
    allowWeakIsolation: process.env.SANDBOX_ALLOW_WEAK_ISOLATION === "1",
    logger: { info: () => undefined, warn: () => undefined },
  });
  h = await createHarness({
    sandbox: {
      // The real provider, with a switch to make the next creations fail like an outage.
      createWorkspace: async (request) => {
        if (sandboxFailures > 0) {
          sandboxFailures--;
          throw new Error("sandbox service unreachable");
        }
        return provider.createWorkspace(request);
      },
      runTests: (workspaceId, request) => provider.runTests(workspaceId, request),
      checkCodeRuns: async ({ language }) => {
        codeChecks++;
        if (codeCannotRun) return { ok: false, code: "ISOLATION_UNAVAILABLE", problem: "bwrap is missing" };
        return checkCodeRuns(provider, language);
      },
    },
  });
  await seedQuestionBank(h.db.prisma, loadQuestionBank());
  recruiter = await h.signUpVerified({ name: "Rita", email: "rita@acme.test", organizationName: "Acme" });
}, 120_000);

afterAll(async () => {
  await h?.close();
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function invite(email: string, template = "backend-python-mid") {
  const api = await h.caller({ cookie: recruiter.cookie });
  const assessment = await api.assessments.createFromTemplate({ templateKey: template });
  await api.candidates.invite({ assessmentId: assessment.id, name: email.split("@")[0]!, email });
  const link = await h.linkFromLatestEmail(email, "/i/");
  return decodeURIComponent(link.split("/i/")[1]!);
}

async function codeOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  return error instanceof TRPCError ? error.code : String(error);
}

// Each start runs real code in the sandbox (the code check) and creates a workspace: seconds,
// not milliseconds, on a busy two-core machine.
describe("starting an interview", { timeout: 60_000 }, () => {
  it("creates the session and a workspace holding the first question's starter files", async () => {
    const token = await invite("ada@cand.test");
    const api = await h.caller({ origin: null });
    const before = await api.interview.state({ token });
    expect(before.status).toBe("NOT_STARTED");

    const started = await (await h.caller()).interview.start({ token });
    expect(started.status).toBe("ACTIVE");
    const session = await h.db.prisma.interviewSession.findUniqueOrThrow({
      where: { id: started.sessionId },
      include: { questions: { include: { question: true } }, candidate: true, assessment: true },
    });
    expect(session.status).toBe("ACTIVE");
    expect(session.candidate.status).toBe("STARTED");
    expect(session.language).toBe("python");
    expect(session.deadlineAt.getTime() - session.startedAt.getTime()).toBe(session.assessment.durationMinutes * 60_000);

    const files = (await provider.listFiles(session.workspaceId!)).filter((f) => f.type === "file").map((f) => f.path).sort();
    const question = session.questions[0]!.question;
    const starter = (question.starterFiles as { path: string }[]).map((f) => f.path);
    for (const path of starter) expect(files).toContain(path);
    // Hidden tests and the reference solution never reach the workspace.
    for (const hidden of question.hiddenTests as { path: string }[]) expect(files).not.toContain(hidden.path);

    const state = await api.interview.state({ token });
    expect(state).toMatchObject({ status: "ACTIVE", sessionId: started.sessionId, language: "python" });
    expect(state.currentQuestion?.title).toBe(question.title);
    expect(JSON.stringify(state)).not.toContain("hiddenTests");
    expect(state.remainingMs).toBeGreaterThan(0);
  });

  it("is idempotent: starting again resumes the same session", async () => {
    const token = await invite("bob@cand.test");
    const first = await (await h.caller()).interview.start({ token });
    const second = await (await h.caller()).interview.start({ token });
    expect(second.sessionId).toBe(first.sessionId);
    expect(await h.db.prisma.interviewSession.count({ where: { candidate: { email: "bob@cand.test" } } })).toBe(1);
  });

  it("with billing on, starting consumes the invitation's reserved credit once, caused by the session", async () => {
    // Billing on for this test only; nothing here calls Stripe (the client points at a closed port).
    h.deps.billing = { stripe: createStripeClient("sk_test_interview", "http://127.0.0.1:9"), webhookSecret: "whsec_interview" };
    try {
      const token = await invite("cara@cand.test");
      const candidate = await h.db.prisma.candidate.findFirstOrThrow({ where: { email: "cara@cand.test" }, select: { id: true, creditReservationId: true } });
      expect(candidate.creditReservationId).not.toBeNull();
      const first = await (await h.caller()).interview.start({ token });
      await (await h.caller()).interview.start({ token });
      const entries = await h.db.prisma.creditLedgerEntry.findMany({ where: { candidateId: candidate.id }, orderBy: { createdAt: "asc" }, select: { kind: true, causeType: true, causeId: true } });
      expect(entries).toEqual([
        { kind: "RESERVE", causeType: "INVITATION", causeId: candidate.id },
        { kind: "CONSUME", causeType: "SESSION", causeId: first.sessionId },
      ]);
      expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).creditReservationId).toBeNull();
    } finally {
      delete h.deps.billing;
    }
  });

  it("records a sandbox outage as a failed start that the candidate can retry", async () => {
    const token = await invite("cleo@cand.test");
    sandboxFailures = 1;
    expect(await codeOf((await h.caller()).interview.start({ token }))).toBe("SERVICE_UNAVAILABLE");
    expect((await (await h.caller()).interview.state({ token })).status).toBe("FAILED");
    const retried = await (await h.caller()).interview.start({ token });
    expect(retried.status).toBe("ACTIVE");
  });

  it("refuses to start when code cannot run: no session, no clock, the candidate can start later", async () => {
    const token = await invite("cody@cand.test");
    const candidate = await h.db.prisma.candidate.findFirstOrThrow({ where: { email: "cody@cand.test" } });
    await (await h.caller()).portal.view({ token });
    codeCannotRun = true;
    try {
      const refused = await (await h.caller()).interview.start({ token }).then(() => null, (e: unknown) => e as TRPCError);
      expect(refused?.code).toBe("SERVICE_UNAVAILABLE");
      expect(refused?.message).toMatch(/Code cannot run .* Nothing has started and no time is counting\. .*tell Acme/);
      expect(await h.db.prisma.interviewSession.count({ where: { candidateId: candidate.id } })).toBe(0);
      expect((await h.db.prisma.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).status).toBe("OPENED");
      expect((await (await h.caller()).interview.state({ token })).status).toBe("NOT_STARTED");
    } finally {
      codeCannotRun = false;
    }
    expect((await (await h.caller()).interview.start({ token })).status).toBe("ACTIVE");
  });

  it("runs the sandbox in the portal's system check, and says what to do when it cannot", async () => {
    const token = await invite("sia@cand.test");
    const api = await h.caller();
    expect(await api.portal.codeCheck({ token })).toMatchObject({ ok: true, detail: expect.stringMatching(/^Python code ran in your sandbox/) });
    codeCannotRun = true;
    try {
      expect(await api.portal.codeCheck({ token })).toEqual({ ok: false, detail: expect.stringContaining("Code cannot run in the interview sandbox right now") });
    } finally {
      codeCannotRun = false;
    }
    // A link that is not valid runs nothing.
    const before = codeChecks;
    expect(await codeOf(api.portal.codeCheck({ token: `${token.slice(0, -3)}xyz` }))).not.toBe("OK");
    expect(codeChecks).toBe(before);
  });

  it("refuses tampered, revoked and unknown links and changes nothing", async () => {
    const token = await invite("dan@cand.test");
    const [payload, signature] = token.split(".");
    const tampered = `${payload}.${signature!.slice(0, -2)}xx`;
    expect(await codeOf((await h.caller()).interview.start({ token: tampered }))).not.toBe("OK");
    const candidate = await h.db.prisma.candidate.findFirstOrThrow({ where: { email: "dan@cand.test" } });
    await (await h.caller({ cookie: recruiter.cookie })).candidates.revoke({ candidateId: candidate.id });
    expect(await codeOf((await h.caller()).interview.start({ token }))).not.toBe("OK");
    expect(await h.db.prisma.interviewSession.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it("says plainly when the sandbox service is not configured", async () => {
    const token = await invite("eve@cand.test");
    const bare = await createHarness();
    try {
      // Same database is not needed: the check happens before anything is read.
      expect(await codeOf((await bare.caller()).interview.start({ token }))).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await bare.close();
    }
  });
});
