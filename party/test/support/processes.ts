// Real processes for the room's tests and the benchmark: `partykit dev` (workerd) and the
// sandbox service, each started as its own child process and stopped by PID.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "@interviewlm/infra/net";
import { createSandboxClient, type SandboxClient } from "@interviewlm/sandbox/client";
import WebSocket from "ws";
import { PARTY_DIR, partykitDevCommand } from "../../scripts/partykit-launch.mjs";

export { PARTY_DIR };
const REPO_DIR = path.resolve(PARTY_DIR, "..");
export const TEST_SANDBOX_SECRET = "party-test-sandbox-secret-0123456789abcdefghij";

export { freePort };

/** Waits for `pattern` in the child's output; rejects if it exits first. */
function waitForOutput(child: ChildProcess, pattern: RegExp, name: string, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => finish(new Error(`${name} did not start in ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = pattern.exec(log);
      if (match) finish(null, match);
    };
    const onExit = (code: number | null) => finish(new Error(`${name} exited with ${code}:\n${log}`));
    function finish(error: Error | null, match?: RegExpExecArray) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(match!);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", onExit);
  });
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface PartykitProcess {
  url: string;
  port: number;
  /** Everything the rooms logged, for assertions and for failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Stops and starts again on the same port and storage (a room restart). */
  restart(): Promise<void>;
}

/** `partykit dev` on a free port with storage in `persistDir` and the room's vars. */
export async function startPartykit(options: { vars: Record<string, string>; persistDir?: string; port?: number }): Promise<PartykitProcess> {
  const persistDir = options.persistDir ?? mkdtempSync(path.join(os.tmpdir(), "interviewlm-party-"));
  const port = options.port ?? (await freePort());
  let child: ChildProcess;
  let output = "";
  // The same launch as `npm run dev`: variables in a private config file, listening on 127.0.0.1.
  const command = partykitDevCommand({ vars: options.vars, port, persistDir });
  const launch = async () => {
    child = spawn(process.execPath, command.args, { cwd: PARTY_DIR, env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: "1", ...command.env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(child, /Ready on http/, "partykit dev", 60_000);
  };
  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    output: () => output,
    stop: async (signal) => {
      await stopChild(child, signal);
      command.cleanup();
      if (!options.persistDir) rmSync(persistDir, { recursive: true, force: true });
    },
    restart: async () => {
      await stopChild(child, "SIGTERM");
      await launch();
    },
  };
}

export interface SandboxProcess {
  url: string;
  client: SandboxClient;
  stop(): Promise<void>;
  /** Stops the process only: the service is down, its data kept. */
  kill(): Promise<void>;
  /** Starts it again on the same port; `wipe` first deletes its data (a sandbox that lost every workspace). */
  start(options?: { wipe?: boolean }): Promise<void>;
}

/** The sandbox service (apps/sandbox) as a process on a free port, over a fresh data directory. */
export async function startSandboxService(): Promise<SandboxProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "interviewlm-party-sandbox-"));
  let child: ChildProcess | null = null;
  const launch = async (port: number) => {
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: path.join(REPO_DIR, "apps", "sandbox"),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", SANDBOX_PORT: String(port), SANDBOX_SERVICE_SECRET: TEST_SANDBOX_SECRET, SANDBOX_DATA_DIR: dataDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    return (await waitForOutput(child, /listening on (http:\/\/\S+)/, "sandbox service", 60_000))[1]!;
  };
  const url = await launch(0);
  const kill = async () => {
    if (child) await stopChild(child, "SIGTERM", 15_000);
    child = null;
  };
  return {
    url,
    client: createSandboxClient({ baseUrl: url, auth: { secret: TEST_SANDBOX_SECRET, subject: "party-test" }, WebSocket }),
    stop: async () => {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
    kill,
    start: async (options = {}) => {
      await kill();
      if (options.wipe) for (const entry of readdirSync(dataDir)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
      await launch(Number(new URL(url).port));
    },
  };
}
