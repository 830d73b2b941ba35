// Folds the recorded editor updates (yjs.update) into the document, remembering for every
// inserted character which event — and so which actor — produced it, and who deleted what.
// Yjs gives each insertion an id (client, clock) that survives later splits and merges of the
// document's items, so origins are kept as clock ranges per client and looked up at the end.
// Pastes are recognised by the candidate's paste signal: the client reports the pasted length
// and file, and the editor inserts a paste as one item of exactly that length (one transaction;
// the room's merging of updates keeps transactions' items apart).
import type { RecordingEvent } from "@interviewlm/realtime";
import * as Y from "yjs";

export type Author = "candidate" | "agent" | "room";

export interface InsertOrigin {
  seq: number;
  at: number;
  author: Author;
}

interface ClockRange<T> {
  clock: number;
  end: number;
  value: T;
}

/** Per-client clock ranges, looked up by binary search. */
class ClockIndex<T> {
  private readonly byClient = new Map<number, ClockRange<T>[]>();
  private sorted = true;

  add(client: number, clock: number, length: number, value: T): void {
    const list = this.byClient.get(client) ?? [];
    if (list.length && list[list.length - 1]!.clock > clock) this.sorted = false;
    list.push({ clock, end: clock + length, value });
    this.byClient.set(client, list);
  }

  find(client: number, clock: number): T | undefined {
    if (!this.sorted) {
      for (const list of this.byClient.values()) list.sort((a, b) => a.clock - b.clock);
      this.sorted = true;
    }
    const list = this.byClient.get(client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const range = list[mid]!;
      if (clock < range.clock) hi = mid - 1;
      else if (clock >= range.end) lo = mid + 1;
      else return range.value;
    }
    return undefined;
  }
}

export function authorOf(actor: string): Author {
  if (actor.startsWith("candidate:")) return "candidate";
  return actor === "agent" ? "agent" : "room";
}

export interface InsertedItem {
  seq: number;
  at: number;
  author: Author;
  client: number;
  clock: number;
  length: number;
  path: string | null;
}

export interface DocumentHistory {
  doc: Y.Doc;
  inserts: ClockIndex<InsertOrigin>;
  /** Who deleted a character, by the character's id. */
  deletions: ClockIndex<Author>;
  /** The paste signal (its seq) whose text a character is, by the character's id. */
  pasted: ClockIndex<number>;
  /** Every text insertion in order of the events. */
  items: InsertedItem[];
  /** The editor updates in order, with the items each inserted. */
  updates: { seq: number; at: number; author: Author; items: InsertedItem[]; deletedChars: number }[];
}

/** The file a text item belongs to, once the update is applied. */
function pathOfItem(doc: Y.Doc, client: number, clock: number): string | null {
  try {
    const item = Y.getItem(doc.store, Y.createID(client, clock));
    const parent = item.parent;
    if (!(parent instanceof Y.Text)) return null;
    const entry = parent._item;
    return entry && typeof entry.parentSub === "string" && entry.parent === doc.getMap("files") ? entry.parentSub : null;
  } catch {
    return null;
  }
}

/**
 * Applies every yjs.update in seq order. `onUpdate` runs after each one, with the document as
 * it then is (used to count the lines an agent edit wrote).
 */
export function foldDocumentHistory(events: readonly RecordingEvent[], onUpdate?: (update: DocumentHistory["updates"][number], history: DocumentHistory) => void): DocumentHistory {
  const history: DocumentHistory = { doc: new Y.Doc(), inserts: new ClockIndex(), deletions: new ClockIndex(), pasted: new ClockIndex(), items: [], updates: [] };
  const { doc } = history;
  doc.getMap("files");
  for (const event of events) {
    if (event.type !== "yjs.update" || typeof event.payload.update !== "string") continue;
    const bytes = Buffer.from(event.payload.update, "base64");
    const author = authorOf(event.actor);
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      decoded = Y.decodeUpdate(bytes);
      Y.applyUpdate(doc, bytes);
    } catch {
      continue; // An update the document cannot take is skipped, as the replay's fold would fail on it too.
    }
    const items: InsertedItem[] = [];
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item)) continue;
      history.inserts.add(struct.id.client, struct.id.clock, struct.length, { seq: event.seq, at: event.at, author });
      if (struct.content instanceof Y.ContentString) {
        const item: InsertedItem = { seq: event.seq, at: event.at, author, client: struct.id.client, clock: struct.id.clock, length: struct.length, path: pathOfItem(doc, struct.id.client, struct.id.clock) };
        items.push(item);
        history.items.push(item);
      }
    }
    let deletedChars = 0;
    for (const [client, ranges] of decoded.ds.clients) {
      for (const range of ranges) {
        history.deletions.add(client, range.clock, range.len, author);
        deletedChars += range.len;
      }
    }
    const update = { seq: event.seq, at: event.at, author, items, deletedChars };
    history.updates.push(update);
    onUpdate?.(update, history);
  }
  return history;
}

/** Marks as pasted the insertion each paste signal reported: the nearest unclaimed candidate item of that file and length. */
export function attributePastes(history: DocumentHistory, pastes: readonly { seq: number; at: number; path: string; length: number }[], windowMs = 10_000): Map<number, InsertedItem> {
  const claimed = new Map<number, InsertedItem>();
  const used = new Set<InsertedItem>();
  for (const paste of pastes) {
    let best: InsertedItem | null = null;
    for (const item of history.items) {
      if (item.author !== "candidate" || item.path !== paste.path || item.length !== paste.length || used.has(item)) continue;
      if (Math.abs(item.at - paste.at) > windowMs) continue;
      if (!best || Math.abs(item.seq - paste.seq) < Math.abs(best.seq - paste.seq)) best = item;
    }
    if (!best) continue;
    used.add(best);
    claimed.set(paste.seq, best);
    history.pasted.add(best.client, best.clock, best.length, paste.seq);
  }
  return claimed;
}

export interface CharOrigin {
  char: string;
  origin: InsertOrigin | undefined;
  /** The paste signal's seq when the character was pasted. */
  pasteSeq: number | undefined;
}

/**
 * Walks one file's text in document order: visible characters with their origin, and for
 * deleted stretches who deleted them (`onDeleted`), so an edit that only removed characters
 * from a line still counts as an edit of that line.
 */
export function walkText(history: DocumentHistory, text: Y.Text, onChar: (c: CharOrigin) => void, onDeleted: (deletedBy: Author | undefined, originalAuthor: Author | undefined) => void): void {
  let item = text._start;
  while (item) {
    const { client, clock } = item.id;
    if (item.deleted) {
      onDeleted(history.deletions.find(client, clock), history.inserts.find(client, clock)?.author);
    } else if (item.content instanceof Y.ContentString) {
      const str = item.content.str;
      for (let i = 0; i < str.length; i++) onChar({ char: str[i]!, origin: history.inserts.find(client, clock + i), pasteSeq: history.pasted.find(client, clock + i) });
    }
    item = item.right;
  }
}
