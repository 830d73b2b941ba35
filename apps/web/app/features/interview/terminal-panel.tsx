// xterm.js attached to the room's terminal stream. The candidate types into the sandbox's
// PTY; reviewers see the same output with input disabled. xterm needs the DOM, so it is
// loaded after hydration.
import { Badge, cx } from "@interviewlm/ui";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useId, useRef } from "react";
import type { TerminalState } from "./room-state";
import type { TerminalStream } from "./terminal-stream";

export interface TerminalPanelProps {
  stream: TerminalStream | null;
  readOnly: boolean;
  /** The room's report on the sandbox PTY. */
  status: { state: TerminalState; message: string | null };
  /** The control channel is open: keystrokes can reach the room. */
  connected: boolean;
  onInput?: (data: string) => void;
  onResize?: (size: { cols: number; rows: number }) => void;
  className?: string;
}

/** The contract's limit for one terminal.input message. */
const MAX_INPUT_CHUNK = 8192;

const THEME = {
  background: "#0a0b0d",
  foreground: "#ededef",
  cursor: "#ededef",
  selectionBackground: "#5e6ad259",
  black: "#18191d",
  brightBlack: "#8b8f98",
};

const STATUS_LABEL: Record<TerminalState, string | null> = {
  connecting: "Starting…",
  ready: null,
  exited: "Exited",
  unavailable: "Unavailable",
};

export function TerminalPanel({ stream, readOnly, status, connected, onInput, onResize, className }: TerminalPanelProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onInput, onResize });
  callbacks.current = { onInput, onResize };
  const sizeRef = useRef<{ cols: number; rows: number } | null>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host || !stream) return;
    let disposed = false;
    let cleanup = () => {};
    void Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]).then(([{ Terminal }, { FitAddon }]) => {
      if (disposed) return;
      const term = new Terminal({
        screenReaderMode: true,
        disableStdin: readOnly,
        cursorBlink: !readOnly,
        cursorInactiveStyle: readOnly ? "none" : "outline",
        fontFamily: getComputedStyle(host).getPropertyValue("--font-mono") || "monospace",
        fontSize: 13,
        scrollback: 5000,
        theme: THEME,
      });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(host);
      term.textarea?.setAttribute("aria-label", readOnly ? "Candidate's terminal (read-only)" : "Terminal");
      const unsubscribe = stream.subscribe((chunk) => {
        if (chunk.kind === "reset") term.reset();
        term.write(chunk.data);
      });
      const input = term.onData((data) => {
        for (let i = 0; i < data.length; i += MAX_INPUT_CHUNK) callbacks.current.onInput?.(data.slice(i, i + MAX_INPUT_CHUNK));
      });
      let resizeTimer: ReturnType<typeof setTimeout> | undefined;
      const resized = term.onResize((size) => {
        sizeRef.current = size;
        // Dragging a window edge fires many resizes; the PTY needs only the last one.
        clearTimeout(resizeTimer);
        resizeTimer = setTimeout(() => callbacks.current.onResize?.(size), 150);
      });
      let frame = 0;
      const observer = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => host.clientWidth > 0 && fit.fit());
      });
      observer.observe(host);
      fit.fit();
      sizeRef.current = { cols: term.cols, rows: term.rows };
      cleanup = () => {
        observer.disconnect();
        cancelAnimationFrame(frame);
        clearTimeout(resizeTimer);
        unsubscribe();
        input.dispose();
        resized.dispose();
        term.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [stream, readOnly]);

  // The room's PTY starts at a default size: tell it ours whenever we (re)connect.
  useEffect(() => {
    if (connected && sizeRef.current) callbacks.current.onResize?.(sizeRef.current);
  }, [connected]);

  const label = STATUS_LABEL[status.state];
  // A page may hold two terminals (the replay's and a probe's): ids must stay unique.
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={cx("flex min-h-0 flex-col bg-canvas", className)}>
      <div className="flex h-8 shrink-0 items-center justify-between border-b border-line px-3">
        <h2 id={headingId} className="text-xs font-medium tracking-wide text-fg-muted uppercase">Terminal</h2>
        <div className="flex items-center gap-2">
          {label ? <Badge tone={status.state === "connecting" ? "neutral" : "warning"}>{label}</Badge> : null}
          {readOnly ? <Badge tone="info">Read-only</Badge> : null}
        </div>
      </div>
      {status.message && status.state !== "ready" ? <p className="px-3 py-1 text-xs text-fg-muted">{status.message}</p> : null}
      <div ref={hostRef} className="min-h-0 flex-1 overflow-hidden px-2 py-1" data-testid="terminal" />
    </section>
  );
}
