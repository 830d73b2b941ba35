import { TOOLCHAIN_ENV } from "../languages/toolchain-env.ts";
import type { ContainerProcess, Sandbox } from "modal";
import { newRunId } from "../ids.ts";
import type { PtySession } from "../provider.ts";
import { PtyListeners } from "../pty-listeners.ts";

// A terminal in a Modal sandbox: an exec with pty: true. Modal's API has no resize or kill for
// an exec, so the shell records its tty and pid first; resize runs `stty -F <tty>` (the kernel
// then signals SIGWINCH to the foreground job) and kill sends SIGHUP then SIGKILL to the shell.

export async function openModalPty(sandbox: Sandbox, workspaceId: string, size: { cols: number; rows: number }, onClosed: () => void): Promise<PtySession> {
  const id = `pty_${newRunId().slice(4)}`;
  const state = `/tmp/.interviewlm-${id}`;
  const script = `echo $$ > ${state}.pid; tty > ${state}.tty; stty cols ${size.cols} rows ${size.rows}; exec /bin/bash --noprofile --norc -i`;
  const process = (await sandbox.exec(["/bin/sh", "-c", script], {
    pty: true,
    mode: "text",
    workdir: "/workspace",
    env: { HOME: "/workspace", TERM: "xterm-256color", LANG: "C.UTF-8", PS1: "\\w \\$ ", ...TOOLCHAIN_ENV },
  })) as ContainerProcess<string>;

  const listeners = new PtyListeners();
  const flow: { paused: { resume: () => void; promise: Promise<void> } | null } = { paused: null };
  let writes = Promise.resolve();
  const helper = (command: string) => sandbox.exec(["/bin/sh", "-c", command]).then((p) => p.wait()).catch(() => undefined);

  void (async () => {
    try {
      for await (const chunk of process.stdout as unknown as AsyncIterable<string>) {
        if (flow.paused) await flow.paused.promise;
        listeners.emitData(chunk);
      }
    } catch {
      // the stream ends with the sandbox
    }
    const exitCode = await process.wait().catch(() => null);
    void helper(`rm -f ${state}.pid ${state}.tty`);
    onClosed();
    listeners.emitExit({ exitCode, signal: null });
  })();

  return {
    id,
    workspaceId,
    write: (data) => {
      if (listeners.exited) return;
      writes = writes.then(() => process.stdin.writeText(data)).catch(() => undefined);
    },
    resize: (cols, rows) => {
      if (!listeners.exited) void helper(`stty -F "$(cat ${state}.tty)" cols ${Math.floor(cols)} rows ${Math.floor(rows)}`);
    },
    kill: () => {
      if (!listeners.exited) void helper(`p=$(cat ${state}.pid) && kill -HUP $p; sleep 0.2; kill -KILL $p 2>/dev/null; true`);
    },
    onData: (listener) => listeners.onData(listener),
    onExit: (listener) => listeners.onExit(listener),
    pause: () => {
      if (flow.paused) return;
      let resume = () => undefined as void;
      const promise = new Promise<void>((resolve) => (resume = resolve));
      flow.paused = { resume, promise };
    },
    resume: () => {
      flow.paused?.resume();
      flow.paused = null;
    },
  };
}
