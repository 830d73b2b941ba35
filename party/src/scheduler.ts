// A room has one storage alarm; several jobs want to be woken (the interview deadline,
// recording flush retries, a finish that must be retried). Each job keeps an in-memory timer
// for precision, and the alarm is set to the earliest of them so that a room evicted from
// memory (or restarted) is woken to resume. Local partykit dev loses alarms across a restart,
// so onStart re-derives every job and calls `set` again.
import type { Storage } from "./storage.ts";
import { guard } from "./storage.ts";

export type JobName = "deadline" | "recording" | "finish" | "session" | "mirror" | "watch" | "terminal";

/** setTimeout's limit is ~24.8 days; longer waits re-arm when they fire. */
const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

export class Scheduler {
  private readonly due = new Map<JobName, { at: number; timer: ReturnType<typeof setTimeout> }>();
  private alarmAt: number | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly run: (job: JobName) => void,
  ) {}

  /** Runs `job` at `at` (ms since the epoch), replacing any earlier request for it. */
  set(job: JobName, at: number): void {
    this.clearTimer(job);
    const delay = Math.max(0, at - Date.now());
    const timer = setTimeout(() => this.fire(job, at), Math.min(delay, MAX_TIMER_MS));
    this.due.set(job, { at, timer });
    this.syncAlarm();
  }

  clear(job: JobName): void {
    this.clearTimer(job);
    this.syncAlarm();
  }

  isSet(job: JobName): boolean {
    return this.due.has(job);
  }

  /** The storage alarm fired: run whatever is due (timers may not have, after an eviction). */
  onAlarm(): void {
    this.alarmAt = null;
    const now = Date.now();
    for (const [job, { at }] of [...this.due]) if (at <= now + 50) this.fire(job, at);
    this.syncAlarm();
  }

  private fire(job: JobName, at: number): void {
    const entry = this.due.get(job);
    if (!entry || entry.at !== at) return;
    if (at > Date.now() + 50) {
      this.set(job, at);
      return;
    }
    this.clearTimer(job);
    this.syncAlarm();
    this.run(job);
  }

  private clearTimer(job: JobName): void {
    const entry = this.due.get(job);
    if (entry) clearTimeout(entry.timer);
    this.due.delete(job);
  }

  private syncAlarm(): void {
    let earliest: number | null = null;
    for (const { at } of this.due.values()) earliest = earliest === null ? at : Math.min(earliest, at);
    if (earliest === this.alarmAt) return;
    this.alarmAt = earliest;
    // The alarm only wakes an evicted room; onStart re-derives every job anyway, so setting it
    // need not hold the room's outgoing messages.
    const options = { allowUnconfirmed: true };
    guard(earliest === null ? this.storage.deleteAlarm(options) : this.storage.setAlarm(Math.max(earliest, Date.now() + 10), options));
  }
}

/** Exponential backoff for retried jobs: 1 s, 2 s, 4 s … 30 s; reset after a success. */
export class Backoff {
  private delayMs: number;

  constructor(
    private readonly minMs = 1000,
    private readonly maxMs = 30_000,
  ) {
    this.delayMs = minMs;
  }

  /** The time of the next attempt, pushing the one after further out. */
  next(): number {
    const at = Date.now() + this.delayMs;
    this.delayMs = Math.min(this.maxMs, this.delayMs * 2);
    return at;
  }

  reset(): void {
    this.delayMs = this.minMs;
  }
}
