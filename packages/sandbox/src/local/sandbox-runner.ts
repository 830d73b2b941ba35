import fs from "node:fs";
import path from "node:path";
import { newRunId } from "../ids.ts";
import type { ResourceLimits } from "../limits.ts";
import type { CgroupTree, RunCgroup } from "./cgroups.ts";
import { ensureIdentityFiles } from "./host-runtime.ts";
import { type BindMount, type HostTools, type SandboxCommandSpec, buildSandboxCommand } from "./sandbox-command.ts";
import { type SupervisedRun, superviseSandboxRun } from "./supervisor.ts";

// Turns "run this in that workspace" into a sandbox command chain: picks the mounts, the
// cgroup and the paths the command sees. With bwrap the sandbox sees fixed paths
// (/workspace, /opt/interviewlm/…); without it (weak isolation) it sees host paths.

export const INSIDE = {
  workspace: "/workspace",
  source: "/run/interviewlm/source",
  hidden: "/run/interviewlm/hidden",
  runners: "/opt/interviewlm/runners",
  esbuild: "/opt/interviewlm/bin/esbuild",
} as const;

export interface WorkspaceRef {
  root: string;
  uid: number;
  gid: number;
}

export interface RunnerConfig {
  tools: HostTools;
  cgroups: CgroupTree | null;
  runnersDir: string;
  esbuild: string | null;
  /** Host directory for per-run scratch space when there is no bwrap tmpfs. */
  runsDir: string;
  limits: ResourceLimits;
  /** Drop to the workspace uid (requires root). */
  dropPrivileges: boolean;
  /** Size of the scratch copy a test run works in. */
  scratchBytes: number;
}

export interface PreparedCommand {
  file: string;
  args: string[];
  /** Host working directory to start the chain in. */
  cwd: string;
  cgroup: RunCgroup | null;
  /** Removes host-side scratch directories; cgroups are removed by whoever waits for the run. */
  cleanup(): void;
}

export interface TestLayout {
  sourceDir: string;
  workDir: string;
  hiddenDir: string | null;
  runnersDir: string;
  esbuild: string | null;
}

export class SandboxRunner {
  constructor(readonly config: RunnerConfig) {}

  get hasBwrap(): boolean {
    return this.config.tools.bwrap !== null;
  }

  /** Plain command with the workspace mounted read-write at its working directory. */
  prepareExec(workspace: WorkspaceRef, argv: string[], env: Record<string, string>, options: { terminal: boolean; limits?: ResourceLimits }): PreparedCommand {
    const cwd = this.hasBwrap ? INSIDE.workspace : workspace.root;
    return this.prepare(workspace, {
      argv,
      cwd,
      env,
      binds: [{ source: workspace.root, target: INSIDE.workspace, writable: true }, ...this.toolchainBinds()],
      scratchDirs: [],
      newSession: !options.terminal,
      limits: options.limits ?? this.config.limits,
    });
  }

  /** Test run: the workspace read-only, a scratch copy to work in, hidden tests beside it. */
  prepareTests(workspace: WorkspaceRef, hiddenDir: string | null, layoutToArgv: (layout: TestLayout) => { argv: string[]; env: Record<string, string> }): PreparedCommand {
    let hostWorkDir: string | null = null;
    let layout: TestLayout;
    if (this.hasBwrap) {
      layout = { sourceDir: INSIDE.source, workDir: INSIDE.workspace, hiddenDir: hiddenDir ? INSIDE.hidden : null, runnersDir: INSIDE.runners, esbuild: this.config.esbuild ? INSIDE.esbuild : null };
    } else {
      hostWorkDir = path.join(this.config.runsDir, `${newRunId()}-work`);
      fs.mkdirSync(hostWorkDir, { recursive: true, mode: 0o700 });
      if (this.config.dropPrivileges) fs.chownSync(hostWorkDir, workspace.uid, workspace.gid);
      layout = { sourceDir: workspace.root, workDir: hostWorkDir, hiddenDir, runnersDir: this.config.runnersDir, esbuild: this.config.esbuild };
    }
    const { argv, env } = layoutToArgv(layout);
    const binds: BindMount[] = [{ source: workspace.root, target: INSIDE.source, writable: false }, ...this.toolchainBinds()];
    if (hiddenDir) binds.push({ source: hiddenDir, target: INSIDE.hidden, writable: false });
    const prepared = this.prepare(workspace, {
      argv,
      cwd: layout.workDir,
      env,
      binds,
      scratchDirs: [{ target: INSIDE.workspace, bytes: this.config.scratchBytes }],
      newSession: true,
      limits: this.config.limits,
    });
    return {
      ...prepared,
      cleanup: () => {
        if (hostWorkDir) fs.rmSync(hostWorkDir, { recursive: true, force: true });
      },
    };
  }

  run(prepared: PreparedCommand, options: { stdin?: Uint8Array; timeoutMs: number; resultsBytes?: number; limits?: ResourceLimits }): Promise<SupervisedRun> {
    const limits = options.limits ?? this.config.limits;
    return superviseSandboxRun({
      file: prepared.file,
      args: prepared.args,
      cwd: prepared.cwd,
      stdin: options.stdin,
      timeoutMs: options.timeoutMs,
      outputBytes: limits.outputBytes,
      resultsBytes: options.resultsBytes,
      cgroup: prepared.cgroup,
      cpuTimeSeconds: limits.cpuTimeSeconds,
    }).finally(() => prepared.cleanup());
  }

  private toolchainBinds(): BindMount[] {
    const binds: BindMount[] = [{ source: this.config.runnersDir, target: INSIDE.runners, writable: false }];
    if (this.config.esbuild) binds.push({ source: this.config.esbuild, target: INSIDE.esbuild, writable: false });
    return binds;
  }

  private prepare(workspace: WorkspaceRef, spec: Omit<SandboxCommandSpec, "user" | "cgroupProcs">): PreparedCommand {
    const user = this.config.dropPrivileges ? { uid: workspace.uid, gid: workspace.gid } : null;
    ensureIdentityFiles(this.config.tools.etcDir, user?.uid ?? 0, user?.gid ?? 0);
    const cgroup = this.config.cgroups ? this.config.cgroups.create(newRunId(), { memoryBytes: spec.limits.memoryBytes, pids: spec.limits.pids, cpus: spec.limits.cpus }) : null;
    const { file, args, cwd } = buildSandboxCommand({ ...spec, user, cgroupProcs: cgroup?.procsFiles ?? [] }, this.config.tools, (p) => fs.existsSync(p));
    return { file, args, cwd, cgroup, cleanup: () => undefined };
  }
}
