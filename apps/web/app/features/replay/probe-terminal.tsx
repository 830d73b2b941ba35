// An interactive terminal in the reviewer's probe workspace (never the candidate's): a
// one-minute ticket from replay.probeTerminal, then a WebSocket the web server bridges to the
// sandbox's PTY (server/probe-terminal-route.ts). Opened on request: a shell per probe is
// not needed by everyone who probes.
import { Button } from "@interviewlm/ui";
import { useEffect, useRef, useState } from "react";
import type { TerminalState } from "~/features/interview/room-state";
import { TerminalPanel } from "~/features/interview/terminal-panel";
import { TerminalStream } from "~/features/interview/terminal-stream";
import { trpc } from "~/lib/trpc";

type ServerMessage = { type: "output"; data: string } | { type: "exit"; exitCode: number | null } | { type: "error"; message: string };

export function ProbeTerminal({ sessionId, workspaceId }: { sessionId: string; workspaceId: string }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <ProbeTerminalSession sessionId={sessionId} workspaceId={workspaceId} />
  ) : (
    <Button size="sm" variant="secondary" className="mt-2" onClick={() => setOpen(true)}>
      Open a terminal in this sandbox
    </Button>
  );
}

function ProbeTerminalSession({ sessionId, workspaceId }: { sessionId: string; workspaceId: string }) {
  const ticket = trpc.replay.probeTerminal.useMutation();
  const requestTicket = useRef(ticket.mutateAsync);
  requestTicket.current = ticket.mutateAsync;
  const [stream] = useState(() => new TerminalStream(1024 * 1024));
  const [status, setStatus] = useState<{ state: TerminalState; message: string | null }>({ state: "connecting", message: "Connecting to the probe sandbox…" });
  const socket = useRef<WebSocket | null>(null);
  const size = useRef({ cols: 100, rows: 24 });
  /** Keys typed while the socket is still opening: sent once it is open, not lost. */
  const typedEarly = useRef<string[]>([]);

  useEffect(() => {
    let cancelled = false;
    const send = (message: unknown) => {
      if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify(message));
    };
    requestTicket
      .current({ sessionId, workspaceId })
      .then(({ ticket: value }) => {
        if (cancelled) return;
        const url = new URL("/api/probe-terminal", window.location.href);
        url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
        url.searchParams.set("ticket", value);
        url.searchParams.set("cols", String(size.current.cols));
        url.searchParams.set("rows", String(size.current.rows));
        const ws = new WebSocket(url);
        socket.current = ws;
        ws.onopen = () => {
          setStatus({ state: "ready", message: null });
          send({ type: "resize", ...size.current });
          for (const data of typedEarly.current.splice(0)) send({ type: "input", data });
        };
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as ServerMessage;
          if (message.type === "output") stream.append(message.data);
          else if (message.type === "exit") setStatus({ state: "exited", message: "The shell exited. Open the terminal again for a new one." });
          else setStatus({ state: "unavailable", message: message.message });
        };
        ws.onclose = () => setStatus((current) => (current.state === "ready" || current.state === "connecting" ? { state: "exited", message: "The terminal closed." } : current));
      })
      .catch((error: unknown) => {
        if (!cancelled) setStatus({ state: "unavailable", message: error instanceof Error ? error.message : "The terminal could not be opened." });
      });
    return () => {
      cancelled = true;
      socket.current?.close();
      socket.current = null;
    };
  }, [sessionId, workspaceId, stream]);

  return (
    <div className="mt-2 rounded-md border border-line" data-testid="probe-terminal">
      <p className="px-3 py-1 text-xs text-fg-muted">Your probe sandbox's shell: what you type runs there, never in the candidate's workspace.</p>
      <TerminalPanel
        stream={stream}
        readOnly={false}
        status={status}
        connected={status.state === "ready"}
        onInput={(data) => {
          if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify({ type: "input", data }));
          else typedEarly.current.push(data);
        }}
        onResize={(next) => {
          size.current = next;
          if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify({ type: "resize", ...next }));
        }}
        className="h-56"
      />
    </div>
  );
}
