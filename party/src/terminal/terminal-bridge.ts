// The candidate's terminal: the sandbox PTY, opened by the room and shared with everyone.
// Input and resize come only from the candidate (the role check happens before this).
// Output is coalesced (16 ms / 16 KB) before fan-out, recording and scrollback, and each
// raw piece is stored as it arrives so a restart loses none of it. The PTY id is kept in
// storage: after a room restart the room reattaches and the sandbox replays what the shell
// printed meanwhile. A PTY that exited is reopened by the next keystroke.
import type { TerminalConnection } from "@interviewlm/sandbox/client";
import type { ServerMessage } from "@interviewlm/realtime";
import type { Connections } from "../connections.ts";
import { describeSandboxProblem, isWorkspaceLost, type SandboxRef } from "../editor/sandbox-ref.ts";
import { DEFAULT_TERMINAL_SIZE, TERMINAL_COALESCE_BYTES, TERMINAL_COALESCE_MS } from "../limits.ts";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import { DurableCoalescer } from "../recording/durable-coalescer.ts";
import type { Recorder } from "../recording/recorder.ts";
import { guard, unconfirmed, type Storage } from "../storage.ts";
import { TerminalRecordingCap } from "./recording-cap.ts";
import { outputAfterReplay, Scrollback } from "./scrollback.ts";

type TerminalState = Extract<ServerMessage, { type: "terminal.status" }>["state"];

const PTY_KEY = "term:ptyId";
const SIZE_KEY = "term:size";
const MAX_QUEUED_INPUT = 64;

export interface TerminalDeps {
  storage: Storage;
  sandbox: () => SandboxRef | null;
  recorder: Recorder;
  connections: Connections;
  log: Logger;
  /** Terminal output recorded per session; see recording-cap.ts. */
  recordingLimitChars: number;
  /** The PTY socket dropped (not an exit): the room reattaches after a pause. */
  onLost: () => void;
  /** The sandbox no longer has the workspace: the room recreates it (then reopens the terminal). */
  onWorkspaceLost: () => void;
}

export class TerminalBridge {
  readonly scrollback: Scrollback;
  private readonly recordingCap: TerminalRecordingCap;
  private readonly output: DurableCoalescer;
  private terminal: TerminalConnection | null = null;
  private opening: Promise<boolean> | null = null;
  private ptyId: string | null = null;
  private size: { cols: number; rows: number } = { ...DEFAULT_TERMINAL_SIZE };
  private state: TerminalState = "connecting";
  private message: string | undefined;
  private queuedInput: string[] = [];
  private shutDown = false;

  constructor(private readonly deps: TerminalDeps) {
    // Output writes do not hold the fan-out: output a crash loses from storage is still in the
    // sandbox's replay, and the dedup against the (then older) scrollback lets it through again.
    this.scrollback = new Scrollback(unconfirmed(deps.storage));
    this.recordingCap = new TerminalRecordingCap(deps.storage, deps.recordingLimitChars);
    this.output = new DurableCoalescer(deps.storage, {
      prefix: "termbuf:",
      windowMs: TERMINAL_COALESCE_MS,
      maxChars: TERMINAL_COALESCE_BYTES,
      unconfirmedPieces: true,
      finalize: (_group, pieces) => {
        const data = pieces.join("");
        deps.connections.broadcast({ type: "terminal.output", data });
        this.recordOutput(data);
        this.scrollback.append(data);
      },
    });
  }

  async load(): Promise<void> {
    this.ptyId = (await this.deps.storage.get<string>(PTY_KEY)) ?? null;
    this.size = (await this.deps.storage.get<{ cols: number; rows: number }>(SIZE_KEY)) ?? this.size;
    await this.scrollback.load();
    await this.recordingCap.load();
    await this.output.recover();
  }

  private recordOutput(data: string): void {
    const { record, reachedNow } = this.recordingCap.admit(data);
    if (record) this.deps.recorder.record("terminal.output", "room", { data: record });
    if (reachedNow) {
      this.deps.recorder.record("terminal.truncated", "room", { limitChars: this.recordingCap.limitChars });
      this.deps.log.warn("terminal.recording_truncated", { limitChars: this.recordingCap.limitChars });
    }
  }

  status(): ServerMessage {
    return { type: "terminal.status", state: this.state, ...(this.message ? { message: this.message } : {}) };
  }

  /** Opens the PTY (or reattaches to the stored one); one attempt at a time. True when it is open. */
  open(): Promise<boolean> {
    if (this.terminal || this.shutDown) return Promise.resolve(this.terminal !== null);
    this.opening ??= this.attach().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  input(data: string, actor: string): void {
    this.deps.recorder.record("terminal.input", actor, { data });
    if (this.terminal) return this.terminal.write(data);
    if (this.queuedInput.length < MAX_QUEUED_INPUT) this.queuedInput.push(data);
    void this.open();
  }

  resize(cols: number, rows: number, actor: string): void {
    this.size = { cols, rows };
    guard(this.deps.storage.put(SIZE_KEY, this.size));
    this.deps.recorder.record("terminal.resize", actor, { cols, rows });
    this.terminal?.resize(cols, rows);
  }

  /** The interview is over: detach for good and say so. */
  shutdown(message: string): void {
    this.shutDown = true;
    this.output.flush();
    this.terminal?.close();
    this.terminal = null;
    this.setState("unavailable", message);
  }

  private async attach(): Promise<boolean> {
    const sandbox = this.deps.sandbox();
    if (!sandbox) {
      this.setState("unavailable", "The workspace is not ready yet");
      return false;
    }
    this.setState("connecting");
    let terminal: TerminalConnection;
    const reattachedTo = this.ptyId;
    try {
      terminal = await this.connect(sandbox);
    } catch (error) {
      this.deps.log.warn("terminal.open_failed", { message: errorMessage(error) });
      this.setState("unavailable", describeSandboxProblem(error, "terminal"));
      if (isWorkspaceLost(error)) this.deps.onWorkspaceLost();
      this.deps.onLost();
      return false;
    }
    if (this.shutDown) {
      terminal.close();
      return false;
    }
    this.terminal = terminal;
    let exited = false;
    // A reattached PTY first replays its recent output, most of which the room already has.
    let replay = terminal.ptyId === reattachedTo;
    terminal.onOutput((data) => {
      const fresh = replay ? outputAfterReplay(this.knownOutput(), data) : data;
      replay = false;
      if (fresh) this.output.add("pty", fresh);
    });
    terminal.onExit(({ exitCode, signal }) => {
      exited = true;
      this.output.flush();
      this.forget(terminal);
      this.ptyId = null;
      guard(this.deps.storage.delete(PTY_KEY));
      this.setState("exited", `The shell exited (${signal ?? `code ${exitCode ?? "?"}`}); type to start a new one`);
    });
    void terminal.closed.then(() => {
      if (exited || this.terminal !== terminal) return;
      this.forget(terminal);
      if (this.shutDown) return;
      this.setState("connecting", "Reconnecting to the terminal");
      this.deps.onLost();
    });
    this.setState("ready");
    for (const data of this.queuedInput.splice(0)) terminal.write(data);
    return true;
  }

  private async connect(sandbox: SandboxRef): Promise<TerminalConnection> {
    const { cols, rows } = this.size;
    if (this.ptyId) {
      try {
        return await sandbox.client.openTerminal(sandbox.workspaceId, { cols, rows, ptyId: this.ptyId });
      } catch (error) {
        this.deps.log.info("terminal.reattach_failed", { ptyId: this.ptyId, message: errorMessage(error) });
      }
    }
    const terminal = await sandbox.client.openTerminal(sandbox.workspaceId, { cols, rows });
    this.ptyId = terminal.ptyId;
    guard(this.deps.storage.put(PTY_KEY, terminal.ptyId));
    return terminal;
  }

  /** Output the room has: the scrollback plus whatever is still being coalesced. */
  private knownOutput(): string {
    this.output.flush();
    return this.scrollback.text();
  }

  private forget(terminal: TerminalConnection): void {
    if (this.terminal === terminal) this.terminal = null;
  }

  private setState(state: TerminalState, message?: string): void {
    if (this.state === state && this.message === message) return;
    this.state = state;
    this.message = message;
    this.deps.connections.broadcast(this.status());
  }
}
