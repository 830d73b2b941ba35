// Coalesces a fast stream (Yjs updates, terminal output) into fewer, larger pieces without
// holding anything only in memory: each piece is written to storage as it arrives, and when
// the window closes the pieces are handed to `finalize` and deleted in the same synchronous
// turn — so the finalized result (e.g. a recording event) and the deletion commit together.
// After a restart, `recover` finalizes whatever a crash left behind.
import { deleteText, listItems, putText, readStored, seqKey, seqOfKey, unconfirmed, type Storage } from "../storage.ts";

export interface CoalescedPiece {
  group: string;
  data: string;
}

export interface CoalescerOptions {
  prefix: string;
  windowMs: number;
  /** Close the window early once this many characters are waiting. */
  maxChars: number;
  /** Runs synchronously; must not await. */
  finalize(group: string, pieces: string[]): void;
  /** Pieces may be written without holding outgoing messages (see storage.ts `unconfirmed`). */
  unconfirmedPieces?: boolean;
}

export class DurableCoalescer {
  private counter = 0;
  private group: string | null = null;
  private pieces: { key: string; value: unknown; data: string }[] = [];
  private chars = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private readonly pieceStorage: Storage;

  constructor(
    private readonly storage: Storage,
    private readonly options: CoalescerOptions,
  ) {
    this.pieceStorage = options.unconfirmedPieces ? unconfirmed(storage) : storage;
  }

  /** Finalizes pieces a previous run stored but never finalized. */
  async recover(): Promise<void> {
    const items = await listItems(this.storage, this.options.prefix);
    for (const [key, value] of items) {
      this.counter = Math.max(this.counter, seqOfKey(this.options.prefix, key) + 1);
      const stored = await readStored(this.storage, key, value);
      const split = stored?.indexOf("\u0000") ?? -1;
      if (stored === null || split < 0) {
        deleteText(this.storage, key, value);
        continue;
      }
      const group = stored.slice(0, split);
      if (this.group !== null && this.group !== group) this.flush();
      this.group = group;
      this.pieces.push({ key, value, data: stored.slice(split + 1) });
    }
    this.flush();
  }

  add(group: string, data: string): void {
    if (this.group !== null && this.group !== group) this.flush();
    this.group = group;
    const key = seqKey(this.options.prefix, this.counter++);
    const stored = `${group}\u0000${data}`;
    this.pieces.push({ key, value: putText(this.pieceStorage, key, stored), data });
    this.chars += data.length;
    if (this.chars >= this.options.maxChars) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.windowMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { group, pieces } = this;
    this.group = null;
    this.pieces = [];
    this.chars = 0;
    if (group === null || pieces.length === 0) return;
    this.options.finalize(
      group,
      pieces.map((piece) => piece.data),
    );
    for (const piece of pieces) deleteText(this.pieceStorage, piece.key, piece.value);
  }
}
