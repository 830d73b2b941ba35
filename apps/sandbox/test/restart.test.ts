import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it, vi } from "vitest";
import { TEST_SECRET, clientFor } from "./helpers.ts";

// The real service process (`npm start` runs the same entry point), stopped and started again
// on the same data directory: gracefully (SIGTERM) and by a crash (SIGKILL).

const APP_DIR = fileURLToPath(new URL("..", import.meta.url));
const CANARY = "service-env-canary-3b1f0e";

interface ServiceProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

function startServiceProcess(dataDir: string): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: APP_DIR,
    env: { PATH: process.env.PATH, NODE_ENV: "test", SANDBOX_PORT: "0", SANDBOX_SERVICE_SECRET: TEST_SECRET, SANDBOX_DATA_DIR: dataDir, INTERVIEWLM_SERVICE_CANARY: CANARY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exited });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`service exited with ${code}:\n${log}`)));
  });
}

describe("service restart", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "interviewlm-sandbox-restart-"));
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    // A crashed service leaves its mounts; the last graceful stop released them.
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps workspaces across a graceful restart and a crash, and never shows its environment", async () => {
    const first = await startServiceProcess(dataDir);
    children.push(first.child);
    const client = clientFor(first.url);
    const { id } = await client.createWorkspace({ language: "python", files: [{ path: "app.py", content: "print('v1')\n" }] });
    await client.writeFile(id, "notes.md", "written before the restart\n");
    await client.exec(id, { command: "mkdir -p build && echo artifact > build/out.txt" });
    const environment = await client.exec(id, { command: "env; cat /proc/*/environ 2>/dev/null" });
    expect(environment.stdout + environment.stderr).not.toContain(CANARY);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const second = await startServiceProcess(dataDir);
    children.push(second.child);
    const client2 = clientFor(second.url);
    expect((await client2.getWorkspace(id)).status).toBe("suspended");
    expect((await client2.resumeWorkspace(id)).status).toBe("active");
    expect((await client2.readFile(id, "notes.md")).content).toBe("written before the restart\n");
    expect((await client2.readFile(id, "build/out.txt")).content).toBe("artifact\n");
    const running = client2.exec(id, { command: "echo started > .sleep-started; sleep 60", timeoutMs: 60_000 }).catch(() => "interrupted");
    // Kill the service only once the command is really running inside the sandbox.
    await vi.waitFor(async () => expect((await client2.readFile(id, ".sleep-started")).content).toBe("started\n"), { timeout: 30_000, interval: 50 });
    second.child.kill("SIGKILL");
    await second.exited;
    expect(await running).toBe("interrupted");

    const third = await startServiceProcess(dataDir);
    children.push(third.child);
    const client3 = clientFor(third.url);
    expect((await client3.readFile(id, "app.py")).content).toBe("print('v1')\n");
    const after = await client3.exec(id, { command: "ps -e -o comm= | grep -c sleep || true; cat build/out.txt" });
    expect(after.stdout).toBe("0\nartifact\n");
    await client3.destroyWorkspace(id);
    third.child.kill("SIGTERM");
    expect(await third.exited).toBe(0);
    expect(fs.readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(dataDir);
  });
});
