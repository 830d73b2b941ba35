import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import {
  CreateWorkspaceRequestSchema,
  type CreateWorkspaceRequest,
  type ExecRequest,
  type ExecResult,
  type FileChangeEvent,
  type FileEntry,
  type IsolationReport,
  type RunTestsRequest,
  type SnapshotInfo,
  type TestRunResult,
  type WorkspaceInfo,
} from "../api/schemas.ts";
import { createLogger, type Logger } from "@interviewlm/infra/log";
import { AsyncQueue } from "../async-queue.ts";
import { SandboxError } from "../errors.ts";
import { newSnapshotId, newWorkspaceIdFrom, requireWorkspaceId } from "../ids.ts";
import { getLanguage } from "../languages/index.ts";
import { DEFAULT_LIMITS, DEFAULT_STORAGE_LIMITS, type ResourceLimits, type StorageLimits } from "../limits.ts";
import type { OpenPtyOptions, PtySession, SandboxProvider } from "../provider.ts";
import { decodeFileInput } from "../file-content.ts";
import { type DataDirExposure, exposeDataDir } from "./data-dir-exposure.ts";
import { WorkspaceWatcher } from "./file-watcher.ts";
import { prepareHostRuntime } from "./host-runtime.ts";
import { acquireInstanceLock } from "./instance-lock.ts";
import { type ProbeResult, type ToolPaths, probeHost, toReport } from "./isolation-probe.ts";
import { runExec, runSelfTest, runTestSuite } from "./local-runs.ts";
import { spawnLocalPty } from "./local-pty.ts";
import { WorkspaceFs } from "./safe-fs.ts";
import { type PreparedCommand, SandboxRunner } from "./sandbox-runner.ts";
import { type WorkspaceMeta, WorkspaceStore } from "./workspace-store.ts";

export interface LocalProviderOptions {
  /** Where workspaces live; a directory the sandbox uids cannot reach (a 700 parent) is bind-mounted under /run. */
  dataDir: string;
  /** Run code even when some protection is missing (development machines only). */
  allowWeakIsolation?: boolean;
  limits?: Partial<ResourceLimits>;
  storage?: Partial<StorageLimits>;
  /** First of the per-workspace sandbox uids. */
  uidBase?: number;
  watchIntervalMs?: number;
  maxRunsPerWorkspace?: number;
  cgroupParent?: string;
  /** Host tool locations; null disables a tool (e.g. to try the weak-isolation path). */
  tools?: ToolPaths;
  logger?: Pick<Logger, "info" | "warn">;
}

interface ActiveWorkspace {
  meta: WorkspaceMeta;
  files: WorkspaceFs;
  watcher: WorkspaceWatcher;
  ptys: Set<PtySession>;
  runs: Set<PreparedCommand>;
}

export class LocalProvider implements SandboxProvider {
  readonly kind = "local" as const;
  private readonly active = new Map<string, ActiveWorkspace>();
  private readonly activating = new Map<string, Promise<ActiveWorkspace>>();
  private closed = false;

  private constructor(
    private readonly options: LocalProviderOptions & { dataDir: string },
    private readonly limits: ResourceLimits,
    private readonly storage: StorageLimits,
    private readonly store: WorkspaceStore,
    private readonly runner: SandboxRunner,
    private readonly probe: ProbeResult,
    private readonly report: IsolationReport,
    private readonly release: () => Promise<void>,
  ) {}

  static async start(options: LocalProviderOptions): Promise<LocalProvider> {
    const logger = options.logger ?? createLogger({ service: "sandbox" });
    const dataDir = path.resolve(options.dataDir);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o711 });
    fs.chmodSync(dataDir, 0o711);
    const lock = acquireInstanceLock(dataDir);
    let exposure: DataDirExposure | null = null;
    const release = async () => {
      await exposure?.release();
      lock();
    };
    try {
      const limits = { ...DEFAULT_LIMITS, ...options.limits };
      const storage = { ...DEFAULT_STORAGE_LIMITS, ...options.storage };
      const instance = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
      // From here on the data directory is reached where the sandbox user can reach it too.
      exposure = await exposeDataDir(dataDir, { isRoot: process.getuid?.() === 0 });
      const workDir = exposure.path;
      const runtime = prepareHostRuntime(workDir, options.tools?.python ?? "/usr/bin/python3");
      const probe = probeHost({ dataDir: workDir, cgroupParent: options.cgroupParent ?? "interviewlm-sandbox", instance, tools: options.tools ?? {}, runtime });
      const swept = probe.cgroups ? await probe.cgroups.sweep() : 0;
      if (swept > 0) logger.warn("sandbox.stale_cgroups_removed", { count: swept });
      const runsDir = path.join(workDir, "runs");
      fs.rmSync(runsDir, { recursive: true, force: true });
      fs.mkdirSync(runsDir, { mode: 0o711 });
      const store = new WorkspaceStore({ dataDir: workDir, useImages: probe.useImages, workspaceBytes: storage.workspaceBytes, uidBase: options.uidBase ?? 200_000, chown: probe.isRoot });
      await removeHalfCreatedWorkspaces(store);
      const runner = new SandboxRunner({
        tools: probe.tools,
        cgroups: probe.cgroups,
        runnersDir: runtime.runnersDir,
        esbuild: runtime.esbuild,
        runsDir,
        limits,
        dropPrivileges: probe.isRoot,
        scratchBytes: storage.workspaceBytes,
      });
      const selfTest = await runSelfTest(runner, runtime, (options.uidBase ?? 200_000) - 1, probe.isRoot);
      probe.enforced.selfTest = selfTest === null;
      if (selfTest) probe.problems.push(selfTest);
      const report = toReport(probe);
      const enforced = Object.entries(report.enforced).map(([key, on]) => `${key}=${on ? "yes" : "NO"}`).join(" ");
      if (report.level === "full") logger.info("sandbox.isolation", { level: "full", enforced, dataDir, reachedThrough: workDir === dataDir ? undefined : workDir });
      else {
        const decision = options.allowWeakIsolation ? "Running code anyway (SANDBOX_ALLOW_WEAK_ISOLATION=1)." : "Refusing to run code; set SANDBOX_ALLOW_WEAK_ISOLATION=1 to allow it.";
        // "WEAK isolation" is what operators (and the fresh-clone check) look for.
        logger.warn("sandbox.isolation", { level: "weak", summary: `WEAK isolation (${enforced})`, problems: report.problems, decision });
      }
      return new LocalProvider({ ...options, dataDir: workDir }, limits, storage, store, runner, probe, report, release);
    } catch (error) {
      await release();
      throw error;
    }
  }

  isolation(): IsolationReport {
    return structuredClone(this.report);
  }

  async createWorkspace(request: CreateWorkspaceRequest, options: { id?: string } = {}): Promise<WorkspaceInfo> {
    const input = CreateWorkspaceRequestSchema.parse(request);
    const id = newWorkspaceIdFrom(options.id);
    if (this.store.ids().includes(id)) throw new SandboxError("ALREADY_EXISTS", `workspace ${id} already exists`);
    getLanguage(input.language);
    if (input.files.length > this.storage.maxInitialFiles) {
      throw new SandboxError("INVALID_REQUEST", `a workspace starts with at most ${this.storage.maxInitialFiles} files, got ${input.files.length}`);
    }
    const files = input.files.map((file) => decodeFileInput(file, this.storage.apiFileBytes));
    await this.store.create({ id, language: input.language, label: input.label ?? null });
    try {
      const workspace = await this.activate(id);
      for (const file of files) workspace.files.write(file.path, file.content);
      return this.info(workspace.meta);
    } catch (error) {
      await this.destroyWorkspace(id).catch(() => undefined);
      throw error;
    }
  }

  async getWorkspace(workspaceId: string): Promise<WorkspaceInfo> {
    return this.info(this.store.load(workspaceId));
  }

  async resumeWorkspace(workspaceId: string): Promise<WorkspaceInfo> {
    return this.info((await this.activate(workspaceId)).meta);
  }

  async suspendWorkspace(workspaceId: string): Promise<void> {
    const workspace = this.active.get(requireWorkspaceId(workspaceId));
    if (!workspace) return;
    await this.stopActivity(workspace);
    workspace.watcher.stop();
    this.active.delete(workspaceId);
    await this.store.unmount(workspaceId);
  }

  async destroyWorkspace(workspaceId: string): Promise<void> {
    this.store.load(workspaceId);
    await this.suspendWorkspace(workspaceId);
    await this.store.destroy(workspaceId);
  }

  async snapshotWorkspace(workspaceId: string): Promise<SnapshotInfo> {
    await this.activate(workspaceId);
    return this.store.snapshot(workspaceId, newSnapshotId());
  }

  async restoreWorkspace(workspaceId: string, snapshotId: string): Promise<WorkspaceInfo> {
    const workspace = await this.activate(workspaceId);
    this.store.loadSnapshot(snapshotId);
    await this.stopActivity(workspace);
    await this.store.restore(workspaceId, snapshotId);
    workspace.watcher.poke();
    return this.info(workspace.meta);
  }

  async listFiles(workspaceId: string): Promise<FileEntry[]> {
    const workspace = await this.activate(workspaceId);
    return workspace.files.list().map(({ path: p, type, size, mtimeMs }) => ({ path: p, type, size, mtimeMs }));
  }

  async readFile(workspaceId: string, filePath: string): Promise<{ content: Uint8Array; entry: FileEntry }> {
    return (await this.activate(workspaceId)).files.read(filePath);
  }

  async writeFile(workspaceId: string, filePath: string, content: Uint8Array): Promise<FileEntry> {
    const workspace = await this.activate(workspaceId);
    const entry = workspace.files.write(filePath, content);
    workspace.watcher.poke();
    return entry;
  }

  async deleteFile(workspaceId: string, filePath: string): Promise<void> {
    const workspace = await this.activate(workspaceId);
    workspace.files.remove(filePath);
    workspace.watcher.poke();
  }

  async renameFile(workspaceId: string, from: string, to: string): Promise<void> {
    const workspace = await this.activate(workspaceId);
    workspace.files.rename(from, to);
    workspace.watcher.poke();
  }

  async exec(workspaceId: string, request: ExecRequest): Promise<ExecResult> {
    const workspace = await this.runnable(workspaceId);
    return this.tracked(workspace, (track) => runExec(this.runner, this.workspaceRef(workspace), request, this.limits, track));
  }

  async runTests(workspaceId: string, request: RunTestsRequest): Promise<TestRunResult> {
    const workspace = await this.runnable(workspaceId);
    const language = getLanguage(workspace.meta.language);
    if (!this.probe.languages[language.id]) {
      throw new SandboxError("TOOLCHAIN_UNAVAILABLE", `the ${language.displayName} toolchain is not installed on this host`);
    }
    const runsDir = path.join(this.options.dataDir, "runs");
    return this.tracked(workspace, (track) =>
      runTestSuite(this.runner, this.workspaceRef(workspace), language, request, { limits: this.limits, storage: this.storage, runsDir }, track),
    );
  }

  async openPty(workspaceId: string, options: OpenPtyOptions): Promise<PtySession> {
    const workspace = await this.runnable(workspaceId);
    if (workspace.ptys.size >= (this.options.maxRunsPerWorkspace ?? 4)) {
      throw new SandboxError("LIMIT_REACHED", `workspace ${workspaceId} already has ${workspace.ptys.size} terminals open`);
    }
    // Per-process CPU time is generous in a terminal: the wall clock there is the interview.
    const limits = { ...this.limits, cpuTimeSeconds: Math.max(this.limits.cpuTimeSeconds, 3600) };
    const prepared = this.runner.prepareExec(this.workspaceRef(workspace), ["/bin/bash", "--noprofile", "--norc", "-i"], { PS1: "\\w \\$ " }, { terminal: true, limits });
    const session = spawnLocalPty(workspaceId, prepared, options, () => {
      workspace.ptys.delete(session);
      workspace.watcher.poke();
    });
    workspace.ptys.add(session);
    return session;
  }

  async watch(workspaceId: string, options: { signal?: AbortSignal } = {}): Promise<AsyncIterable<FileChangeEvent[]>> {
    const workspace = await this.activate(workspaceId);
    const queue = new AsyncQueue<FileChangeEvent[]>();
    const unsubscribe = workspace.watcher.subscribe((events) => queue.push(events), () => queue.close());
    const stop = () => {
      queue.close();
      unsubscribe();
    };
    if (options.signal?.aborted) stop();
    else options.signal?.addEventListener("abort", stop, { once: true });
    return (async function* () {
      try {
        yield* queue;
      } finally {
        options.signal?.removeEventListener("abort", stop);
        stop();
      }
    })();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const id of [...this.active.keys()]) await this.suspendWorkspace(id).catch(() => undefined);
    await this.probe.cgroups?.dispose().catch(() => undefined);
    await this.release();
  }

  private info(meta: WorkspaceMeta): WorkspaceInfo {
    return {
      id: meta.id,
      language: meta.language,
      provider: "local",
      status: this.active.has(meta.id) ? "active" : "suspended",
      label: meta.label,
      createdAt: meta.createdAt,
      diskBytesLimit: meta.diskBytes,
    };
  }

  private workspaceRef(workspace: ActiveWorkspace) {
    return { root: this.store.rootOf(workspace.meta.id), uid: workspace.meta.uid, gid: workspace.meta.gid };
  }

  /** Loads and mounts a workspace once, however many requests arrive together. */
  private async activate(workspaceId: string): Promise<ActiveWorkspace> {
    if (this.closed) throw new SandboxError("PROVIDER_FAILURE", "the sandbox provider is shut down");
    const existing = this.active.get(requireWorkspaceId(workspaceId));
    if (existing) return existing;
    let pending = this.activating.get(workspaceId);
    if (!pending) {
      pending = (async () => {
        const meta = this.store.load(workspaceId);
        await this.store.mount(workspaceId);
        const files = new WorkspaceFs(this.store.rootOf(workspaceId), this.probe.isRoot ? { uid: meta.uid, gid: meta.gid } : null, this.storage.apiFileBytes);
        const workspace: ActiveWorkspace = { meta, files, watcher: new WorkspaceWatcher(() => files.list(), this.options.watchIntervalMs ?? 250), ptys: new Set(), runs: new Set() };
        this.active.set(workspaceId, workspace);
        return workspace;
      })().finally(() => this.activating.delete(workspaceId));
      this.activating.set(workspaceId, pending);
    }
    return pending;
  }

  private async runnable(workspaceId: string): Promise<ActiveWorkspace> {
    if (this.report.level !== "full" && !this.options.allowWeakIsolation) {
      throw new SandboxError("ISOLATION_UNAVAILABLE", `this host cannot fully isolate code (${this.report.problems.join("; ")}); set SANDBOX_ALLOW_WEAK_ISOLATION=1 to run anyway on a development machine`);
    }
    return this.activate(workspaceId);
  }

  private async tracked<T>(workspace: ActiveWorkspace, action: (track: (prepared: PreparedCommand) => void) => Promise<T>): Promise<T> {
    const max = this.options.maxRunsPerWorkspace ?? 4;
    if (workspace.runs.size >= max) throw new SandboxError("LIMIT_REACHED", `workspace ${workspace.meta.id} already runs ${max} commands`);
    const mine: PreparedCommand[] = [];
    try {
      return await action((prepared) => {
        mine.push(prepared);
        workspace.runs.add(prepared);
      });
    } finally {
      for (const prepared of mine) workspace.runs.delete(prepared);
      workspace.watcher.poke();
    }
  }

  /** Ends terminals and runs of a workspace and waits until they are gone. */
  private async stopActivity(workspace: ActiveWorkspace): Promise<void> {
    const exits = [...workspace.ptys].map((pty) => new Promise<void>((resolve) => pty.onExit(() => resolve())));
    for (const pty of workspace.ptys) pty.kill();
    for (const run of workspace.runs) run.cgroup?.kill();
    await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 3000))]);
    const deadline = Date.now() + 3000;
    while (workspace.runs.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function removeHalfCreatedWorkspaces(store: WorkspaceStore): Promise<void> {
  for (const id of store.ids()) {
    if (!fs.existsSync(path.join(store.workspacesDir, id, "meta.json"))) await store.destroy(id).catch(() => undefined);
  }
}
