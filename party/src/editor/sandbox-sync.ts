// Sandbox → editor. The sandbox's change stream (watchFiles) reports files created,
// modified or deleted by anything — the terminal, a script, `git checkout`. For each change
// the room did not cause itself, it reads the file and applies the difference to the Y.Text
// (origin SANDBOX_ORIGIN, which the mirror ignores, so nothing echoes back). `reconcile`
// compares everything at once: at start (also the first fill of an empty document) and
// whenever the change stream had to reconnect, since changes in between were not seen.
// A workspace the sandbox lost (wiped data, an expired remote sandbox) is recreated under its
// id and filled from the document — the last state the room knows — before anything is
// compared, so the loss never empties the editor.
import { SandboxRequestError, type FileChangeEvent } from "@interviewlm/sandbox/client";
import * as Y from "yjs";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import type { Recorder } from "../recording/recorder.ts";
import { SANDBOX_ORIGIN, type EditorDoc, type FilesMap } from "./editor-doc.ts";
import type { EditorMirror } from "./mirror.ts";
import { isNotFound, isWorkspaceLost, type SandboxRef } from "./sandbox-ref.ts";
import { applyTextChange } from "./text-diff.ts";
import { isEditorCandidate, isIgnoredPath } from "./workspace-paths.ts";
import { MAX_EDITOR_FILE_BYTES } from "../limits.ts";

export interface SandboxSyncDeps {
  doc: EditorDoc;
  files: FilesMap;
  mirror: EditorMirror;
  sandbox: () => SandboxRef | null;
  recorder: Recorder;
  log: Logger;
  /** The change stream closed: the room reconnects later (and reconciles). */
  onWatchLost: () => void;
  /** Whether a lost workspace may be recreated now (not once the interview is over). */
  canRecover: () => boolean;
  /** The lost workspace was recreated from the document: reopen what used it. */
  onRecovered: () => void;
}

type Change = { path: string; content: string | null };

export class SandboxSync {
  private watcher: { close(): void } | null = null;
  private stopped = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: SandboxSyncDeps) {}

  /** Makes the editor match the sandbox, except paths with unwritten editor changes. */
  async reconcile(): Promise<void> {
    const sandbox = this.deps.sandbox();
    if (!sandbox) return;
    await this.recoverIfLost(sandbox);
    await this.deps.mirror.flush();
    const entries = await sandbox.client.listFiles(sandbox.workspaceId);
    const contents = new Map<string, string>();
    for (const entry of entries) {
      if (!isEditorCandidate(entry)) continue;
      const content = await this.readText(sandbox, entry.path);
      if (typeof content === "string") contents.set(entry.path, content);
    }
    const changes: Change[] = [...contents].map(([path, content]) => ({ path, content }));
    for (const path of this.deps.files.keys()) if (!contents.has(path)) changes.push({ path, content: null });
    this.applyChanges(changes);
  }

  private async recoverIfLost(sandbox: SandboxRef): Promise<void> {
    try {
      await sandbox.client.getWorkspace(sandbox.workspaceId);
    } catch (error) {
      if (!isWorkspaceLost(error) || !this.deps.canRecover()) throw error;
      await this.recover(sandbox);
    }
  }

  /** Recreates the workspace under its id with every file of the document. */
  private async recover(sandbox: SandboxRef): Promise<void> {
    const files = [...this.deps.files.entries()].map(([path, text]) => ({ path, content: text.toString() }));
    try {
      await sandbox.client.recreateWorkspace(sandbox.workspaceId, { language: sandbox.language, files, label: "recovered" });
    } catch (error) {
      // Recreated meanwhile (another attempt won): its content is the document's too.
      if (!(error instanceof SandboxRequestError && error.code === "ALREADY_EXISTS")) throw error;
    }
    for (const file of files) this.deps.mirror.noteSynced(file.path, file.content);
    this.deps.log.warn("workspace.recovered", { workspaceId: sandbox.workspaceId, files: files.length });
    this.deps.onRecovered();
  }

  /** Opens the change stream; call `start` again after `onWatchLost`. */
  async start(): Promise<void> {
    const sandbox = this.deps.sandbox();
    if (!sandbox || this.watcher || this.stopped) return;
    const watcher = await sandbox.client.watchFiles(sandbox.workspaceId);
    if (this.stopped) return watcher.close();
    this.watcher = watcher;
    watcher.onChanges((events) => {
      this.queue = this.queue.then(() => this.handle(sandbox, events)).catch((error: unknown) => this.deps.log.warn("sandbox_sync.failed", { message: errorMessage(error) }));
    });
    void watcher.closed.then(() => {
      if (this.watcher !== watcher) return;
      this.watcher = null;
      if (!this.stopped) this.deps.onWatchLost();
    });
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    this.watcher = null;
  }

  /** Replaces the whole workspace (next question): sandbox first, then the editor in one transaction. */
  async replaceAll(files: { path: string; content: string }[]): Promise<void> {
    const sandbox = this.deps.sandbox();
    if (!sandbox) throw new Error("the session has no sandbox workspace");
    await this.queue;
    await this.deps.mirror.reset();
    for (const entry of await sandbox.client.listFiles(sandbox.workspaceId)) {
      if (entry.type !== "file") continue;
      try {
        await sandbox.client.deleteFile(sandbox.workspaceId, entry.path);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    for (const file of files) await sandbox.client.writeFile(sandbox.workspaceId, file.path, file.content);
    const next = new Map(files.map((file) => [file.path, file.content]));
    const removed = [...this.deps.files.keys()].filter((path) => !next.has(path)).map((path) => ({ path, content: null }));
    this.applyChanges([...removed, ...[...next].map(([path, content]) => ({ path, content }))], { force: true });
  }

  private async handle(sandbox: SandboxRef, events: FileChangeEvent[]): Promise<void> {
    const latest = new Map<string, FileChangeEvent>();
    for (const event of events) latest.set(event.path, event);
    const changes: Change[] = [];
    for (const event of latest.values()) {
      if (isIgnoredPath(event.path) || this.deps.mirror.isBusy(event.path)) continue;
      if (event.kind === "deleted") {
        // A deleted directory may be reported alone: its files leave the editor with it.
        for (const path of this.deps.files.keys()) if (path === event.path || path.startsWith(`${event.path}/`)) changes.push({ path, content: null });
      }
      else if (event.type === "file") {
        const content = await this.readText(sandbox, event.path);
        if (content === undefined) changes.push({ path: event.path, content: null });
        else if (content !== null && content !== this.deps.mirror.syncedContent(event.path)) changes.push({ path: event.path, content });
      }
    }
    this.applyChanges(changes);
  }

  /** Text content; null when binary or too large; undefined when the file is gone. */
  private async readText(sandbox: SandboxRef, path: string): Promise<string | null | undefined> {
    try {
      const file = await sandbox.client.readFile(sandbox.workspaceId, path);
      return file.encoding === "utf8" && file.size <= MAX_EDITOR_FILE_BYTES ? file.content : null;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** One transaction for all changes; re-checks busy paths, since the editor may have moved on during the reads. */
  private applyChanges(changes: Change[], options: { force?: boolean } = {}): void {
    const applied: { path: string; kind: "created" | "modified" | "deleted" }[] = [];
    this.deps.doc.transact(() => {
      for (const { path, content } of changes) {
        if (!options.force && this.deps.mirror.isBusy(path)) continue;
        this.deps.mirror.noteSynced(path, content);
        const text = this.deps.files.get(path);
        if (content === null) {
          if (!text) continue;
          this.deps.files.delete(path);
          applied.push({ path, kind: "deleted" });
        } else if (!text) {
          this.deps.files.set(path, new Y.Text(content));
          applied.push({ path, kind: "created" });
        } else if (applyTextChange(text, content)) {
          applied.push({ path, kind: "modified" });
        }
      }
    }, SANDBOX_ORIGIN);
    for (const change of applied) this.deps.recorder.record("file.sync", "room", { ...change, origin: "sandbox" });
  }
}
