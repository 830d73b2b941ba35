// One production host as docs/deploy.md runs it: `npm start` (scripts/start.mjs) after the
// build, its three processes (sandbox, web, rooms) in production mode, on a PostgreSQL
// database of its own in the database pass, else a deliberate embedded one (PGLITE_DATA_DIR).
// stop() is the operator's SIGTERM; start() boots the same host again on the same data.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createEmptyPostgresDatabase } from "@interviewlm/db/testing";
import { E2E_SECRETS, freePort } from "./app-server.ts";

const repoRoot = fileURLToPath(new URL("../../../../..", import.meta.url));

export interface ProductionHost {
  webUrl: string;
  roomsUrl: string;
  /** The host's PostgreSQL database (null on embedded PGlite). */
  databaseUrl: string | null;
  /** The embedded database's directory (null on PostgreSQL); open it only while the host is stopped. */
  pgliteDir: string | null;
  /** Everything `npm start` printed, across restarts. */
  output(): string;
  /** Sends SIGTERM to `npm start`; resolves with its exit code once it exited. */
  stop(): Promise<number | null>;
  /** Starts the host again; resolves once web and rooms report ready. */
  start(): Promise<void>;
  /** Stops what still runs and deletes the host's data and database. */
  dispose(): Promise<void>;
}

/** Creates a fresh PostgreSQL database under TEST_DATABASE_URL; null without it. */
async function createPostgresDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> } | null> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  return adminUrl ? createEmptyPostgresDatabase(adminUrl, prefix) : null;
}

/** `env` is added to (or overrides) the host's environment: mail settings, room variables. */
export async function startProductionHost(env: Record<string, string> = {}): Promise<ProductionHost> {
  const dataDir = await mkdtemp(join(tmpdir(), "ilm-e2e-host-"));
  const postgres = await createPostgresDatabase("ilm_e2e_host");
  const pgliteDir = postgres ? null : join(dataDir, "pglite");
  const [web, sandbox, rooms] = [await freePort(), await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${web}`;
  const roomsUrl = `http://127.0.0.1:${rooms}`;
  const processEnv: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(web),
    HOST: "127.0.0.1",
    APP_URL: webUrl,
    ...(postgres ? { DATABASE_URL: postgres.url } : { PGLITE_DATA_DIR: pgliteDir! }),
    ...E2E_SECRETS,
    SANDBOX_PORT: String(sandbox),
    SANDBOX_URL: `http://127.0.0.1:${sandbox}`,
    SANDBOX_DATA_DIR: join(dataDir, "sandbox"),
    ...(process.env.SANDBOX_ALLOW_WEAK_ISOLATION ? { SANDBOX_ALLOW_WEAK_ISOLATION: process.env.SANDBOX_ALLOW_WEAK_ISOLATION } : {}),
    PARTYKIT_PORT: String(rooms),
    PARTYKIT_PERSIST_DIR: join(dataDir, "partykit"),
    ROOM_PUBLIC_URL: roomsUrl,
    WEB_INTERNAL_URL: webUrl,
    ...env,
  };

  let child: ChildProcess | null = null;
  let exited: Promise<number | null> = Promise.resolve(null);
  let output = "";
  const status = async (url: string) => (await fetch(url).catch(() => null))?.status ?? 0;

  const start = async () => {
    const started = spawn(process.execPath, ["scripts/start.mjs"], { cwd: repoRoot, env: processEnv as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    started.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    started.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    exited = new Promise((resolve) => started.once("exit", (code) => resolve(code)));
    // Readiness as a load balancer sees it: the web app (database, sandbox self-test, outbox)
    // and the rooms (their variables, the web app and the sandbox answer them).
    await readyWithin(`${webUrl}/readyz`, 170_000);
    await readyWithin(`${roomsUrl}/parties/health/readyz`, 90_000);
  };
  const running = () => child !== null && child.exitCode === null && child.signalCode === null;
  /** Polls a probe until it answers 200; fails at once if `npm start` exits, else after `timeoutMs`. */
  const readyWithin = async (url: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while ((await status(url)) !== 200) {
      if (!running()) throw new Error(`npm start exited before ${url} was ready:\n${output.slice(-8000)}`);
      if (Date.now() > deadline) throw new Error(`${url} not ready within ${timeoutMs} ms:\n${output.slice(-8000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  };
  const stop = async () => {
    // SIGTERM, not SIGKILL: start.mjs stops its children; killed, it would orphan them.
    if (running()) child!.kill("SIGTERM");
    return exited;
  };

  try {
    await start();
  } catch (error) {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
    await postgres?.drop();
    throw error;
  }
  return {
    webUrl,
    roomsUrl,
    databaseUrl: postgres?.url ?? null,
    pgliteDir,
    output: () => output,
    start,
    stop,
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
      await postgres?.drop();
    },
  };
}
