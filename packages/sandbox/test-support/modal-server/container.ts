import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import type { RunCgroup } from "../../src/local/cgroups.ts";
import { ensureIdentityFiles } from "../../src/local/host-runtime.ts";
import { type HostTools, buildSandboxCommand } from "../../src/local/sandbox-command.ts";
import { DEFAULT_LIMITS } from "../../src/limits.ts";
import fs from "node:fs";
import { LAYER_DIRS, type LayerDir } from "./layers.ts";

// A "Modal container" made of the project's local isolation: one bubblewrap sandbox per Modal
// sandbox (the launcher → env -i → prlimit → setpriv → bwrap chain of
// packages/sandbox/src/local, seccomp, a cgroup with the sandbox's memory/CPU/pids limits)
// whose first process is in-sandbox/agent.py. Every exec runs inside that one sandbox — same
// PID namespace, same /dev/pts, same writable layer — as it does inside a Modal container.
// The writable layer is a host directory per sandbox, bind-mounted at /workspace, /tmp, /opt,
// /usr/local and /root over the host's read-only /usr.

export interface ExecSpec {
  argv: string[];
  env: Record<string, string>;
  cwd: string;
  pty: { rows: number; cols: number } | null;
  timeoutSecs: number | null;
}

export interface ExitStatus {
  code: number | null;
  signal: number | null;
}

/** Output of one exec on one descriptor, addressable by byte offset (the SDK resumes reads at an offset). */
export class OutputBuffer extends EventEmitter {
  private chunks: { offset: number; data: Buffer }[] = [];
  /** Bytes before this offset were read and dropped. */
  private base = 0;
  length = 0;
  ended = false;

  push(data: Buffer): void {
    this.chunks.push({ offset: this.length, data });
    this.length += data.length;
    this.emit("change");
  }

  end(): void {
    this.ended = true;
    this.emit("change");
  }

  /** Bytes from `offset` on, or null when they were already dropped. */
  readFrom(offset: number): Buffer | null {
    if (offset < this.base) return null;
    const parts: Buffer[] = [];
    for (const chunk of this.chunks) {
      const end = chunk.offset + chunk.data.length;
      if (end <= offset) continue;
      parts.push(chunk.data.subarray(Math.max(0, offset - chunk.offset)));
    }
    return Buffer.concat(parts);
  }

  /** A reader got everything before `offset`: keep only the last MiB before it for a resumed read. */
  consumed(offset: number): void {
    const keepFrom = offset - 1024 * 1024;
    while (this.chunks.length > 0 && this.chunks[0]!.offset + this.chunks[0]!.data.length <= keepFrom) {
      const dropped = this.chunks.shift()!;
      this.base = dropped.offset + dropped.data.length;
    }
    this.emit("consumed");
  }

  get unread(): number {
    return this.length - this.base;
  }
}

export class ContainerExec extends EventEmitter {
  readonly stdout = new OutputBuffer();
  readonly stderr = new OutputBuffer();
  status: ExitStatus | null = null;
  stdinWritten = 0;
  stdinClosed = false;
  /** Ended because its container did, not by exiting. */
  lost = false;
  /** The agent was asked to stop reading this command's output (flow control). */
  paused = false;

  constructor(
    readonly id: string,
    readonly pty: boolean,
  ) {
    super();
  }

  finish(status: ExitStatus): void {
    if (this.status) return;
    this.status = status;
    this.stdout.end();
    this.stderr.end();
    this.emit("exit", status);
  }
}

export interface ContainerOptions {
  id: string;
  layer: string;
  uid: number;
  tools: HostTools;
  agentDir: string;
  cgroup: RunCgroup | null;
  workdir: string;
}

const decoderless = (value: string) => Buffer.from(value, "base64");

export class LocalContainer extends EventEmitter {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly execs = new Map<string, ContainerExec>();
  private pending = "";
  private readonly ready: Promise<void>;
  /** Set when the container has ended (the agent exited or was killed). */
  exit: { code: number | null; at: number } | null = null;
  lastActivity = Date.now();

  constructor(readonly options: ContainerOptions) {
    super();
    const { tools, uid } = options;
    ensureIdentityFiles(tools.etcDir, uid, uid);
    const binds = (Object.entries(LAYER_DIRS) as [LayerDir, string][]).map(([dir, target]) => ({ source: `${options.layer}/${dir}`, target, writable: true }));
    binds.push({ source: options.agentDir, target: "/__modal/.bin", writable: false });
    const { file, args, cwd } = buildSandboxCommand(
      {
        argv: ["/usr/bin/python3", "-IS", "/__modal/.bin/agent.py"],
        cwd: options.workdir,
        env: {},
        binds,
        scratchDirs: [],
        // The agent lives as long as the sandbox; per-command limits are the caller's (prlimit in the exec).
        limits: { ...DEFAULT_LIMITS, cpuTimeSeconds: 7 * 24 * 3600, maxFileBytes: 1024 ** 4 },
        user: { uid, gid: uid },
        newSession: true,
        cgroupProcs: options.cgroup?.procsFiles ?? [],
      },
      tools,
      (p) => fs.existsSync(p),
    );
    this.child = spawn(file, args, { cwd, env: { PATH: "/usr/bin:/bin" }, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    this.child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    this.ready = new Promise((resolve, reject) => {
      this.once("ready", resolve);
      this.child.once("exit", () => reject(new Error(`the sandbox did not start: ${stderr.trim()}`)));
    });
    this.ready.catch(() => undefined);
    this.child.stdout.on("data", (chunk: Buffer) => this.onAgentOutput(chunk));
    this.child.stdin.on("error", () => undefined);
    this.child.once("exit", (code) => {
      this.exit = { code, at: Date.now() };
      for (const exec of this.execs.values()) {
        exec.lost = true; // its container is gone: there is no exit status to report
        exec.finish({ code: null, signal: null });
      }
      this.execs.clear();
      this.emit("exit", code);
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  get running(): boolean {
    return this.exit === null;
  }

  start(id: string, spec: ExecSpec): ContainerExec {
    if (!this.running) throw new Error("the sandbox has finished");
    const exec = new ContainerExec(id, spec.pty !== null);
    this.execs.set(id, exec);
    for (const buffer of [exec.stdout, exec.stderr]) buffer.on("consumed", () => this.flowControl(exec));
    this.send({ op: "exec", id, argv: spec.argv, env: spec.env, cwd: spec.cwd, pty: spec.pty, timeout: spec.timeoutSecs });
    this.lastActivity = Date.now();
    return exec;
  }

  writeStdin(exec: ContainerExec, data: Uint8Array, eof: boolean): void {
    if (exec.stdinClosed) return;
    exec.stdinWritten += data.length;
    if (eof) exec.stdinClosed = true;
    this.send({ op: "stdin", id: exec.id, data: Buffer.from(data).toString("base64"), eof });
    this.lastActivity = Date.now();
  }

  /** Ends the container and everything in it; resolves when the agent is gone. */
  async terminate(): Promise<void> {
    if (!this.running) return;
    const gone = new Promise<void>((resolve) => this.once("exit", () => resolve()));
    if (this.options.cgroup) this.options.cgroup.kill();
    else this.child.kill("SIGTERM"); // the launcher forwards it as SIGKILL to the tree
    this.child.stdin.end();
    await gone;
  }

  private send(message: unknown): void {
    this.child.stdin.write(`${JSON.stringify(message)}\n`);
  }

  private onAgentOutput(chunk: Buffer): void {
    this.pending += chunk.toString("latin1");
    let newline: number;
    while ((newline = this.pending.indexOf("\n")) >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      const event = JSON.parse(line) as { ev: string; id?: string; fd?: number; data?: string; code?: number | null; signal?: number | null };
      if (event.ev === "ready") {
        this.emit("ready");
        continue;
      }
      const exec = this.execs.get(event.id ?? "");
      if (!exec) continue;
      if (event.ev === "out") {
        (event.fd === 2 ? exec.stderr : exec.stdout).push(decoderless(event.data ?? ""));
        this.flowControl(exec);
      } else if (event.ev === "exit") {
        exec.finish({ code: event.code ?? null, signal: event.signal ?? null });
        this.execs.delete(exec.id);
      }
    }
  }

  /**
   * Per-exec flow control: while more than 8 MiB of a command's output waits for its readers,
   * the agent stops reading that command's pipes, so a flooding command blocks on its own
   * output (as it would on Modal) while other execs — e.g. the one that kills it — go on.
   */
  private flowControl(exec: ContainerExec): void {
    if (exec.status || !this.running) return;
    const unread = exec.stdout.unread + exec.stderr.unread;
    if (!exec.paused && unread > 8 * 1024 * 1024) {
      exec.paused = true;
      this.send({ op: "pause", id: exec.id });
    } else if (exec.paused && unread < 4 * 1024 * 1024) {
      exec.paused = false;
      this.send({ op: "resume", id: exec.id });
    }
  }
}
