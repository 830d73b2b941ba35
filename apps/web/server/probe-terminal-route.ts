// WebSocket /api/probe-terminal?ticket=…&cols=…&rows=…: the reviewer's terminal in a probe
// workspace ("Probe from here"), bridged by the web server to the sandbox's PTY because the
// browser cannot reach the sandbox service. Who may open which workspace was decided when the
// ticket was handed out (replay.probeTerminal, packages/core/src/replay/probe-terminal.ts);
// here the ticket is verified, the page must be our own origin (a WebSocket carries cookies
// from any site), and frames are small JSON messages:
//   browser → server  { type: "input", data } | { type: "resize", cols, rows }
//   server → browser  { type: "output", data } | { type: "exit", exitCode } | { type: "error", message }
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { verifyProbeTerminalTicket } from "@interviewlm/core/replay";
import type { Logger } from "@interviewlm/infra/log";
import type { SandboxClient } from "@interviewlm/sandbox/client";
import type { KeyInput } from "@interviewlm/tokens";
import WebSocket, { type WebSocketServer as WebSocketServerType } from "ws";
import { z } from "zod";

// apps/web resolves ws 7 (Remix's dev tools pin it), where the server class is `ws.Server`.
const WebSocketServer = (WebSocket as unknown as { Server: typeof WebSocketServerType }).Server;

export const PROBE_TERMINAL_PATH = "/api/probe-terminal";
/** A paste is one input frame; anything bigger is not typing. */
const MAX_FRAME_BYTES = 64 * 1024;
const Size = { cols: z.coerce.number().int().min(10).max(500), rows: z.coerce.number().int().min(5).max(200) };
const BrowserMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("input"), data: z.string().max(MAX_FRAME_BYTES) }),
  // Clamped rather than refused: a panel squeezed small is still a terminal.
  z.object({ type: z.literal("resize"), cols: z.number().int().positive(), rows: z.number().int().positive() }),
]);

export interface ProbeTerminalDeps {
  sandbox: SandboxClient | null;
  keys: KeyInput;
  appUrl: string;
  log: Pick<Logger, "info" | "warn">;
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

function refuse(socket: Duplex, status: number, message: string): void {
  socket.end(`HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
}

export function mountProbeTerminal(httpServer: Server, deps: ProbeTerminalDeps): void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const appOrigin = new URL(deps.appUrl).origin;
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", appOrigin);
    if (url.pathname !== PROBE_TERMINAL_PATH) {
      // Someone else's (Vite's HMR socket in development); with nobody else listening, Node's
      // default — closing the connection — must still happen, or the socket would hang open.
      if (httpServer.listenerCount("upgrade") === 1) socket.destroy();
      return;
    }
    void (async () => {
      if (req.headers.origin !== appOrigin) return refuse(socket, 403, "Forbidden: the terminal opens from the app's own pages only.");
      if (!deps.sandbox) return refuse(socket, 503, "Service Unavailable: the sandbox service is not configured.");
      const size = z.object(Size).safeParse({ cols: url.searchParams.get("cols") ?? 100, rows: url.searchParams.get("rows") ?? 24 });
      if (!size.success) return refuse(socket, 400, "Bad Request: cols must be 10-500 and rows 5-200.");
      const verified = await verifyProbeTerminalTicket(deps.keys, url.searchParams.get("ticket") ?? "");
      if ("problem" in verified) return refuse(socket, 401, `Unauthorized: the terminal ticket is not valid (${verified.problem}); open the terminal again.`);
      const { workspaceId, userId } = verified.claims;
      sockets.handleUpgrade(req, socket, head, (browser: WebSocket) => void bridge(browser, deps.sandbox!, workspaceId, size.data, deps.log).then(() => deps.log.info("probe_terminal.closed", { workspaceId, userId })));
      deps.log.info("probe_terminal.opened", { workspaceId, userId });
    })().catch((error: unknown) => {
      deps.log.warn("probe_terminal.upgrade_failed", { message: error instanceof Error ? error.message : String(error) });
      refuse(socket, 500, "Internal Server Error");
    });
  });
}

async function bridge(browser: WebSocket, sandbox: SandboxClient, workspaceId: string, size: { cols: number; rows: number }, log: ProbeTerminalDeps["log"]): Promise<void> {
  const send = (message: unknown) => {
    if (browser.readyState === WebSocket.OPEN) browser.send(JSON.stringify(message));
  };
  // Input typed while the PTY is being opened is kept, not lost.
  const early: unknown[] = [];
  let terminal: Awaited<ReturnType<SandboxClient["openTerminal"]>> | null = null;
  const onMessage = (data: unknown) => {
    let parsed: z.infer<typeof BrowserMessageSchema>;
    try {
      parsed = BrowserMessageSchema.parse(JSON.parse(String(data)));
    } catch {
      return browser.close(1008, "not a terminal message");
    }
    if (!terminal) return void early.push(parsed);
    if (parsed.type === "input") terminal.write(parsed.data);
    else terminal.resize(clamp(parsed.cols, 10, 500), clamp(parsed.rows, 5, 200));
  };
  browser.on("message", onMessage);
  const browserClosed = new Promise<void>((resolve) => browser.once("close", () => resolve()));
  try {
    terminal = await sandbox.openTerminal(workspaceId, size);
  } catch (error) {
    log.warn("probe_terminal.open_failed", { workspaceId, message: error instanceof Error ? error.message : String(error) });
    send({ type: "error", message: "The probe sandbox's terminal could not be opened; it may have been cleaned up. Open a new sandbox." });
    browser.close(1011, "terminal unavailable");
    return;
  }
  const open = terminal;
  open.onOutput((data) => send({ type: "output", data }));
  open.onExit((exit) => {
    send({ type: "exit", exitCode: exit.exitCode });
    browser.close(1000, "the shell exited");
  });
  for (const message of early.splice(0)) onMessage(JSON.stringify(message));
  await Promise.race([browserClosed, open.closed]);
  open.close();
  if (browser.readyState === WebSocket.OPEN) browser.close(1011, "the sandbox closed the terminal");
}
