import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type LanguageId, getLanguage, interpretTestRun, type TestRunResult } from "@interviewlm/sandbox";

// The same test runner the sandbox uses, started directly on the host: no launcher, cgroups,
// bwrap, seccomp, HTTP or JSON. The baseline for "what does isolation cost".

const RUNNERS_DIR = fileURLToPath(new URL("../../packages/sandbox/runners", import.meta.url));
const require = createRequire(fileURLToPath(new URL("../../packages/sandbox/package.json", import.meta.url)));
const ESBUILD = path.join(path.dirname(require.resolve("esbuild/package.json")), "bin", "esbuild");

export function writeTree(root: string, files: { path: string; content: string }[]): void {
  for (const file of files) {
    fs.mkdirSync(path.join(root, path.dirname(file.path)), { recursive: true });
    fs.writeFileSync(path.join(root, file.path), file.content);
  }
}

export async function runBare(languageId: LanguageId, sourceDir: string, scratchRoot: string): Promise<TestRunResult> {
  const language = getLanguage(languageId);
  const workDir = fs.mkdtempSync(path.join(scratchRoot, "work-"));
  const { argv, env } = language.testCommand({ sourceDir, workDir, hiddenDir: null, onlyHidden: false, runnersDir: RUNNERS_DIR, tools: { ...language.localTools, esbuild: ESBUILD } });
  const started = performance.now();
  const child = spawn(argv[0] as string, argv.slice(1), { env: { PATH: "/usr/bin:/bin", TMPDIR: scratchRoot, ...env }, stdio: ["ignore", "pipe", "pipe", "pipe"], cwd: workDir });
  const chunks: Record<"stdout" | "stderr" | "events", Buffer[]> = { stdout: [], stderr: [], events: [] };
  child.stdout?.on("data", (chunk: Buffer) => chunks.stdout.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.stderr.push(chunk));
  child.stdio[3]?.on("data", (chunk: Buffer) => chunks.events.push(chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const result = interpretTestRun(language, {
    exitCode,
    termination: "exited",
    stdout: Buffer.concat(chunks.stdout).toString(),
    stderr: Buffer.concat(chunks.stderr).toString(),
    events: Buffer.concat(chunks.events).toString(),
    durationMs: performance.now() - started,
    timeoutMs: 30_000,
    memoryLimitBytes: null,
    outputLimitBytes: 1024 * 1024,
    hiddenFiles: new Set(),
  });
  fs.rmSync(workDir, { recursive: true, force: true });
  return result;
}
