// The last ~200 KB of terminal output, so a (re)connecting client sees what was on screen.
// One storage key per coalesced chunk; the oldest chunks are dropped once the rest still
// cover the limit.
import { TERMINAL_SCROLLBACK_CHARS } from "../limits.ts";
import { deleteText, listItems, putText, readStored, seqKey, seqOfKey, type Storage } from "../storage.ts";

const PREFIX = "sb:";

export class Scrollback {
  private chunks: { key: string; value: unknown; data: string }[] = [];
  private chars = 0;
  private next = 0;

  constructor(private readonly storage: Storage) {}

  async load(): Promise<void> {
    for (const [key, value] of await listItems(this.storage, PREFIX)) {
      const data = (await readStored(this.storage, key, value)) ?? "";
      this.chunks.push({ key, value, data });
      this.chars += data.length;
      this.next = Math.max(this.next, seqOfKey(PREFIX, key) + 1);
    }
  }

  append(data: string): void {
    if (data.length === 0) return;
    const key = seqKey(PREFIX, this.next++);
    this.chunks.push({ key, value: putText(this.storage, key, data), data });
    this.chars += data.length;
    while (this.chunks.length > 1 && this.chars - this.chunks[0]!.data.length >= TERMINAL_SCROLLBACK_CHARS) {
      const oldest = this.chunks.shift()!;
      this.chars -= oldest.data.length;
      deleteText(this.storage, oldest.key, oldest.value);
    }
  }

  text(): string {
    const all = this.chunks.map((chunk) => chunk.data).join("");
    return all.length > TERMINAL_SCROLLBACK_CHARS ? all.slice(all.length - TERMINAL_SCROLLBACK_CHARS) : all;
  }
}

const ANCHOR_CHARS = 256;

/**
 * What is new in the output a reattached PTY replays. The sandbox replays its recent output
 * (up to 64 KB), most of which the room already has; the overlap is found by locating the
 * end of the room's own scrollback in the replay and checking the whole overlap matches.
 * When nothing matches, all of it counts as new: a duplicate is better than a loss.
 */
export function outputAfterReplay(known: string, replay: string): string {
  if (known.length === 0 || replay.length === 0) return replay;
  if (known.length >= ANCHOR_CHARS) {
    const anchor = known.slice(-ANCHOR_CHARS);
    for (let at = replay.lastIndexOf(anchor); at >= 0; at = at === 0 ? -1 : replay.lastIndexOf(anchor, at - 1)) {
      if (known.endsWith(replay.slice(0, at + anchor.length))) return replay.slice(at + anchor.length);
    }
  }
  // A short overlap (a short scrollback, or a replay starting near its end): try each length.
  for (let length = Math.min(ANCHOR_CHARS, known.length, replay.length); length > 0; length--) {
    if (known.endsWith(replay.slice(0, length))) return replay.slice(length);
  }
  return replay;
}
