// An AgentWorkspace over a real directory and real shell processes, for tests of the tools and
// the loop outside a room (the room's workspace is the editor document plus the sandbox).
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import type { AgentWorkspace, CommandResult } from "../tools/toolbox.ts";

const MAX_CAPTURE = 1024 * 1024;

export class DirectoryWorkspace implements AgentWorkspace {
  readonly writes: { path: string; content: string }[] = [];

  constructor(
    readonly root: string,
    private readonly testCommand = "node --test",
  ) {}

  async listFiles(): Promise<string[]> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => relative(this.root, join(entry.parentPath, entry.name)));
  }

  async readFile(path: string): Promise<string | null> {
    return readFile(join(this.root, path), "utf8").catch(() => null);
  }

  async writeFile(path: string, content: string): Promise<void> {
    await mkdir(dirname(join(this.root, path)), { recursive: true });
    await writeFile(join(this.root, path), content);
    this.writes.push({ path, content });
  }

  async runTests(signal: AbortSignal): Promise<string> {
    const result = await this.runCommand(this.testCommand, 60_000, signal);
    return `exit code ${result.exitCode}\n${result.output}`;
  }

  runCommand(command: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      const child = spawn("bash", ["-c", command], { cwd: this.root, detached: true, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      let timedOut = false;
      const collect = (chunk: Buffer) => {
        if (output.length < MAX_CAPTURE) output += chunk.toString("utf8");
      };
      child.stdout.on("data", collect);
      child.stderr.on("data", collect);
      const killGroup = () => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      };
      const timer = setTimeout(() => ((timedOut = true), killGroup()), timeoutMs);
      const onAbort = () => killGroup();
      signal.addEventListener("abort", onAbort, { once: true });
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
        if (signal.aborted) return reject(signal.reason);
        resolve({ exitCode: timedOut ? null : code, output, timedOut });
      });
    });
  }
}
