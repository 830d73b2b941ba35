import { TOOLCHAIN_ENV } from "../languages/toolchain-env.ts";
import { type App, ModalClient, type Image, type Sandbox } from "modal";
import {
  CreateWorkspaceRequestSchema,
  ExecRequestSchema,
  RunTestsRequestSchema,
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
import { SandboxError } from "../errors.ts";
import { toExecResult } from "../exec-result.ts";
import { decodeFileInput } from "../file-content.ts";
import { newSnapshotId, newWorkspaceIdFrom, requireWorkspaceId } from "../ids.ts";
import { LANGUAGES, getLanguage } from "../languages/index.ts";
import { clampTimeout, DEFAULT_LIMITS, DEFAULT_STORAGE_LIMITS, type ResourceLimits, type StorageLimits } from "../limits.ts";
import type { OpenPtyOptions, PtySession, SandboxProvider } from "../provider.ts";
import { fromModalError } from "./modal-errors.ts";
import { deleteModalFile, listModalFiles, readModalFile, renameModalFile, writeModalFile } from "./modal-files.ts";
import { LanguageImages } from "./modal-images.ts";
import { runModalTests, watchModalFiles } from "./modal-operations.ts";
import { limitedArgv, runInSandbox } from "./modal-process.ts";
import { openModalPty } from "./modal-pty.ts";
import { secretRunResult } from "../secret-tests/secret-result.ts";
import { type WorkspaceRecord, WorkspaceIndex } from "./workspace-index.ts";

// Workspaces as Modal Sandboxes (gVisor): one sandbox per workspace from its language's image,
// network blocked, CPU and memory limited by Modal. A sandbox that idles out or is suspended
// keeps its files in a filesystem image (exit snapshot, or the image taken on suspend) and the
// next request starts a new sandbox from it.

export interface ModalProviderOptions {
  appName: string;
  tokenId: string;
  tokenSecret: string;
  environment?: string;
  /** Where the workspace index lives (see workspace-index.ts). */
  dataDir: string;
  limits?: Partial<ResourceLimits>;
  storage?: Partial<StorageLimits>;
  /** Modal terminates a sandbox idle this long; terminals and watchers renew it. */
  idleTimeoutMs?: number;
  logger?: Pick<Logger, "info" | "warn">;
}

interface LiveWorkspace {
  record: WorkspaceRecord;
  sandbox: Sandbox;
  checkedAt: number;
  ptys: Set<PtySession>;
  holds: number;
  heartbeat: NodeJS.Timeout | null;
}

const MAX_LIFETIME_MS = 24 * 60 * 60 * 1000;
const RECHECK_AFTER_MS = 10_000;

export class ModalProvider implements SandboxProvider {
  readonly kind = "modal" as const;
  private readonly live = new Map<string, LiveWorkspace>();
  private readonly images: LanguageImages;
  private readonly index: WorkspaceIndex;
  private readonly limits: ResourceLimits;
  private readonly storage: StorageLimits;
  private readonly idleTimeoutMs: number;

  private constructor(
    private readonly client: ModalClient,
    private readonly app: App,
    options: ModalProviderOptions,
  ) {
    this.images = new LanguageImages(client);
    this.index = new WorkspaceIndex(options.dataDir);
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.storage = { ...DEFAULT_STORAGE_LIMITS, ...options.storage };
    this.idleTimeoutMs = options.idleTimeoutMs ?? 15 * 60 * 1000;
  }

  static async start(options: ModalProviderOptions): Promise<ModalProvider> {
    const client = new ModalClient({ tokenId: options.tokenId, tokenSecret: options.tokenSecret, environment: options.environment });
    const app = await client.apps.fromName(options.appName, { createIfMissing: true, environment: options.environment });
    (options.logger ?? createLogger({ service: "sandbox" })).info("sandbox.provider", { provider: "modal", app: options.appName, appId: app.appId });
    return new ModalProvider(client, app, options);
  }

  isolation(): IsolationReport {
    return {
      level: "full",
      enforced: { gvisor: true, noNetwork: true, cgroupLimits: true, processLimits: true, emptyEnvironment: true, diskQuota: false },
      problems: ["per-workspace disk quota is managed by Modal, not configurable here"],
      languages: Object.fromEntries(Object.keys(LANGUAGES).map((id) => [id, true])),
    };
  }

  async createWorkspace(request: CreateWorkspaceRequest, options: { id?: string } = {}): Promise<WorkspaceInfo> {
    const input = CreateWorkspaceRequestSchema.parse(request);
    const language = getLanguage(input.language);
    if (input.files.length > this.storage.maxInitialFiles) throw new SandboxError("INVALID_REQUEST", `a workspace starts with at most ${this.storage.maxInitialFiles} files`);
    const files = input.files.map((file) => decodeFileInput(file, this.storage.apiFileBytes));
    const id = newWorkspaceIdFrom(options.id);
    if (this.index.exists(id)) throw new SandboxError("ALREADY_EXISTS", `workspace ${id} already exists`);
    const sandbox = await this.startSandbox(id, language.id, this.images.imageFor(language));
    const record: WorkspaceRecord = { id, language: language.id, label: input.label ?? null, createdAt: new Date().toISOString(), sandboxId: sandbox.sandboxId, suspendImageId: null, snapshots: [] };
    this.index.save(record);
    const workspace = this.track(record, sandbox);
    try {
      for (const file of files) await writeModalFile(sandbox, file.path, file.content, this.storage.apiFileBytes);
    } catch (error) {
      await this.destroyWorkspace(id).catch(() => undefined);
      throw error;
    }
    return this.info(workspace.record);
  }

  async getWorkspace(workspaceId: string): Promise<WorkspaceInfo> {
    return this.info(this.index.load(requireWorkspaceId(workspaceId)));
  }

  async resumeWorkspace(workspaceId: string): Promise<WorkspaceInfo> {
    return this.info((await this.running(workspaceId)).record);
  }

  async suspendWorkspace(workspaceId: string): Promise<void> {
    const workspace = this.live.get(requireWorkspaceId(workspaceId));
    if (!workspace) return;
    this.forget(workspace);
    try {
      const image = await workspace.sandbox.snapshotFilesystem();
      workspace.record.suspendImageId = image.imageId;
      this.index.save(workspace.record);
    } finally {
      await workspace.sandbox.terminate().catch(() => undefined);
    }
  }

  async destroyWorkspace(workspaceId: string): Promise<void> {
    const record = this.index.load(requireWorkspaceId(workspaceId));
    const workspace = this.live.get(workspaceId);
    if (workspace) this.forget(workspace);
    const sandbox = workspace?.sandbox ?? (await this.client.sandboxes.fromId(record.sandboxId).catch(() => null));
    await sandbox?.terminate().catch(() => undefined);
    this.index.remove(workspaceId);
  }

  async snapshotWorkspace(workspaceId: string): Promise<SnapshotInfo> {
    const { workspace, image } = await this.onSandbox(workspaceId, async (workspace) => ({
      workspace,
      image: await workspace.sandbox.snapshotFilesystem().catch((error: unknown) => Promise.reject(fromModalError(error, null))),
    }));
    const snapshot = { id: newSnapshotId(), imageId: image.imageId, createdAt: new Date().toISOString() };
    workspace.record.snapshots.push(snapshot);
    this.index.save(workspace.record);
    return { id: snapshot.id, workspaceId, createdAt: snapshot.createdAt };
  }

  async restoreWorkspace(workspaceId: string, snapshotId: string): Promise<WorkspaceInfo> {
    const record = this.index.load(requireWorkspaceId(workspaceId));
    const snapshot = record.snapshots.find((s) => s.id === snapshotId);
    if (!snapshot) throw new SandboxError("SNAPSHOT_NOT_FOUND", `snapshot "${snapshotId}" of workspace "${workspaceId}" does not exist`);
    const image = await this.client.images.fromId(snapshot.imageId).catch(() => {
      throw new SandboxError("SNAPSHOT_NOT_FOUND", `the image of snapshot "${snapshotId}" no longer exists on Modal`);
    });
    const current = this.live.get(workspaceId);
    if (current) this.forget(current);
    const old = current?.sandbox ?? (await this.client.sandboxes.fromId(record.sandboxId).catch(() => null));
    await old?.terminate().catch(() => undefined);
    const sandbox = await this.startSandbox(workspaceId, record.language, image);
    record.sandboxId = sandbox.sandboxId;
    this.index.save(record);
    return this.info(this.track(record, sandbox).record);
  }

  async listFiles(workspaceId: string): Promise<FileEntry[]> {
    return this.onSandbox(workspaceId, ({ sandbox }) => listModalFiles(sandbox));
  }

  async readFile(workspaceId: string, path: string): Promise<{ content: Uint8Array; entry: FileEntry }> {
    return this.onSandbox(workspaceId, ({ sandbox }) => readModalFile(sandbox, path, this.storage.apiFileBytes));
  }

  async writeFile(workspaceId: string, path: string, content: Uint8Array): Promise<FileEntry> {
    return this.onSandbox(workspaceId, ({ sandbox }) => writeModalFile(sandbox, path, content, this.storage.apiFileBytes));
  }

  async deleteFile(workspaceId: string, path: string): Promise<void> {
    await this.onSandbox(workspaceId, ({ sandbox }) => deleteModalFile(sandbox, path));
  }

  async renameFile(workspaceId: string, from: string, to: string): Promise<void> {
    await this.onSandbox(workspaceId, ({ sandbox }) => renameModalFile(sandbox, from, to));
  }

  async exec(workspaceId: string, request: ExecRequest): Promise<ExecResult> {
    const input = ExecRequestSchema.parse(request);
    const argv = typeof input.command === "string" ? ["/bin/sh", "-c", input.command] : input.command;
    const run = await this.onSandbox(workspaceId, ({ sandbox }) =>
      runInSandbox(sandbox, limitedArgv(argv, this.limits), {
        env: { HOME: "/workspace", LANG: "C.UTF-8", ...TOOLCHAIN_ENV, ...input.env },
        stdin: input.stdin === undefined ? undefined : new TextEncoder().encode(input.stdin),
        timeoutMs: clampTimeout(this.limits, input.timeoutMs),
        outputBytes: this.limits.outputBytes,
        workdir: "/workspace",
      }).catch((error: unknown) => Promise.reject(fromModalError(error, null))),
    );
    return toExecResult(run);
  }

  async runTests(workspaceId: string, request: RunTestsRequest): Promise<TestRunResult> {
    const input = RunTestsRequestSchema.parse(request);
    return this.onSandbox(workspaceId, (workspace) => this.runTestsIn(workspace, input));
  }

  private async runTestsIn(workspace: LiveWorkspace, input: ReturnType<typeof RunTestsRequestSchema.parse>): Promise<TestRunResult> {
    const language = getLanguage(workspace.record.language);
    const hidden = input.hiddenTests.map((file) => decodeFileInput(file, this.storage.apiFileBytes));
    const settings = { limits: this.limits, timeoutMs: clampTimeout(this.limits, input.timeoutMs ?? language.defaultTestTimeoutMs), onlyHidden: input.secretTests };
    if (!input.secretTests) return runModalTests(workspace.sandbox, language, hidden, settings);
    // Secret tests never enter the candidate's sandbox, where a terminal could read them and
    // the run could write into /workspace: they run in a throwaway copy of its filesystem.
    const image = await workspace.sandbox.snapshotFilesystem().catch((error: unknown) => Promise.reject(fromModalError(error, null)));
    const copy = await this.startSandbox(workspace.record.id, language.id, image, { exitSnapshot: false });
    try {
      return await secretRunResult(language, hidden, await runModalTests(copy, language, hidden, settings));
    } finally {
      await copy.terminate().catch(() => undefined);
    }
  }

  async openPty(workspaceId: string, options: OpenPtyOptions): Promise<PtySession> {
    const workspace = await this.running(workspaceId);
    const release = this.hold(workspace);
    const session = await openModalPty(workspace.sandbox, workspaceId, options, () => {
      workspace.ptys.delete(session);
      release();
    }).catch((error: unknown) => {
      release();
      throw fromModalError(error, null);
    });
    workspace.ptys.add(session);
    return session;
  }

  async watch(workspaceId: string, options: { signal?: AbortSignal } = {}): Promise<AsyncIterable<FileChangeEvent[]>> {
    const workspace = await this.running(workspaceId);
    const release = this.hold(workspace);
    return watchModalFiles(workspace.sandbox, options.signal, release).catch((error: unknown) => {
      release();
      throw fromModalError(error, null);
    });
  }

  async close(): Promise<void> {
    for (const workspace of this.live.values()) {
      for (const pty of workspace.ptys) pty.kill();
      if (workspace.heartbeat) clearInterval(workspace.heartbeat);
      workspace.sandbox.detach(); // the sandbox keeps running: a restarted service finds it by id
    }
    this.live.clear();
    this.client.close();
  }

  private info(record: WorkspaceRecord): WorkspaceInfo {
    return {
      id: record.id,
      language: record.language,
      provider: "modal",
      status: this.live.has(record.id) ? "active" : "suspended",
      label: record.label,
      createdAt: record.createdAt,
      diskBytesLimit: null,
    };
  }

  private async startSandbox(workspaceId: string, language: string, image: Image, options: { exitSnapshot?: boolean } = {}): Promise<Sandbox> {
    try {
      return await this.client.sandboxes.create(this.app, image, {
        workdir: "/workspace",
        blockNetwork: true,
        cpu: this.limits.cpus,
        cpuLimit: this.limits.cpus,
        memoryMiB: Math.round(this.limits.memoryBytes / 2 / 1024 / 1024),
        memoryLimitMiB: Math.round(this.limits.memoryBytes / 1024 / 1024),
        timeoutMs: MAX_LIFETIME_MS,
        idleTimeoutMs: this.idleTimeoutMs,
        tags: { "interviewlm-workspace": workspaceId, "interviewlm-language": language },
        experimentalOptions: { enable_exit_snapshot: options.exitSnapshot ?? true },
      });
    } catch (error) {
      throw fromModalError(error, null);
    }
  }

  /**
   * Runs `operation` on the workspace's sandbox. A cached sandbox may have ended since it was
   * last checked (killed, preempted, idled out): when the operation fails and the sandbox
   * turns out to have finished, it is restarted from its filesystem image and the operation
   * runs once more — instead of failing every request until the cache is rechecked.
   */
  private async onSandbox<T>(workspaceId: string, operation: (workspace: LiveWorkspace) => Promise<T>): Promise<T> {
    const workspace = await this.running(workspaceId);
    try {
      return await operation(workspace);
    } catch (error) {
      const ended = (await workspace.sandbox.poll().catch(() => 0)) !== null;
      if (!ended) throw error;
      if (this.live.get(workspace.record.id) === workspace) this.forget(workspace);
      return operation(await this.running(workspaceId));
    }
  }

  /** The workspace's running sandbox, starting a new one from its saved filesystem when needed. */
  private async running(workspaceId: string): Promise<LiveWorkspace> {
    const record = this.index.load(requireWorkspaceId(workspaceId));
    const cached = this.live.get(workspaceId);
    if (cached && Date.now() - cached.checkedAt < RECHECK_AFTER_MS) return cached;
    const sandbox = cached?.sandbox ?? (await this.client.sandboxes.fromId(record.sandboxId).catch(() => null));
    if (sandbox && (await sandbox.poll().catch(() => 0)) === null) {
      if (cached) {
        cached.checkedAt = Date.now();
        return cached;
      }
      return this.track(record, sandbox);
    }
    if (cached) this.forget(cached);
    const exitImage = sandbox ? await sandbox.experimentalGetExitSnapshot({ timeoutMs: 60_000 }).catch(() => null) : null;
    const image = exitImage ?? (record.suspendImageId ? await this.client.images.fromId(record.suspendImageId).catch(() => null) : null);
    if (!image) {
      // Its files are gone for good: forget it, so its users can recreate it under the same id.
      this.index.remove(workspaceId);
      throw new SandboxError("WORKSPACE_NOT_FOUND", `workspace ${workspaceId} ended on Modal and no filesystem image of it exists; its files are lost`);
    }
    const restarted = await this.startSandbox(workspaceId, record.language, image);
    record.sandboxId = restarted.sandboxId;
    this.index.save(record);
    return this.track(record, restarted);
  }

  private track(record: WorkspaceRecord, sandbox: Sandbox): LiveWorkspace {
    const workspace: LiveWorkspace = { record, sandbox, checkedAt: Date.now(), ptys: new Set(), holds: 0, heartbeat: null };
    this.live.set(record.id, workspace);
    return workspace;
  }

  private forget(workspace: LiveWorkspace): void {
    for (const pty of workspace.ptys) pty.kill();
    if (workspace.heartbeat) clearInterval(workspace.heartbeat);
    workspace.heartbeat = null;
    this.live.delete(workspace.record.id);
  }

  /** While terminals or watchers are open, renew Modal's idle timeout with a no-op exec. */
  private hold(workspace: LiveWorkspace): () => void {
    workspace.holds += 1;
    if (!workspace.heartbeat) {
      workspace.heartbeat = setInterval(() => void workspace.sandbox.exec(["true"]).then((p) => p.wait()).catch(() => undefined), Math.max(10_000, this.idleTimeoutMs / 3));
      workspace.heartbeat.unref();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      workspace.holds -= 1;
      if (workspace.holds === 0 && workspace.heartbeat) {
        clearInterval(workspace.heartbeat);
        workspace.heartbeat = null;
      }
    };
  }
}
