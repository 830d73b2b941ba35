// The state the replay panels show at one moment, built by folding recorded events in seq
// order: the editor document (Yjs), the terminal screen (a headless xterm.js fed the same text
// the live terminal got) and the small things around them (latest test run, question…).
// A keyframe is this state written down; `restoreReplayState` picks it up again.
import type { RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";
import { createHeadlessTerminal, type HeadlessTerminal } from "./headless-terminal.ts";

export interface ReplayTestRun {
  runId: string;
  seq: number;
  at: number;
  status: string;
  totals: unknown;
  durationMs: number | null;
  tests: { name: string; status: string; durationMs?: number }[];
}

/** Everything but the document and the screen: small, stored as JSON in a keyframe. */
export interface ReplaySideState {
  cols: number;
  rows: number;
  terminalTruncated: boolean;
  testsRunning: { runId: string; seq: number; at: number } | null;
  latestTestRun: ReplayTestRun | null;
  question: { position: number; questionId: string; title: string } | null;
  finished: { reason: string; at: number } | null;
  /**
   * The candidate's selection (anchor = head: a caret) in one file, as UTF-16 offsets into its
   * text at this moment (editor.cursor). Absent in keyframes written before it was recorded.
   */
  cursor?: ReplayCursor | null;
}

export interface ReplayCursor {
  path: string;
  anchor: number;
  head: number;
}

/** The room's terminal size until the candidate's browser reports its own (party/src/limits.ts). */
export const INITIAL_TERMINAL_SIZE = { cols: 120, rows: 30 } as const;

export class ReplayState {
  /** The last event folded in (0 before the first). */
  seq: number;
  at: number;
  readonly doc: Y.Doc;
  readonly terminal: HeadlessTerminal;
  side: ReplaySideState;
  /** False for a frame whose files come from a keyframe's plain texts and edits (file-edits.ts): yjs.update is then skipped. */
  readonly foldsDocument: boolean;

  private constructor(seq: number, at: number, doc: Y.Doc, terminal: HeadlessTerminal, side: ReplaySideState, foldsDocument = true) {
    this.seq = seq;
    this.at = at;
    this.doc = doc;
    this.terminal = terminal;
    this.side = side;
    this.foldsDocument = foldsDocument;
  }

  static empty(): ReplayState {
    const side: ReplaySideState = { ...INITIAL_TERMINAL_SIZE, terminalTruncated: false, testsRunning: null, latestTestRun: null, question: null, finished: null, cursor: null };
    return new ReplayState(0, 0, new Y.Doc(), createHeadlessTerminal(side.cols, side.rows), side);
  }

  /** Without `doc` the document stays empty and is not folded: the caller answers the files another way. */
  static async restore(keyframe: { seq: number; at: number; doc?: Uint8Array; terminal: string; side: ReplaySideState }): Promise<ReplayState> {
    const doc = new Y.Doc();
    if (keyframe.doc) Y.applyUpdate(doc, keyframe.doc);
    const terminal = createHeadlessTerminal(keyframe.side.cols, keyframe.side.rows);
    terminal.write(keyframe.terminal);
    await terminal.settled();
    return new ReplayState(keyframe.seq, keyframe.at, doc, terminal, structuredClone(keyframe.side), keyframe.doc !== undefined);
  }

  /** Folds one event in. Terminal writes are queued; `settled()` waits for the screen. */
  apply(event: RecordingEvent): void {
    this.seq = event.seq;
    this.at = event.at;
    const p = event.payload;
    if (event.type === "yjs.update") {
      if (this.foldsDocument && typeof p.update === "string") Y.applyUpdate(this.doc, Buffer.from(p.update, "base64"));
      return;
    }
    const write = foldSideState(this.side, event);
    if (typeof write === "string") this.terminal.write(write);
    else if (write) this.terminal.resize(write.cols, write.rows);
  }

  settled(): Promise<void> {
    return this.terminal.settled();
  }

  /** The workspace files as the editor held them: path → text, sorted by path. */
  files(): { path: string; content: string }[] {
    const files = this.doc.getMap<Y.Text>("files");
    return [...files.entries()].map(([path, text]) => ({ path, content: text.toString() })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** Screen and scrollback as escape sequences that redraw them in a terminal of the same size. */
  async screen(): Promise<string> {
    await this.settled();
    return this.terminal.serialize();
  }

  dispose(): void {
    this.terminal.dispose();
    this.doc.destroy();
  }
}

/** The lists a frame shows beside the folded state, the newest SIDE_LIST_LIMIT of each: conversation, notes, signals. */
export const SIDE_LIST_GROUPS = [["agent.message"], ["note.added"], ["signal.paste", "signal.focus"]] as const;
export const SIDE_LIST_LIMIT = 100;
export type SideLists = [RecordingEvent[], RecordingEvent[], RecordingEvent[]];
export const SIDE_LIST_TYPES: readonly string[] = SIDE_LIST_GROUPS.flat();

/** Adds `event` to its side list when it belongs to one, keeping the newest SIDE_LIST_LIMIT. */
export function addToSideLists(lists: SideLists, event: RecordingEvent): void {
  const group = SIDE_LIST_GROUPS.findIndex((types) => (types as readonly string[]).includes(event.type));
  if (group === -1) return;
  const list = lists[group]!;
  list.push(event);
  if (list.length > SIDE_LIST_LIMIT) list.shift();
}

/** The types foldSideState changes anything for: a frame that takes its files from a keyframe's edits reads only these (frame-read.ts). */
export const SIDE_STATE_TYPES = ["terminal.output", "terminal.resize", "terminal.truncated", "tests.started", "tests.finished", "question.changed", "session.finished", "editor.cursor"] as const;

/** What an event does to the terminal: output to write, a size to resize to, or nothing. */
export type TerminalWrite = string | { cols: number; rows: number } | null;

/**
 * Folds one event into the side state (everything but the document and the screen), and
 * answers what it does to the terminal — the caller writes it into a terminal, or, for a
 * frame, hands it to the browser's xterm (docs/decisions/0080).
 */
export function foldSideState(side: ReplaySideState, event: RecordingEvent): TerminalWrite {
  const p = event.payload;
  // Every case here is in SIDE_STATE_TYPES.
  switch (event.type) {
    case "terminal.output":
      return typeof p.data === "string" && p.data.length > 0 ? p.data : null;
    case "terminal.resize":
      if (!isSize(p.cols) || !isSize(p.rows)) return null;
      side.cols = p.cols;
      side.rows = p.rows;
      return { cols: p.cols, rows: p.rows };
    case "terminal.truncated":
      side.terminalTruncated = true;
      break;
    case "tests.started":
      side.testsRunning = { runId: String(p.runId ?? ""), seq: event.seq, at: event.at };
      break;
    case "tests.finished":
      side.testsRunning = null;
      side.latestTestRun = {
        runId: String(p.runId ?? ""),
        seq: event.seq,
        at: event.at,
        status: String(p.status ?? "unknown"),
        totals: p.totals ?? null,
        durationMs: typeof p.durationMs === "number" ? p.durationMs : null,
        tests: Array.isArray(p.tests) ? (p.tests as ReplayTestRun["tests"]) : [],
      };
      break;
    case "question.changed":
      side.question = { position: Number(p.position ?? 0), questionId: String(p.questionId ?? ""), title: String(p.title ?? "") };
      break;
    case "session.finished":
      side.finished = { reason: String(p.reason ?? ""), at: event.at };
      break;
    case "editor.cursor":
      if (typeof p.path === "string" && isOffset(p.anchor) && isOffset(p.head)) side.cursor = { path: p.path, anchor: p.anchor, head: p.head };
      break;
    default:
      // The document is folded by ReplayState; conversation, notes, signals and presence are
      // lists read by time, not folded state.
      break;
  }
  return null;
}

function isOffset(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0;
}

function isSize(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= 1000;
}
