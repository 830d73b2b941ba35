import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// The local Modal server's in-sandbox agent, driven directly over its JSON-lines protocol (no
// sandbox around it: what is checked is its bookkeeping). A terminal whose shell exits is reaped
// and its output drained in the same pass; reporting that exit twice once crashed the agent and
// with it the whole sandbox, so a test waiting for a terminal's exit code saw the task finished.

const AGENT = path.join(path.dirname(fileURLToPath(import.meta.url)), "../test-support/modal-server/in-sandbox/agent.py");

interface AgentEvent {
  ev: string;
  id?: string;
  code?: number | null;
}

it("reports every terminal's exit once and keeps running when many terminals end together", async () => {
  const agent = spawn("python3", ["-IS", AGENT], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  agent.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const events: AgentEvent[] = [];
  const waiters: Array<() => void> = [];
  let pending = "";
  agent.stdout.on("data", (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split("\n");
    pending = lines.pop()!;
    for (const line of lines) events.push(JSON.parse(line) as AgentEvent);
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (condition: () => boolean) => {
    while (!condition()) {
      if (agent.exitCode !== null) throw new Error(`the agent exited (${agent.exitCode}): ${stderr}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const send = (message: unknown) => agent.stdin.write(`${JSON.stringify(message)}\n`);
  const exitsOf = (id: string) => events.filter((event) => event.ev === "exit" && event.id === id);
  try {
    await until(() => events.some((event) => event.ev === "ready"));
    // Terminals whose shells print and exit at once: their reap and their last output race.
    const ids = Array.from({ length: 40 }, (_, i) => `pty-${i}`);
    for (const id of ids) send({ op: "exec", id, argv: ["/bin/sh", "-c", "printf done; exit 7"], env: { PATH: "/usr/bin:/bin" }, cwd: "/", pty: { rows: 24, cols: 80 }, timeout: null });
    await until(() => ids.every((id) => exitsOf(id).length > 0));
    for (const id of ids) expect(exitsOf(id)).toEqual([{ ev: "exit", id, code: 7, signal: null }]);

    // Still alive and serving: a plain command after them runs and reports its exit.
    send({ op: "exec", id: "after", argv: ["/bin/sh", "-c", "exit 3"], env: { PATH: "/usr/bin:/bin" }, cwd: "/", pty: null, timeout: null });
    await until(() => exitsOf("after").length > 0);
    expect(exitsOf("after")).toEqual([{ ev: "exit", id: "after", code: 3, signal: null }]);
  } finally {
    agent.stdin.end();
    if (agent.exitCode === null) await once(agent, "exit");
  }
  expect(stderr).toBe("");
});
