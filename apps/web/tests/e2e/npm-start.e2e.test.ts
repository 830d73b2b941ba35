// `npm start` (scripts/start.mjs, docs/deploy.md) on the production build: the three processes
// come up with NODE_ENV=production, the web app reports ready (database, sandbox isolation
// self-test, outbox), the rooms answer, and SIGTERM stops rooms → web → sandbox and exits 0.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { E2E_SECRETS, freePort } from "./support/app-server.ts";

const repoRoot = fileURLToPath(new URL("../../../..", import.meta.url));

describe("npm start", () => {
  let child: ChildProcess | undefined;
  let dataDir = "";
  let output = "";
  let dropDatabase = async () => {};
  afterEach((context) => {
    if (context.task.result?.state === "fail") console.error(`\n--- npm start output ---\n${output.slice(-12_000)}`);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await dropDatabase();
  });

  /** The database pass gives PostgreSQL (a fresh database of this file's own); otherwise a deliberate embedded database. */
  async function database(): Promise<Record<string, string>> {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) return { PGLITE_DATA_DIR: join(dataDir, "pglite") };
    const name = `ilm_e2e_start_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    dropDatabase = () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString() };
  }

  it("runs sandbox, web and rooms in production mode and stops them in order on SIGTERM", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ilm-e2e-start-"));
    const [web, sandbox, rooms] = [await freePort(), await freePort(), await freePort()];
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(web),
      HOST: "127.0.0.1",
      APP_URL: `http://127.0.0.1:${web}`,
      ...(await database()),
      ...E2E_SECRETS,
      RESEND_API_KEY: "re_e2e_unused",
      RESEND_BASE_URL: "http://127.0.0.1:9",
      SANDBOX_PORT: String(sandbox),
      SANDBOX_URL: `http://127.0.0.1:${sandbox}`,
      SANDBOX_DATA_DIR: join(dataDir, "sandbox"),
      ...(process.env.SANDBOX_ALLOW_WEAK_ISOLATION ? { SANDBOX_ALLOW_WEAK_ISOLATION: process.env.SANDBOX_ALLOW_WEAK_ISOLATION } : {}),
      PARTYKIT_PORT: String(rooms),
      PARTYKIT_PERSIST_DIR: join(dataDir, "partykit"),
      ROOM_PUBLIC_URL: `http://127.0.0.1:${rooms}`,
      WEB_INTERNAL_URL: `http://127.0.0.1:${web}`,
    };
    const started = spawn(process.execPath, ["scripts/start.mjs"], { cwd: repoRoot, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    child = started;
    started.stdout.on("data", (d: Buffer) => (output += d.toString()));
    started.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => started.once("exit", resolve));

    const ready = async () => {
      const response = await fetch(`http://127.0.0.1:${web}/readyz`).catch(() => null);
      return response?.status ?? 0;
    };
    await expect.poll(ready, { timeout: 170_000, interval: 500 }).toBe(200);
    await expect.poll(() => /Ready on http:\/\/127\.0\.0\.1:\d+/.test(output), { timeout: 60_000 }).toBe(true);
    expect((await fetch(`http://127.0.0.1:${web}/dev/mailbox`)).status).toBe(404);
    // The rooms' probes: the web app and the sandbox service answer them.
    expect(await (await fetch(`http://127.0.0.1:${rooms}/parties/health/healthz`)).json()).toEqual({ status: "ok" });
    const roomsReady = await fetch(`http://127.0.0.1:${rooms}/parties/health/readyz`);
    expect(await roomsReady.json()).toEqual({ status: "ready", checks: { environment: { ok: true }, web: { ok: true }, sandbox: { ok: true } } });
    expect(roomsReady.status).toBe(200);

    started.kill("SIGTERM");
    expect(await exited, output).toBe(0);
    // start.mjs prefixes each line with the process name; the JSON log lines stay intact.
    const plain = output;
    const webStopping = plain.indexOf('"event":"web.stopping"');
    const webStopped = plain.indexOf('"event":"web.stopped"');
    const sandboxStopping = plain.indexOf('"event":"service.stopping"');
    expect(webStopping).toBeGreaterThan(-1);
    // The sandbox service is told to stop only once the web app has finished.
    expect(sandboxStopping).toBeGreaterThan(webStopped);
    expect(webStopped).toBeGreaterThan(webStopping);
  }, 300_000);
});
