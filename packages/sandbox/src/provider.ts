import type {
  CreateWorkspaceRequest,
  ExecRequest,
  ExecResult,
  FileChangeEvent,
  FileEntry,
  IsolationReport,
  RunTestsRequest,
  SnapshotInfo,
  TestRunResult,
  WorkspaceInfo,
} from "./api/schemas.ts";

export type ProviderKind = "local" | "modal";

/** An interactive terminal in a workspace. Output is UTF-8 text as the terminal produced it. */
export interface PtySession {
  readonly id: string;
  readonly workspaceId: string;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Ends the terminal and everything started from it. */
  kill(): void;
  onData(listener: (data: string) => void): () => void;
  onExit(listener: (exit: { exitCode: number | null; signal: string | null }) => void): () => void;
  /** Pause/resume reading output (flow control for slow consumers). */
  pause(): void;
  resume(): void;
}

export interface OpenPtyOptions {
  cols: number;
  rows: number;
}

/**
 * One interface over every place candidate code can run. All paths are workspace-relative
 * (see workspace-path.ts). Errors are SandboxError with a code.
 *
 * File changes: `watch` yields batches of change events (created / modified / deleted, with
 * the path), whatever made the change — the file API, an exec, a test run or the terminal.
 * `listFiles` returns size + mtime for every entry, so a consumer can also poll and diff.
 */
export interface SandboxProvider {
  readonly kind: ProviderKind;

  /** What this host enforces; code runs only when level is "full" or weak isolation is allowed. */
  isolation(): IsolationReport;

  /**
   * `options.id` recreates a workspace the provider lost (a wiped data directory, an expired
   * remote sandbox) under the id its users know; ALREADY_EXISTS when it exists.
   */
  createWorkspace(request: CreateWorkspaceRequest, options?: { id?: string }): Promise<WorkspaceInfo>;
  getWorkspace(workspaceId: string): Promise<WorkspaceInfo>;
  /** Makes a suspended workspace ready to run again (after idle reaping or a restart). */
  resumeWorkspace(workspaceId: string): Promise<WorkspaceInfo>;
  /** Releases compute (terminals, watchers, mounts, remote sandboxes); files are kept. */
  suspendWorkspace(workspaceId: string): Promise<void>;
  destroyWorkspace(workspaceId: string): Promise<void>;

  snapshotWorkspace(workspaceId: string): Promise<SnapshotInfo>;
  /** Replaces the workspace's files with a snapshot of the same workspace; ends its terminals. */
  restoreWorkspace(workspaceId: string, snapshotId: string): Promise<WorkspaceInfo>;

  listFiles(workspaceId: string): Promise<FileEntry[]>;
  readFile(workspaceId: string, path: string): Promise<{ content: Uint8Array; entry: FileEntry }>;
  writeFile(workspaceId: string, path: string, content: Uint8Array): Promise<FileEntry>;
  /** Deletes a file, a symlink or a directory tree. */
  deleteFile(workspaceId: string, path: string): Promise<void>;
  renameFile(workspaceId: string, from: string, to: string): Promise<void>;

  exec(workspaceId: string, request: ExecRequest): Promise<ExecResult>;
  runTests(workspaceId: string, request: RunTestsRequest): Promise<TestRunResult>;
  openPty(workspaceId: string, options: OpenPtyOptions): Promise<PtySession>;
  /** Resolves once watching has started: every change after that is reported. Abort to stop. */
  watch(workspaceId: string, options?: { signal?: AbortSignal }): Promise<AsyncIterable<FileChangeEvent[]>>;

  /** Stops everything this provider started (terminals, runs, watchers); workspaces persist. */
  close(): Promise<void>;
}
