// The candidate's caret and selection, recorded for the replay. Awareness is not part of the
// document, so without this a replay could show the text but never where the candidate was in
// it. y-codemirror.next publishes the cursor as Yjs relative positions; the room turns them
// into the file's path and plain offsets against its own document at the moment it hears
// them — the same document the recording's yjs.update events rebuild, so an offset means the
// same thing when replayed. Only the candidate's (reviewers' editors publish no cursor), and
// throttled: a caret held down on an arrow key must not flood the recording.
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { awarenessUserOf } from "@interviewlm/realtime";
import type { FilesMap } from "./editor-doc.ts";

export interface CursorPosition {
  path: string;
  /** UTF-16 offsets into the file's text; anchor === head is a caret without a selection. */
  anchor: number;
  head: number;
}

export interface CursorRecordingDeps {
  doc: Y.Doc;
  awareness: Awareness;
  files: FilesMap;
  /** Called with the candidate's actor id and her new position. */
  record: (actor: string, cursor: CursorPosition) => void;
  /** At most one record per this many ms; the last position in a burst is recorded at its end. */
  intervalMs: number;
  now?: () => number;
}

type CursorState = { cursor?: { anchor?: unknown; head?: unknown } | null };

/** Where a relative position of y-codemirror.next points: the file and the offset in it, or null. */
function resolve(doc: Y.Doc, files: FilesMap, relative: unknown): { text: Y.Text; index: number } | null {
  if (!relative || typeof relative !== "object") return null;
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(relative), doc);
    return absolute && absolute.type instanceof Y.Text ? { text: absolute.type, index: absolute.index } : null;
  } catch {
    return null; // a malformed position from a browser is not the room's problem
  }
}

function pathOf(files: FilesMap, text: Y.Text): string | null {
  for (const [path, value] of files) if (value === text) return path;
  return null;
}

/** The candidate's position in an awareness state, or null when she has none (blurred) or it is not in a file. */
export function cursorOfState(doc: Y.Doc, files: FilesMap, state: unknown): CursorPosition | null {
  const cursor = (state as CursorState | null)?.cursor;
  if (!cursor) return null;
  const anchor = resolve(doc, files, cursor.anchor);
  const head = resolve(doc, files, cursor.head);
  if (!anchor || !head || anchor.text !== head.text) return null;
  const path = pathOf(files, head.text);
  return path === null ? null : { path, anchor: anchor.index, head: head.index };
}

export class CursorRecording {
  private last: string | null = null;
  private lastAt = Number.NEGATIVE_INFINITY;
  /** The newest awareness state of the candidate not yet recorded (throttled). */
  private pending: { actor: string; state: unknown } | null = null;
  /**
   * The candidate's latest awareness state with a cursor, resolved again after every document
   * update: her awareness frame can overtake a large edit (sent in chunks) that it points into
   * or past, and text inserted before her caret by someone else (the agent, the terminal) moves
   * her caret without a new awareness state.
   */
  private latest: { actor: string; state: unknown } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: CursorRecordingDeps) {
    this.now = deps.now ?? Date.now;
    deps.awareness.on("change", this.onChange);
    deps.doc.on("update", this.onDocUpdate);
  }

  /** Stops listening; a position still waiting is dropped (this room instance is going away). */
  detach(): void {
    this.deps.awareness.off("change", this.onChange);
    this.deps.doc.off("update", this.onDocUpdate);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.latest = null;
  }

  /** Records the throttled position still waiting, if any. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending) this.write(pending.actor, pending.state);
  }

  private readonly onChange = ({ added, updated }: { added: number[]; updated: number[] }): void => {
    const states = this.deps.awareness.getStates();
    for (const clientId of [...added, ...updated]) {
      const state = states.get(clientId);
      const user = awarenessUserOf(state);
      if (user?.role === "candidate" && (state as CursorState).cursor) this.offer(`candidate:${user.id}`, state);
    }
  };

  private readonly onDocUpdate = (): void => {
    const latest = this.latest;
    if (!latest) return;
    // After the other update listeners: the room records this update before the cursor.
    queueMicrotask(() => {
      if (this.latest === latest && !this.pending) this.offer(latest.actor, latest.state);
    });
  };

  private offer(actor: string, state: unknown): void {
    this.latest = { actor, state };
    this.pending = { actor, state };
    if (this.timer) return;
    const wait = this.lastAt + this.deps.intervalMs - this.now();
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /**
   * Resolved now, not when heard: relative positions follow the edits made meanwhile, so the
   * offsets match the document as it is when the event is recorded (the caller records the
   * document's pending updates first).
   */
  private write(actor: string, state: unknown): void {
    const cursor = cursorOfState(this.deps.doc, this.deps.files, state);
    if (!cursor) return; // not in a file, or not in the room's document yet (see `latest`)
    const key = `${actor}\u0000${cursor.path}\u0000${cursor.anchor}\u0000${cursor.head}`;
    if (key === this.last) return;
    this.last = key;
    this.lastAt = this.now();
    this.deps.record(actor, cursor);
  }
}
