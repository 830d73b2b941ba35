import { PtyClientMessageSchema, type PtyServerMessage, type PtySession, SandboxError, type SandboxProvider } from "@interviewlm/sandbox";
import type { WebSocket } from "ws";

// Terminals outlive their sockets for a grace period, so a room that reconnects gets the same
// shell back (with the recent output replayed) instead of a new one.

const SCROLLBACK_CHARS = 64 * 1024;
const MAX_FRAME_CHARS = 64 * 1024; // PartyKit rooms accept at most 1 MiB per message
const PAUSE_ABOVE_BYTES = 1024 * 1024;
const RESUME_BELOW_BYTES = 256 * 1024;

interface Terminal {
  session: PtySession;
  cols: number;
  rows: number;
  sockets: Set<WebSocket>;
  scrollback: string;
  detachTimer: NodeJS.Timeout | null;
  paused: boolean;
}

export class PtySessions {
  private readonly terminals = new Map<string, Terminal>();
  private readonly flowTimer: NodeJS.Timeout;

  constructor(
    private readonly provider: SandboxProvider,
    private readonly detachGraceMs: number,
  ) {
    // Output is paused while any socket has a backlog and resumed when it drains.
    this.flowTimer = setInterval(() => this.checkFlow(), 50);
    this.flowTimer.unref();
  }

  get count(): number {
    return this.terminals.size;
  }

  /** Opens a new terminal or finds the one to reattach to, then attaches the socket. */
  async attach(socket: WebSocket, workspaceId: string, request: { cols: number; rows: number; ptyId: string | null }, onActivity: () => void): Promise<void> {
    let ptyId = request.ptyId;
    let terminal = ptyId ? this.terminals.get(ptyId) : undefined;
    if (ptyId && (!terminal || terminal.session.workspaceId !== workspaceId)) {
      throw new SandboxError("PTY_NOT_FOUND", `terminal ${ptyId} is not running in workspace ${workspaceId}`);
    }
    if (!terminal) {
      const session = await this.provider.openPty(workspaceId, { cols: request.cols, rows: request.rows });
      ptyId = session.id;
      terminal = this.track(session, request.cols, request.rows);
    }
    const current = terminal;
    if (current.detachTimer) clearTimeout(current.detachTimer);
    current.detachTimer = null;
    current.sockets.add(socket);
    send(socket, { type: "ready", ptyId: current.session.id, cols: current.cols, rows: current.rows });
    if (request.ptyId && current.scrollback) sendOutput(socket, current.scrollback);

    socket.on("message", (raw) => {
      onActivity();
      let message;
      try {
        message = PtyClientMessageSchema.parse(JSON.parse(String(raw)));
      } catch {
        send(socket, { type: "error", code: "INVALID_REQUEST", message: "expected {type:'input',data} or {type:'resize',cols,rows}" });
        return;
      }
      if (message.type === "input") current.session.write(message.data);
      else {
        current.cols = message.cols;
        current.rows = message.rows;
        current.session.resize(message.cols, message.rows);
      }
    });
    const detach = () => {
      current.sockets.delete(socket);
      if (current.sockets.size === 0 && this.terminals.has(current.session.id) && !current.detachTimer) {
        current.detachTimer = setTimeout(() => current.session.kill(), this.detachGraceMs);
        current.detachTimer.unref();
      }
    };
    socket.on("close", detach);
    if (socket.readyState !== socket.OPEN) detach(); // the client left while the terminal was starting
  }

  closeAll(): void {
    clearInterval(this.flowTimer);
    for (const terminal of this.terminals.values()) terminal.session.kill();
  }

  private track(session: PtySession, cols: number, rows: number): Terminal {
    const terminal: Terminal = { session, cols, rows, sockets: new Set(), scrollback: "", detachTimer: null, paused: false };
    this.terminals.set(session.id, terminal);
    session.onData((data) => {
      terminal.scrollback = (terminal.scrollback + data).slice(-SCROLLBACK_CHARS);
      for (const socket of terminal.sockets) sendOutput(socket, data);
    });
    session.onExit((exit) => {
      this.terminals.delete(session.id);
      if (terminal.detachTimer) clearTimeout(terminal.detachTimer);
      for (const socket of terminal.sockets) {
        send(socket, { type: "exit", exitCode: exit.exitCode, signal: exit.signal });
        socket.close(1000, "terminal exited");
      }
    });
    return terminal;
  }

  private checkFlow(): void {
    for (const terminal of this.terminals.values()) {
      const backlog = Math.max(0, ...[...terminal.sockets].map((socket) => socket.bufferedAmount));
      if (!terminal.paused && backlog > PAUSE_ABOVE_BYTES) {
        terminal.paused = true;
        terminal.session.pause();
      } else if (terminal.paused && backlog < RESUME_BELOW_BYTES) {
        terminal.paused = false;
        terminal.session.resume();
      }
    }
  }
}

function send(socket: WebSocket, message: PtyServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function sendOutput(socket: WebSocket, data: string): void {
  for (let offset = 0; offset < data.length; offset += MAX_FRAME_CHARS) {
    send(socket, { type: "output", data: data.slice(offset, offset + MAX_FRAME_CHARS) });
  }
}
