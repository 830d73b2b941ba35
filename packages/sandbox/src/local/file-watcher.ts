import type { FileChangeEvent } from "../api/schemas.ts";
import type { ScannedEntry } from "./safe-fs.ts";

// File-change stream for one workspace, by polling: a descriptor-safe tree scan (see
// safe-fs.ts) compared with the previous one. inotify would be cheaper, but fs.watch
// resolves paths on the host and would follow links the sandbox plants. Scans run only while
// someone listens, every `intervalMs`, and right away after the provider knows something
// changed (an exec or a file API call finished).

export class WorkspaceWatcher {
  private readonly listeners = new Map<(events: FileChangeEvent[]) => void, () => void>();
  private previous: Map<string, ScannedEntry> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;

  constructor(
    private readonly scan: () => ScannedEntry[],
    private readonly intervalMs: number,
  ) {}

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** `onEnd` runs when the watcher stops (workspace suspended or destroyed). */
  subscribe(listener: (events: FileChangeEvent[]) => void, onEnd: () => void = () => undefined): () => void {
    this.listeners.set(listener, onEnd);
    if (!this.timer) {
      this.previous = this.snapshot();
      this.timer = setInterval(() => this.check(), this.intervalMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Scan soon (coalesces bursts of changes). */
  poke(): void {
    if (!this.timer || this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.check();
    }, 10).unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.previous = null;
    const ends = [...this.listeners.values()];
    this.listeners.clear();
    for (const end of ends) end();
  }

  private snapshot(): Map<string, ScannedEntry> {
    try {
      return new Map(this.scan().map((entry) => [entry.path, entry]));
    } catch {
      return new Map(); // storage went away (suspended or destroyed)
    }
  }

  private check(): void {
    if (!this.previous) return;
    const next = this.snapshot();
    const events = diffScans(this.previous, next);
    this.previous = next;
    if (events.length === 0) return;
    for (const listener of this.listeners.keys()) listener(events);
  }
}

export function diffScans(before: Map<string, ScannedEntry>, after: Map<string, ScannedEntry>): FileChangeEvent[] {
  const events: FileChangeEvent[] = [];
  for (const [path, entry] of after) {
    const old = before.get(path);
    if (!old) {
      events.push({ path, kind: "created", type: entry.type });
    } else if (old.type !== entry.type) {
      events.push({ path, kind: "deleted", type: old.type }, { path, kind: "created", type: entry.type });
    } else if (entry.type !== "directory" && old.changeKey !== entry.changeKey) {
      events.push({ path, kind: "modified", type: entry.type });
    }
  }
  for (const [path, entry] of before) {
    if (!after.has(path)) events.push({ path, kind: "deleted", type: entry.type });
  }
  return events;
}
