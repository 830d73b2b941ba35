// The real web app (apps/web) as a process on a fresh, migrated PostgreSQL database, with
// interview sessions seeded straight into it — for the tests and the benchmark that need the
// real internal endpoints. PostgreSQL only: PGlite cannot be shared between this process
// (seeding, checking) and the server.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import pg from "pg";
import { freePort } from "./processes.ts";

const WEB_DIR = fileURLToPath(new URL("../../../apps/web", import.meta.url));
const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** TEST_DATABASE_URL or the local PostgreSQL, if it answers; null otherwise. */
export async function reachablePostgres(url = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return url;
  } catch {
    return null;
  }
}

export interface RealWebApp {
  url: string;
  databaseUrl: string;
  mode: "production" | "development";
  db: TestDatabase;
  /** A started interview: one question (its starter files, visible tests run by the room). */
  seedSession(options: { workspaceId: string | null; starterFiles?: { path: string; content: string }[]; visibleTests?: { path: string; content: string }[] }): Promise<string>;
  /** Stops the server process (the database stays); `start` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  output(): string;
  dispose(): Promise<void>;
}

export async function startRealWebApp(options: { adminUrl: string; roomSecret: string; sandboxUrl?: string; sandboxSecret?: string }): Promise<RealWebApp> {
  const previous = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = options.adminUrl;
  const db = await createTestDatabase().finally(() => {
    if (previous === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = previous;
  });
  const port = await freePort();
  // The production build is what is deployed; without one, the dev server serves the same routes.
  const forced = process.env.REAL_WEB_MODE;
  const mode = forced === "production" || forced === "development" ? forced : existsSync(path.join(WEB_DIR, "build", "server", "index.js")) ? "production" : "development";
  let child: ChildProcess | null = null;
  let output = "";
  const start = async () => {
    const started = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: WEB_DIR,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: mode,
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: db.url,
        APP_SECRET: "party-test-app-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        ROOM_TOKEN_SECRET: options.roomSecret,
        ...(options.sandboxUrl ? { SANDBOX_URL: options.sandboxUrl } : {}),
        SANDBOX_SERVICE_SECRET: options.sandboxSecret ?? "party-test-unused-sandbox-secret-0123456789abcdef",
        ENABLE_DEV_MAILBOX: "1",
        METRICS_TOKEN: "party-test-metrics-token-0123456789abcdefghijklmnop",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = started;
    started.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`web app did not start in 120 s:\n${output}`)), 120_000);
      const check = () => {
        if (!output.includes("InterviewLM is running at")) return;
        clearTimeout(timer);
        started.stdout?.off("data", check);
        started.off("exit", onExit);
        resolve();
      };
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`web app exited with ${code}:\n${output}`));
      };
      started.stdout?.on("data", check);
      started.once("exit", onExit);
    });
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (running.exitCode === null) running.kill("SIGKILL");
  };
  try {
    await start();
  } catch (error) {
    await stop();
    await db.close();
    throw error;
  }

  let organizationId: string | null = null;
  let seeded = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: db.url!,
    mode,
    db,
    async seedSession({ workspaceId, starterFiles = [], visibleTests = [] }) {
      const prisma = db.prisma;
      const n = ++seeded;
      organizationId ??= (await prisma.organization.create({ data: { name: "Party Test Org", slug: `party-test-${Date.now().toString(36)}` } })).id;
      const assessment = await prisma.assessment.create({
        data: { organizationId, title: `Room test ${n}`, role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL", testVisibility: "RESULTS_ONLY", aiAssistance: "OFF" },
      });
      const question = await prisma.question.create({
        data: {
          slug: `party-test-${Date.now().toString(36)}-${n}`,
          organizationId,
          source: "GENERATED",
          title: "Add two numbers",
          language: "python",
          difficulty: "EASY",
          topics: [],
          estimatedMinutes: 10,
          statement: "Implement `add(a, b)`.",
          starterFiles,
          visibleTests,
          hiddenTests: [],
          referenceSolution: [],
          contentHash: `party-test-${n}`,
        },
      });
      const candidate = await prisma.candidate.create({
        data: { organizationId, assessmentId: assessment.id, name: `Candidate ${n}`, email: `candidate-${n}@party.test`, inviteNonce: `nonce-${n}`, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      const session = await prisma.interviewSession.create({
        data: { organizationId, assessmentId: assessment.id, candidateId: candidate.id, status: "ACTIVE", language: "python", workspaceId, deadlineAt: new Date(Date.now() + 3_600_000) },
      });
      await prisma.sessionQuestion.create({ data: { sessionId: session.id, questionId: question.id, position: 0, difficulty: "EASY" } });
      return session.id;
    },
    stop,
    start,
    output: () => output,
    async dispose() {
      await stop();
      await db.close();
    },
  };
}
