// Editor → sandbox. Every change to `files` that did not come from the sandbox marks its
// path dirty — in storage too, in the same turn, so a restart still writes it — and dirty
// paths are written after typing pauses (debounced, with a maximum wait). A path deleted and
// another created with the same content in one go is a rename. `synced` remembers what the
// sandbox holds for each path, so the sandbox watcher can tell the room's own writes echoing
// back from real changes made in the terminal.
import type * as Y from "yjs";
import { MIRROR_DEBOUNCE_MS, MIRROR_MAX_WAIT_MS } from "../limits.ts";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import type { Recorder } from "../recording/recorder.ts";
import { guard, type Storage } from "../storage.ts";
import { SANDBOX_ORIGIN, type FilesMap } from "./editor-doc.ts";
import { isNotFound, isPermanentSandboxError, type SandboxRef } from "./sandbox-ref.ts";

const DIRTY_PREFIX = "mirrordirty:";
const MAX_FLUSH_ROUNDS = 5;

export interface MirrorDeps {
  files: FilesMap;
  storage: Storage;
  sandbox: () => SandboxRef | null;
  recorder: Recorder;
  log: Logger;
  /** Called when writing failed for a reason that may pass; the room retries later. */
  onRetryNeeded: () => void;
}

export class EditorMirror {
  /** path → content the sandbox is known to hold. */
  private readonly synced = new Map<string, string>();
  /** path → version; bumped by each edit, so a write clears only the version it wrote. */
  private readonly dirty = new Map<string, number>();
  private readonly writing = new Set<string>();
  private version = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt: number | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: MirrorDeps) {
    deps.files.observeDeep(this.onChange);
  }

  detach(): void {
    this.deps.files.unobserveDeep(this.onChange);
    if (this.timer) clearTimeout(this.timer);
  }

  async load(): Promise<void> {
    const stored = await this.deps.storage.list({ prefix: DIRTY_PREFIX });
    for (const key of stored.keys()) this.dirty.set(key.slice(DIRTY_PREFIX.length), ++this.version);
    if (this.dirty.size > 0) this.schedule();
  }

  /** Edited in the editor and not yet written (or being written): the editor's content wins. */
  isBusy(path: string): boolean {
    return this.dirty.has(path) || this.writing.has(path);
  }

  syncedContent(path: string): string | undefined {
    return this.synced.get(path);
  }

  /** The sandbox holds `content` for `path` (null: it has no such file). */
  noteSynced(path: string, content: string | null): void {
    if (content === null) this.synced.delete(path);
    else this.synced.set(path, content);
  }

  /** Forgets everything (the workspace is being replaced): pending edits are dropped, a running write finishes first. */
  async reset(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    for (const path of this.dirty.keys()) guard(this.deps.storage.delete(DIRTY_PREFIX + path));
    this.dirty.clear();
    this.synced.clear();
  }

  /** Writes every dirty path now; throws if the sandbox could not take them. */
  async flush(): Promise<void> {
    for (let round = 0; round < MAX_FLUSH_ROUNDS && (this.dirty.size > 0 || this.running); round++) {
      await (this.running ?? this.writeDirty());
    }
    if (this.dirty.size > 0) throw new Error(`${this.dirty.size} editor file(s) could not be written to the sandbox`);
  }

  private readonly onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction): void => {
    if (transaction.origin === SANDBOX_ORIGIN) return;
    for (const event of events) {
      if (event.target === this.deps.files) for (const key of event.changes.keys.keys()) this.markDirty(key);
      else if (typeof event.path[0] === "string") this.markDirty(event.path[0]);
    }
  };

  private markDirty(path: string): void {
    if (!this.dirty.has(path)) guard(this.deps.storage.put(DIRTY_PREFIX + path, 1));
    this.dirty.set(path, ++this.version);
    this.schedule();
  }

  private schedule(delay = MIRROR_DEBOUNCE_MS): void {
    const now = Date.now();
    this.firstDirtyAt ??= now;
    const at = Math.min(now + delay, this.firstDirtyAt + MIRROR_MAX_WAIT_MS);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writeDirty().catch((error: unknown) => {
        this.deps.log.warn("mirror.write_failed", { message: errorMessage(error) });
        this.deps.onRetryNeeded();
      });
    }, Math.max(0, at - now));
  }

  /** Retry entry point for the room's scheduler. */
  retry(): void {
    if (this.dirty.size > 0) this.schedule(0);
  }

  private writeDirty(): Promise<void> {
    this.running ??= this.writeOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async writeOnce(): Promise<void> {
    this.firstDirtyAt = null;
    const sandbox = this.deps.sandbox();
    if (!sandbox || this.dirty.size === 0) return;
    const versions = new Map(this.dirty);
    const present = [...versions.keys()].filter((path) => this.deps.files.has(path));
    const gone = [...versions.keys()].filter((path) => !this.deps.files.has(path));
    const renames = new Map<string, string>();
    for (const to of present) {
      if (this.synced.has(to)) continue;
      const content = this.deps.files.get(to)?.toString();
      const from = gone.find((path) => this.synced.get(path) === content && !renames.has(path));
      if (from !== undefined) renames.set(from, to);
    }
    for (const [from, to] of renames) {
      await this.apply([from, to], versions, async () => {
        await sandbox.client.renameFile(sandbox.workspaceId, from, to);
        const content = this.synced.get(from) ?? "";
        this.synced.delete(from);
        this.synced.set(to, content);
        this.deps.recorder.record("file.sync", "room", { path: from, kind: "deleted", origin: "editor", renamedTo: to });
        this.deps.recorder.record("file.sync", "room", { path: to, kind: "created", origin: "editor", renamedFrom: from });
      });
    }
    for (const path of gone) {
      if (renames.has(path)) continue;
      await this.apply([path], versions, async () => {
        try {
          await sandbox.client.deleteFile(sandbox.workspaceId, path);
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
        this.synced.delete(path);
        this.deps.recorder.record("file.sync", "room", { path, kind: "deleted", origin: "editor" });
      });
    }
    for (const path of present) {
      if ([...renames.values()].includes(path) && this.synced.get(path) === this.deps.files.get(path)?.toString()) continue;
      await this.apply([path], versions, async () => {
        const text = this.deps.files.get(path);
        if (!text) return;
        const content = text.toString();
        const kind = this.synced.has(path) ? "modified" : "created";
        await sandbox.client.writeFile(sandbox.workspaceId, path, content);
        this.synced.set(path, content);
        this.deps.recorder.record("file.sync", "room", { path, kind, origin: "editor" });
      });
    }
  }

  /** Runs one sandbox operation for `paths`; clears them if no newer edit came meanwhile. */
  private async apply(paths: string[], versions: Map<string, number>, operation: () => Promise<void>): Promise<void> {
    for (const path of paths) this.writing.add(path);
    try {
      await operation();
    } catch (error) {
      if (!isPermanentSandboxError(error)) throw error;
      this.deps.log.warn("mirror.refused", { paths, message: errorMessage(error) });
    } finally {
      for (const path of paths) this.writing.delete(path);
    }
    for (const path of paths) {
      if (this.dirty.get(path) !== versions.get(path)) continue;
      this.dirty.delete(path);
      guard(this.deps.storage.delete(DIRTY_PREFIX + path));
    }
  }
}
