// Starts the real web server (production build, real HTTP) as a child process, on a
// free port with its own PGlite directory, for one end-to-end test file.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmptyPostgresDatabase } from "@interviewlm/db/testing";
import { freePort } from "@interviewlm/infra/net";
import { startServiceProcess, type ServiceProcess } from "./service-process.ts";

const webRoot = fileURLToPath(new URL("../../..", import.meta.url));

/** Secrets shared by the processes of an end-to-end run (web, sandbox service, rooms). */
export const E2E_SECRETS = {
  APP_SECRET: "e2e-app-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  ROOM_TOKEN_SECRET: "e2e-room-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  SANDBOX_SERVICE_SECRET: "e2e-sandbox-secret-0123456789abcdefghijklmnopqrstuvwxyz",
  METRICS_TOKEN: "e2e-metrics-token-0123456789abcdefghijklmnopqrstuvwxyz",
} as const;

export interface AppServer {
  url: string;
  dataDir: string;
  /** The PostgreSQL database of this server (null on embedded PGlite). */
  databaseUrl: string | null;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Stops the process only (data kept); start() brings it back on the same port and data. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stops the process and deletes its data. */
  stop(): Promise<void>;
}

export { freePort };

/**
 * With TEST_DATABASE_URL (the database suite in CI) the server gets a fresh PostgreSQL
 * database of its own; otherwise embedded PGlite in a temporary directory.
 */
async function createDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return { env: {}, drop: async () => {} };
  const database = await createEmptyPostgresDatabase(adminUrl, "ilm_e2e");
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}

export async function startAppServer(env: Record<string, string> = {}, options: { readyTimeoutMs?: number } = {}): Promise<AppServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "ilm-e2e-"));
  const database = await createDatabase();
  const url = `http://localhost:${port}`;
  const processEnv = {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: url,
    PGLITE_DATA_DIR: join(dataDir, "pglite"),
    ENABLE_DEV_MAILBOX: "1",
    APP_SECRET: E2E_SECRETS.APP_SECRET,
    ROOM_TOKEN_SECRET: E2E_SECRETS.ROOM_TOKEN_SECRET,
    SANDBOX_SERVICE_SECRET: E2E_SECRETS.SANDBOX_SERVICE_SECRET,
    METRICS_TOKEN: E2E_SECRETS.METRICS_TOKEN,
    ...database.env,
    ...env,
  };
  const launch = () =>
    startServiceProcess({
      name: "web server",
      args: ["--import", "tsx", "server/index.ts"],
      cwd: webRoot,
      env: processEnv,
      ready: /InterviewLM is running at/,
      timeoutMs: options.readyTimeoutMs,
    });
  let current: ServiceProcess | null = await launch();
  let previousOutput = "";

  return {
    url,
    dataDir,
    databaseUrl: database.env.DATABASE_URL ?? null,
    output: () => previousOutput + (current?.output() ?? ""),
    async kill() {
      previousOutput += current?.output() ?? "";
      await current?.stop();
      current = null;
    },
    async start() {
      current ??= await launch();
    },
    async stop() {
      await current?.stop();
      current = null;
      await rm(dataDir, { recursive: true, force: true });
      await database.drop();
    },
  };
}
