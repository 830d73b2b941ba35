import nodePty from "node-pty";
import os from "node:os";
import { newRunId } from "../ids.ts";
import type { PtySession } from "../provider.ts";
import { PtyListeners } from "../pty-listeners.ts";
import type { PreparedCommand } from "./sandbox-runner.ts";

// A terminal: node-pty runs the launcher chain (bwrap without --new-session, so the shell
// gets the terminal as its controlling tty: job control, Ctrl-C and SIGWINCH work).
// Killing goes through cgroup.kill; the launcher outlives the tree, reaps it and exits, and
// only then is the session reported as ended.

const SIGNAL_NAMES = new Map(Object.entries(os.constants.signals).map(([name, number]) => [number, name]));

export function spawnLocalPty(workspaceId: string, prepared: PreparedCommand, size: { cols: number; rows: number }, onClosed: () => void): PtySession {
  let terminal: nodePty.IPty;
  try {
    terminal = nodePty.spawn(prepared.file, prepared.args, {
      name: "xterm-256color",
      cols: size.cols,
      rows: size.rows,
      cwd: prepared.cwd,
      env: { PATH: "/usr/bin:/bin" },
    });
  } catch (error) {
    void prepared.cgroup?.remove().catch(() => undefined);
    prepared.cleanup();
    throw error;
  }
  const listeners = new PtyListeners();
  terminal.onData((data) => listeners.emitData(data));
  terminal.onExit(async ({ exitCode, signal }) => {
    if (prepared.cgroup) {
      prepared.cgroup.kill(); // anything the shell left running in the background
      await prepared.cgroup.waitUntilEmpty(2000);
      await prepared.cgroup.remove().catch(() => undefined);
    }
    prepared.cleanup();
    const bySignal = exitCode > 128 && exitCode < 160 ? (SIGNAL_NAMES.get(exitCode - 128) ?? null) : null;
    onClosed();
    listeners.emitExit({ exitCode, signal: signal ? (SIGNAL_NAMES.get(signal) ?? String(signal)) : bySignal });
  });

  return {
    id: `pty_${newRunId().slice(4)}`,
    workspaceId,
    write: (data) => {
      if (!listeners.exited) terminal.write(data);
    },
    resize: (cols, rows) => {
      if (!listeners.exited) terminal.resize(cols, rows);
    },
    kill: () => {
      if (listeners.exited) return;
      if (prepared.cgroup) prepared.cgroup.kill();
      else terminal.kill("SIGTERM"); // the launcher forwards it as SIGKILL to the tree
    },
    onData: (listener) => listeners.onData(listener),
    onExit: (listener) => listeners.onExit(listener),
    pause: () => terminal.pause(),
    resume: () => terminal.resume(),
  };
}
