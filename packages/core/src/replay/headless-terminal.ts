// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration must be referenced, not imported, to reach packages that compile this file
/// <reference path="./xterm-headless.d.ts" />
// The candidate's terminal without a browser: xterm.js's headless build parses the recorded
// output exactly as the live terminal did, and its serialize addon writes the resulting
// screen (and scrollback) back out as escape sequences — a keyframe, and what the replay page
// writes into its own xterm.js to show "the terminal as it looked".
import { SerializeAddon } from "@xterm/addon-serialize";
// @xterm/headless 6.0.0's package.json names a "module" file it does not ship (lib/xterm.mjs),
// so bundlers that prefer "module" (the web app's Vite build) fail on the bare name; its ESM
// build is imported by path instead (typed in xterm-headless.d.ts).
import { Terminal } from "@xterm/headless/lib-headless/xterm-headless.mjs";

/** Lines kept above the screen; the replay shows as much scrollback as this. */
export const REPLAY_SCROLLBACK_LINES = 1000;

/**
 * Output ending inside an escape sequence or between the halves of a surrogate pair leaves
 * the parser mid-way; a serialized screen cannot carry that, so no keyframe is taken there.
 */
// eslint-disable-next-line no-control-regex -- ESC and BEL are what this looks for
const UNFINISHED_TAIL = /(\x1b(\[[0-?]*[ -/]*|\][^\x07\x1b]*|P[^\x1b]*|[ -/]*)?|[\uD800-\uDBFF])$/;

export interface HeadlessTerminal {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  settled(): Promise<void>;
  serialize(): string;
  /** What a viewer sees: every row of scrollback and screen as text, and the cursor. */
  rendered(): { rows: string[]; cursorX: number; cursorY: number };
  /** Only meaningful once settled. False while the screen cannot be written down exactly: output stopped inside an escape sequence or a surrogate pair, or the oldest row continues a line already dropped. */
  atBoundary(): boolean;
  dispose(): void;
}

export function createHeadlessTerminal(cols: number, rows: number): HeadlessTerminal {
  const terminal = new Terminal({ cols, rows, scrollback: REPLAY_SCROLLBACK_LINES, allowProposedApi: true });
  const serializer = new SerializeAddon();
  terminal.loadAddon(serializer as never);
  let tail = "";
  return {
    write(data) {
      if (data.length === 0) return;
      terminal.write(data);
      tail = (tail + data).slice(-256);
    },
    resize(nextCols, nextRows) {
      // Writes are parsed later, in batches; resizing at once would reflow output recorded
      // after the resize. Queued behind the writes, it happens exactly between them.
      terminal.write("", () => terminal.resize(nextCols, nextRows));
    },
    settled: () => new Promise<void>((resolve) => terminal.write("", resolve)),
    serialize: () => serializer.serialize({ scrollback: REPLAY_SCROLLBACK_LINES }),
    rendered() {
      const buffer = terminal.buffer.active;
      const rows: string[] = [];
      // A soft-wrapped row is marked: it reflows with the row above it on a resize.
      for (let i = 0; i < buffer.length; i++) {
        const line = buffer.getLine(i);
        rows.push(`${line?.isWrapped ? "\u21b5" : ""}${line?.translateToString(true) ?? ""}`);
      }
      while (rows.length > 0 && rows.at(-1) === "" && rows.length > buffer.baseY + buffer.cursorY + 1) rows.pop();
      return { rows: rows.slice(-(REPLAY_SCROLLBACK_LINES + terminal.rows)), cursorX: buffer.cursorX, cursorY: buffer.cursorY };
    },
    // A wrapped line whose start has left the scrollback cannot be written back as it is (it
    // would come back as a line of its own and reflow differently on a resize): wait until
    // it has scrolled out too.
    atBoundary: () => !UNFINISHED_TAIL.test(tail) && !terminal.buffer.active.getLine(0)?.isWrapped,
    dispose: () => terminal.dispose(),
  };
}
