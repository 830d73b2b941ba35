import type { SandboxProvider } from "@interviewlm/sandbox";

// Which workspaces are in use, and reaping of the idle ones: a workspace with no open
// terminal or file-events socket and no request for `idleTtlMs` is suspended (its compute
// released; files kept, so the next request resumes it).

interface Activity {
  lastActiveAt: number;
  connections: number;
}

export class WorkspaceActivity {
  private readonly workspaces = new Map<string, Activity>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly provider: SandboxProvider,
    private readonly idleTtlMs: number,
    private readonly onReaped: (workspaceId: string) => void,
  ) {}

  get activeCount(): number {
    return this.workspaces.size;
  }

  touch(workspaceId: string): void {
    const activity = this.workspaces.get(workspaceId);
    if (activity) activity.lastActiveAt = Date.now();
    else this.workspaces.set(workspaceId, { lastActiveAt: Date.now(), connections: 0 });
  }

  /** A long-lived connection keeps the workspace from being reaped until released. */
  hold(workspaceId: string): () => void {
    this.touch(workspaceId);
    const activity = this.workspaces.get(workspaceId) as Activity;
    activity.connections += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      activity.connections -= 1;
      activity.lastActiveAt = Date.now();
    };
  }

  forget(workspaceId: string): void {
    this.workspaces.delete(workspaceId);
  }

  start(intervalMs = Math.min(60_000, Math.max(1000, this.idleTtlMs / 4))): void {
    this.timer = setInterval(() => void this.reapIdle(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async reapIdle(now = Date.now()): Promise<string[]> {
    const reaped: string[] = [];
    for (const [workspaceId, activity] of this.workspaces) {
      if (activity.connections > 0 || now - activity.lastActiveAt < this.idleTtlMs) continue;
      this.workspaces.delete(workspaceId);
      try {
        await this.provider.suspendWorkspace(workspaceId);
        reaped.push(workspaceId);
        this.onReaped(workspaceId);
      } catch {
        // destroyed meanwhile: nothing to release
      }
    }
    return reaped;
  }
}
