import { EventsServerMessageSchema, type FileChangeEvent, PtyServerMessageSchema } from "../api/schemas.ts";
import { SANDBOX_ERROR_CODES, type SandboxErrorCode } from "../errors.ts";
import { SandboxRequestError } from "./http.ts";
import { messageText, sendIfOpen, type WebSocketLike } from "./socket.ts";

export interface TerminalConnection {
  readonly ptyId: string;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Detaches; the terminal keeps running briefly on the service and can be reattached by ptyId. */
  close(): void;
  onOutput(listener: (data: string) => void): () => void;
  onExit(listener: (exit: { exitCode: number | null; signal: string | null }) => void): () => void;
  /** Resolves when the socket closes, for whatever reason. */
  readonly closed: Promise<void>;
}

export interface FileEventsConnection {
  onChanges(listener: (events: FileChangeEvent[]) => void): () => void;
  close(): void;
  readonly closed: Promise<void>;
}

function errorFromMessage(code: string, message: string): SandboxRequestError {
  const known = (SANDBOX_ERROR_CODES as readonly string[]).includes(code) ? (code as SandboxErrorCode) : "PROVIDER_FAILURE";
  return new SandboxRequestError(0, known, message);
}

function closedPromise(socket: WebSocketLike): Promise<void> {
  return new Promise((resolve) => socket.addEventListener("close", () => resolve()));
}

/** Wraps an open PTY socket; resolves after the service's "ready" message. */
export function attachTerminal(socket: WebSocketLike): Promise<TerminalConnection> {
  const output = new Set<(data: string) => void>();
  const exits = new Set<(exit: { exitCode: number | null; signal: string | null }) => void>();
  const closed = closedPromise(socket);
  return new Promise((resolve, reject) => {
    let ready = false;
    let failure: Error | null = null;
    socket.addEventListener("close", (event) => {
      if (!ready) reject(failure ?? new Error(`terminal socket closed before it was ready (${event.code ?? "?"} ${event.reason ?? ""})`));
    });
    socket.addEventListener("message", (event) => {
      const text = messageText(event.data);
      const parsed = text === null ? null : PtyServerMessageSchema.safeParse(JSON.parse(text));
      if (!parsed?.success) return;
      const message = parsed.data;
      if (message.type === "ready" && !ready) {
        ready = true;
        resolve({
          ptyId: message.ptyId,
          write: (data) => sendIfOpen(socket, { type: "input", data }),
          resize: (cols, rows) => sendIfOpen(socket, { type: "resize", cols, rows }),
          close: () => socket.close(1000, "client detached"),
          onOutput: (listener) => (output.add(listener), () => output.delete(listener)),
          onExit: (listener) => (exits.add(listener), () => exits.delete(listener)),
          closed,
        });
      } else if (message.type === "output") {
        for (const listener of output) listener(message.data);
      } else if (message.type === "exit") {
        for (const listener of exits) listener({ exitCode: message.exitCode, signal: message.signal });
      } else if (message.type === "error" && !ready) {
        failure = errorFromMessage(message.code, message.message);
        reject(failure);
      }
    });
  });
}

/** Wraps an open file-events socket; resolves after the service's "ready" message. */
export function attachFileEvents(socket: WebSocketLike): Promise<FileEventsConnection> {
  const listeners = new Set<(events: FileChangeEvent[]) => void>();
  const closed = closedPromise(socket);
  return new Promise((resolve, reject) => {
    let ready = false;
    socket.addEventListener("close", () => {
      if (!ready) reject(new Error("file events socket closed before it was ready"));
    });
    socket.addEventListener("message", (event) => {
      const text = messageText(event.data);
      const parsed = text === null ? null : EventsServerMessageSchema.safeParse(JSON.parse(text));
      if (!parsed?.success) return;
      const message = parsed.data;
      if (message.type === "ready" && !ready) {
        ready = true;
        resolve({ onChanges: (listener) => (listeners.add(listener), () => listeners.delete(listener)), close: () => socket.close(1000, "client closed"), closed });
      } else if (message.type === "changes") {
        for (const listener of listeners) listener(message.events);
      } else if (message.type === "error" && !ready) {
        reject(errorFromMessage(message.code, message.message));
      }
    });
  });
}
