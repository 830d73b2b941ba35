// How much terminal output a session records. A candidate can print without end (`yes`), and
// every recorded character is stored, shipped and kept in PostgreSQL; past the cap the room
// records one `terminal.truncated` event and then no more output. Only the recording stops:
// the live terminal, its fan-out and the scrollback go on. The count is kept in storage so a
// restart does not reset it.
import { guard, type Storage } from "../storage.ts";

const KEY = "term:recorded";

export class TerminalRecordingCap {
  private recorded = 0;

  constructor(
    private readonly storage: Storage,
    readonly limitChars: number,
  ) {}

  async load(): Promise<void> {
    this.recorded = (await this.storage.get<number>(KEY)) ?? 0;
  }

  get truncated(): boolean {
    return this.recorded >= this.limitChars;
  }

  /** The part of `data` to record (possibly ""), and whether the cap was reached by this chunk. */
  admit(data: string): { record: string; reachedNow: boolean } {
    if (this.truncated) return { record: "", reachedNow: false };
    const room = this.limitChars - this.recorded;
    const record = data.length <= room ? data : data.slice(0, room);
    this.recorded += data.length <= room ? data.length : room;
    guard(this.storage.put(KEY, this.recorded));
    return { record, reachedNow: this.truncated };
  }
}
