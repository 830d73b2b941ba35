// The real web app (apps/web) on a fresh, migrated PostgreSQL database, with two interview
// sessions to record into — enough for its ingest endpoint and a COPY baseline side by side.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@interviewlm/db/testing";
import { freePort } from "@interviewlm/party/testing";

const WEB_DIR = fileURLToPath(new URL("../../apps/web", import.meta.url));

export interface WebAppUnderTest {
  url: string;
  databaseUrl: string;
  mode: "production" | "development";
  sessionIds: [string, string];
  stop(): Promise<void>;
}

async function seedSessions(db: TestDatabase): Promise<[string, string]> {
  const prisma = db.prisma;
  const organization = await prisma.organization.create({ data: { name: "Bench Org", slug: `bench-${Date.now().toString(36)}` } });
  const assessment = await prisma.assessment.create({
    data: { organizationId: organization.id, title: "Bench", role: "Engineer", seniority: "MID", languages: ["python"], durationMinutes: 60, questionCount: 1, questionSelection: "MANUAL" },
  });
  const ids: string[] = [];
  for (const name of ["ingest", "copy"]) {
    const candidate = await prisma.candidate.create({
      data: { organizationId: organization.id, assessmentId: assessment.id, name, email: `${name}@bench.test`, inviteNonce: name, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const session = await prisma.interviewSession.create({
      data: { organizationId: organization.id, assessmentId: assessment.id, candidateId: candidate.id, status: "ACTIVE", language: "python", deadlineAt: new Date(Date.now() + 3_600_000) },
    });
    ids.push(session.id);
  }
  return ids as [string, string];
}

export async function startWebApp(adminUrl: string, roomSecret: string): Promise<WebAppUnderTest> {
  process.env.TEST_DATABASE_URL = adminUrl;
  const db = await createTestDatabase();
  const sessionIds = await seedSessions(db);
  const port = await freePort();
  // The production build is what is deployed; without one, the dev server serves the same routes.
  const mode = existsSync(path.join(WEB_DIR, "build", "server", "index.js")) ? "production" : "development";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    cwd: WEB_DIR,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: mode,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: db.url,
      APP_SECRET: "bench-app-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      ROOM_TOKEN_SECRET: roomSecret,
      SANDBOX_SERVICE_SECRET: "bench-sandbox-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      ENABLE_DEV_MAILBOX: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web app did not start in 90 s:\n${output}`)), 90_000);
    const check = () => {
      if (!output.includes("InterviewLM is running at")) return;
      clearTimeout(timer);
      resolve();
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`web app exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: db.url!,
    mode,
    sessionIds,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await db.close();
    },
  };
}
