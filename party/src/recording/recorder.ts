// The session recording. Every event gets the next per-session `seq` and is written to room
// storage in the same atomic write as the counter, so a seq is never reused and nothing is
// only in memory. Those writes do not hold the room's fan-out (allowUnconfirmed): instead a
// batch is sent only once storage confirms everything written so far (`sync`), so an event
// the web app has seen can never be lost and its seq handed out again. Batches go to the web
// app's ingest endpoint oldest first; only a 2xx deletes them. Failures back off (an alarm-backed job, so an evicted or restarted room
// resumes); the web side is idempotent on (sessionId, seq), so a batch that was stored but
// not acknowledged before a restart is simply sent again.
import type { RecordingEvent, RecordingEventType } from "@interviewlm/realtime";
import { RECORDING_BATCH_BYTES, RECORDING_BATCH_EVENTS, RECORDING_FLUSH_MS, RECORDING_RETRY_MAX_MS, RECORDING_RETRY_MIN_MS } from "../limits.ts";
import { errorMessage, type Logger } from "../log.ts";
import type { Scheduler } from "../scheduler.ts";
import { deleteText, guard, listItems, putText, readStored, seqKey, unconfirmed, type Storage } from "../storage.ts";
import type { WebClient } from "../web-client.ts";

const EVENT_PREFIX = "rec:";
const NEXT_SEQ_KEY = "recmeta:nextSeq";

export interface RecorderDeps {
  storage: Storage;
  web: WebClient;
  sessionId: string;
  scheduler: Scheduler;
  log: Logger;
}

export class Recorder {
  private nextSeq = 1;
  private pending = 0;
  private flushing: Promise<void> | null = null;
  private retryDelayMs = RECORDING_RETRY_MIN_MS;
  private backingOff = false;
  private readonly writes: Storage;

  constructor(private readonly deps: RecorderDeps) {
    this.writes = unconfirmed(deps.storage);
  }

  async load(): Promise<void> {
    this.nextSeq = (await this.deps.storage.get<number>(NEXT_SEQ_KEY)) ?? 1;
    this.pending = (await listItems(this.deps.storage, EVENT_PREFIX)).size;
    if (this.pending > 0) this.deps.scheduler.set("recording", Date.now());
  }

  /** Numbers and stores the event; returns it. Synchronous so callers can batch it atomically with their own writes. */
  record(type: RecordingEventType, actor: string, payload: Record<string, unknown>, at = Date.now()): RecordingEvent {
    const event: RecordingEvent = { seq: this.nextSeq++, at: Math.max(0, Math.floor(at)), type, actor: actor.slice(0, 120), payload };
    putText(this.writes, seqKey(EVENT_PREFIX, event.seq), JSON.stringify(event));
    guard(this.writes.put(NEXT_SEQ_KEY, this.nextSeq));
    this.pending++;
    if (this.backingOff || this.flushing) return event;
    if (this.pending >= RECORDING_BATCH_EVENTS) this.deps.scheduler.set("recording", Date.now());
    else if (!this.deps.scheduler.isSet("recording")) this.deps.scheduler.set("recording", Date.now() + RECORDING_FLUSH_MS);
    return event;
  }

  get pendingEvents(): number {
    return this.pending;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Sends what is stored, oldest first; one drain at a time. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    this.deps.scheduler.clear("recording");
    for (;;) {
      const batch = await this.nextBatch();
      if (!batch) {
        this.pending = 0;
        return;
      }
      try {
        await this.deps.storage.sync();
        const result = await this.deps.web.ingest(batch.body);
        this.deps.log.info("recording.flushed", { events: batch.keys.length, inserted: result.inserted, duplicates: result.duplicates, pending: this.pending - batch.keys.length });
      } catch (error) {
        // Never dropped, even on a 4xx: losing the recording is worse than a stuck queue, and
        // the log says why it is stuck.
        this.backingOff = true;
        this.deps.log.warn("recording.flush_failed", { events: batch.keys.length, pending: this.pending, retryInMs: this.retryDelayMs, message: errorMessage(error) });
        this.deps.scheduler.set("recording", Date.now() + this.retryDelayMs);
        this.retryDelayMs = Math.min(RECORDING_RETRY_MAX_MS, this.retryDelayMs * 2);
        return;
      }
      for (const [key, value] of batch.keys) deleteText(this.writes, key, value);
      this.pending = Math.max(0, this.pending - batch.keys.length);
      this.backingOff = false;
      this.retryDelayMs = RECORDING_RETRY_MIN_MS;
      // A full batch waiting goes now; a few stragglers wait for the next tick of the clock.
      if (this.pending < RECORDING_BATCH_EVENTS) {
        if (this.pending > 0) this.deps.scheduler.set("recording", Date.now() + RECORDING_FLUSH_MS);
        return;
      }
    }
  }

  private async nextBatch(): Promise<{ body: string; keys: [string, unknown][] } | null> {
    const items = await listItems(this.deps.storage, EVENT_PREFIX, { limit: RECORDING_BATCH_EVENTS });
    if (items.size === 0) return null;
    const events: string[] = [];
    const keys: [string, unknown][] = [];
    let bytes = 0;
    for (const [key, value] of items) {
      const json = await readStored(this.deps.storage, key, value);
      if (json === null) {
        this.deps.log.error("recording.unreadable_event", { key });
        continue;
      }
      if (events.length > 0 && bytes + json.length > RECORDING_BATCH_BYTES) break;
      events.push(json);
      keys.push([key, value]);
      bytes += json.length + 1;
    }
    if (events.length === 0) return null;
    return { body: `{"sessionId":${JSON.stringify(this.deps.sessionId)},"events":[${events.join(",")}]}`, keys };
  }
}
