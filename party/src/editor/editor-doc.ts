// The editor document: y-partykit's shared Y.Doc for this room, with a `files` Y.Map from
// workspace path to Y.Text (the IDE binds CodeMirror to those texts and edits the map to
// create, rename and delete files).
//
// y-partykit unloads a room's doc when its last Yjs socket closes (compacting it to
// storage) and loads a fresh instance on the next connection. The room, though, keeps
// working on the doc with nobody connected — a file written from the terminal must still
// reach it — and its observers must stay attached to one instance. So the room registers a
// keep-alive entry in the doc's connection map for its whole life, and compacts the update
// log itself (periodically and when the last client leaves), as y-partykit would have.
import type * as Party from "partykit/server";
import { onConnect as yOnConnect, unstable_getYDoc, type YPartyKitOptions } from "y-partykit";
import type * as Y from "yjs";
import { unconfirmed } from "../storage.ts";

/** Transaction origin of changes the room applies from the sandbox: the mirror ignores them. */
export const SANDBOX_ORIGIN = "interviewlm:sandbox";

export type EditorDoc = Awaited<ReturnType<typeof unstable_getYDoc>>;
export type FilesMap = Y.Map<Y.Text>;

/**
 * Compacting reads and merges the whole update log and blocks the room while it does, so it
 * waits for a pause in typing; only a very long uninterrupted burst forces it.
 */
const COMPACT_AFTER_UPDATES = 500;
const COMPACT_WHEN_IDLE_MS = 5000;
const COMPACT_FORCED_AFTER_UPDATES = 20_000;

// y-partykit compares options by their JSON; candidates' sockets use the same options as the
// room (reviewers differ only by readOnly, which y-partykit reads per socket).
const options = (readOnly: boolean): YPartyKitOptions => ({ persist: { mode: "snapshot" }, readOnly });

const keepAlive = { id: "interviewlm-room-keepalive", readyState: 1, send() {}, close() {} } as unknown as Party.Connection;
/** Observers of a previous room instance in the same isolate, detached when a new one opens the doc. */
const detachers = new WeakMap<EditorDoc, () => void>();

export async function openEditorDoc(room: { id: string; storage: Party.Storage }): Promise<EditorDoc> {
  // y-partykit persists every update; those writes must not hold the fan-out (see unconfirmed).
  const doc = await unstable_getYDoc({ id: room.id, storage: unconfirmed(room.storage) } as Party.Room, options(false));
  doc.conns.set(keepAlive, new Set());
  detachers.get(doc)?.();
  return doc;
}

/** Registers how to detach this room instance's observers (see `detachers`). */
export function onDocDetach(doc: EditorDoc, detach: () => void): void {
  detachers.set(doc, detach);
}

export function filesOf(doc: Y.Doc): FilesMap {
  return doc.getMap<Y.Text>("files");
}

/** Hands a Yjs socket to y-partykit; `readOnly` sockets may read and send awareness, never change the doc. */
export function connectYjs(conn: Party.Connection, room: Party.Room, readOnly: boolean): Promise<void> {
  return yOnConnect(conn, room, options(readOnly));
}

/** Compacts the stored update log the way y-partykit does when a doc unloads. */
export class DocCompactor {
  private updates = 0;
  private running: Promise<void> | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: EditorDoc,
    private readonly onError: (error: unknown) => void,
  ) {}

  noteUpdate(): void {
    this.updates++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.updates >= COMPACT_FORCED_AFTER_UPDATES) void this.compact().catch(this.onError);
    else if (this.updates >= COMPACT_AFTER_UPDATES) this.idleTimer = setTimeout(() => void this.compact().catch(this.onError), COMPACT_WHEN_IDLE_MS);
  }

  compact(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.updates = 0;
    this.running ??= this.doc.compactUpdateLog().finally(() => {
      this.running = null;
    });
    return this.running;
  }
}
