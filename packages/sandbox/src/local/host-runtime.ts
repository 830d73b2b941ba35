import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LANGUAGES } from "../languages/index.ts";

// Files the sandbox needs to see, staged under <dataDir>/runtime with known permissions so
// that only the data directory has to be reachable by the unprivileged sandbox user:
//   runners/        copy of packages/sandbox/runners (test runners, read-only bind), plus the
//                   runner files the languages build on the host (generatedRunnerFiles)
//   bin/esbuild     the esbuild binary of the installed npm package
//   seccomp.bpf     built at start-up from runners/seccomp/build-filter.py (python3-seccomp)
//   etc/            synthetic passwd/group per sandbox uid, and hosts

export const RUNNERS_SOURCE_DIR = fileURLToPath(new URL("../../runners/", import.meta.url));
export const LAUNCHER_PATH = path.join(RUNNERS_SOURCE_DIR, "launcher.pl");

export interface HostRuntime {
  runnersDir: string;
  esbuild: string | null;
  seccompFilter: string | null;
  etcDir: string;
  problems: string[];
}

export function prepareHostRuntime(dataDir: string, python: string): HostRuntime {
  const root = path.join(dataDir, "runtime");
  const problems: string[] = [];
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  fs.chmodSync(root, 0o755);

  const runnersDir = path.join(root, "runners");
  fs.rmSync(runnersDir, { recursive: true, force: true });
  fs.cpSync(RUNNERS_SOURCE_DIR, runnersDir, { recursive: true });
  try {
    for (const [file, content] of Object.entries(generatedRunnerFiles())) fs.writeFileSync(path.join(runnersDir, file), content);
  } catch (error) {
    problems.push(`host-built runner files unavailable (Vitest/Jest-style tests cannot run): ${(error as Error).message}`);
  }
  makeWorldReadable(runnersDir);

  const etcDir = path.join(root, "etc");
  fs.mkdirSync(etcDir, { recursive: true, mode: 0o755 });
  fs.writeFileSync(path.join(etcDir, "hosts"), "127.0.0.1 localhost sandbox\n::1 localhost sandbox\n", { mode: 0o644 });

  let esbuild: string | null = null;
  try {
    esbuild = stageFile(locateEsbuild(), path.join(root, "bin", "esbuild"), 0o755);
  } catch (error) {
    problems.push(`esbuild binary unavailable (JavaScript/TypeScript tests cannot run): ${(error as Error).message}`);
  }

  let seccompFilter: string | null = path.join(root, "seccomp.bpf");
  const build = spawnSync(python, [path.join(RUNNERS_SOURCE_DIR, "seccomp", "build-filter.py"), seccompFilter], { encoding: "utf8", timeout: 20_000 });
  if (build.status !== 0) {
    problems.push(`seccomp filter could not be built with ${python} (install python3-seccomp): ${(build.stderr || build.error?.message || "").trim().split("\n").pop()}`);
    seccompFilter = null;
  } else {
    fs.chmodSync(seccompFilter, 0o644);
  }
  return { runnersDir, esbuild, seccompFilter, etcDir, problems };
}

/** Every language's host-built runner files, once per path (JavaScript and TypeScript share theirs). */
export function generatedRunnerFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const language of Object.values(LANGUAGES)) Object.assign(files, language.generatedRunnerFiles?.());
  return files;
}

/** passwd/group files naming the sandbox user, one pair per uid (bind-mounted over /etc/passwd). */
export function ensureIdentityFiles(etcDir: string, uid: number, gid: number): void {
  const passwd = path.join(etcDir, `passwd-${uid}`);
  if (fs.existsSync(passwd)) return;
  fs.writeFileSync(path.join(etcDir, `group-${uid}`), `root:x:0:\nsandbox:x:${gid}:\nnogroup:x:65534:\n`, { mode: 0o644 });
  fs.writeFileSync(passwd, `root:x:0:0:root:/root:/usr/sbin/nologin\nsandbox:x:${uid}:${gid}:sandbox:/workspace:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n`, { mode: 0o644 });
}

function locateEsbuild(): string {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("esbuild/package.json"));
  const platformPackage = `@esbuild/${process.platform}-${process.arch}/package.json`;
  try {
    const platformDir = path.dirname(createRequire(path.join(packageDir, "package.json")).resolve(platformPackage));
    return path.join(platformDir, "bin", "esbuild");
  } catch {
    return path.join(packageDir, "bin", "esbuild"); // npm replaces the JS shim by the native binary
  }
}

/** Copies a file unless an identical (size + mtime) copy is already there. */
function stageFile(source: string, target: string, mode: number): string {
  const stat = fs.statSync(source);
  const existing = fs.existsSync(target) ? fs.statSync(target) : null;
  if (!existing || existing.size !== stat.size || Math.round(existing.mtimeMs) !== Math.round(stat.mtimeMs)) {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    const temp = `${target}.${process.pid}.tmp`;
    fs.copyFileSync(source, temp);
    fs.chmodSync(temp, mode);
    fs.utimesSync(temp, stat.atime, stat.mtime);
    fs.renameSync(temp, target);
  }
  return target;
}

function makeWorldReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWorldReadable(full);
    else fs.chmodSync(full, 0o644);
  }
}

/** Directories on the way to `target` that the sandbox user (an "other") cannot traverse. */
export function untraversableAncestors(target: string): string[] {
  const blocked: string[] = [];
  let current = path.resolve(target);
  for (;;) {
    try {
      if ((fs.statSync(current).mode & 0o001) === 0) blocked.push(current);
    } catch {
      // not created yet
    }
    const parent = path.dirname(current);
    if (parent === current) return blocked;
    current = parent;
  }
}

export function findExecutable(candidates: string[]): string | null {
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}
