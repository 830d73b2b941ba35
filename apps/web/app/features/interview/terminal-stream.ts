// Terminal output lives outside React state: it arrives in many small chunks and only xterm
// needs it. The stream keeps a bounded copy so a panel that mounts late (or remounts) can
// replay what is on screen, then follows live chunks.

export type TerminalChunk =
  /** Everything shown so far; the terminal clears itself before writing it. */
  | { kind: "reset"; data: string }
  | { kind: "output"; data: string };

export type TerminalListener = (chunk: TerminalChunk) => void;

/** About what the room keeps as scrollback; older output has scrolled out of xterm anyway. */
const DEFAULT_MAX_CHARS = 256 * 1024;

export class TerminalStream {
  private buffer = "";
  private readonly listeners = new Set<TerminalListener>();

  constructor(private readonly maxChars = DEFAULT_MAX_CHARS) {}

  /** The room's scrollback on (re)connect replaces what we had, so nothing is shown twice. */
  reset(scrollback: string): void {
    this.buffer = this.trim(scrollback);
    this.emit({ kind: "reset", data: this.buffer });
  }

  append(data: string): void {
    if (!data) return;
    this.buffer = this.trim(this.buffer + data);
    this.emit({ kind: "output", data });
  }

  /** Calls back at once with the current screen, then with every new chunk. */
  subscribe(listener: TerminalListener): () => void {
    this.listeners.add(listener);
    listener({ kind: "reset", data: this.buffer });
    return () => this.listeners.delete(listener);
  }

  snapshot(): string {
    return this.buffer;
  }

  private trim(text: string): string {
    if (text.length <= this.maxChars) return text;
    // Cut at a line break so the replay does not start in the middle of an escape sequence.
    const cut = text.length - this.maxChars;
    const newline = text.indexOf("\n", cut);
    return newline === -1 ? text.slice(cut) : text.slice(newline + 1);
  }

  private emit(chunk: TerminalChunk): void {
    for (const listener of this.listeners) listener(chunk);
  }
}
