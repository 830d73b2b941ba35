// `npm run dev -w @interviewlm/party` (scripts/dev.mjs): no secret on any spawned process's
// command line (where `ps` shows it to every user) or in the room server's environment, and
// the room server listens on 127.0.0.1 only, like the web app in development.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/clients.ts";
import { freePort, PARTY_DIR } from "./support/processes.ts";

const SECRETS = {
  ROOM_TOKEN_SECRET: "dev-launch-room-secret-0123456789abcdefghijklmnop",
  SANDBOX_SERVICE_SECRET: "dev-launch-sandbox-secret-0123456789abcdefghijkl",
};
let child: ChildProcess;
let output = "";
let port: number;
let persistDir: string;

beforeAll(async () => {
  port = await freePort();
  persistDir = mkdtempSync(path.join(os.tmpdir(), "interviewlm-dev-launch-"));
  child = spawn(process.execPath, [path.join(PARTY_DIR, "scripts", "dev.mjs")], {
    cwd: PARTY_DIR,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...SECRETS, PARTYKIT_PORT: String(port), PARTYKIT_PERSIST_DIR: persistDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await eventually(() => output, (text) => /Ready on http/.test(text) || child.exitCode !== null, 90_000, "partykit dev to be ready");
  expect(child.exitCode).toBeNull();
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  rmSync(persistDir, { recursive: true, force: true });
});

/** Every process below `root`, from /proc (Linux). */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    found.push(pid);
    for (const [candidate, parent] of parents) if (parent === pid) queue.push(candidate);
  }
  return found;
}

function readProc(pid: number, file: "cmdline" | "environ"): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, "utf8").replace(/\0/g, " ");
  } catch {
    return "";
  }
}

function canConnect(host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

describe.runIf(process.platform === "linux")("starting the rooms for development", () => {
  it("puts no secret on any command line, nor in the room server's environment", () => {
    const pids = descendants(child.pid!);
    expect(pids.length).toBeGreaterThanOrEqual(3); // dev.mjs, partykit's node, workerd
    for (const pid of pids) {
      const cmdline = readProc(pid, "cmdline");
      for (const secret of Object.values(SECRETS)) expect(cmdline).not.toContain(secret);
      if (pid !== child.pid) for (const secret of Object.values(SECRETS)) expect(readProc(pid, "environ")).not.toContain(secret);
    }
  });

  it("listens on 127.0.0.1 and not on the host's other addresses", async () => {
    expect(output).toContain(`Ready on http://127.0.0.1:${port}`);
    expect(await canConnect("127.0.0.1")).toBe(true);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === "IPv4" && !address.internal);
    if (external) expect(await canConnect(external.address)).toBe(false);
  });
});
