// The session recording. Every event gets the next per-session `seq` and is written to room
// storage in the same atomic write as the counter, so a seq is never reused and nothing is
// only in memory. Those writes do not hold the room's fan-out (allowUnconfirmed): instead a
// batch is sent only once storage confirms everything written so far (`sync`), so an event
// the web app has seen can never be lost and its seq handed out again. Batches go to the web
// app's ingest endpoint oldest first; a 2xx deletes them. The web side is idempotent on
// (sessionId, seq), so a batch that was stored but not acknowledged before a restart is
// simply sent again.
//
// Failures are of two kinds (docs/decisions/0060). Transient ones (network, 5xx, 401, 408,
// 429) back off 1 s → 30 s through an alarm-backed job, so an evicted or restarted room
// resumes. A refusal for good (another 4xx) must not block the events behind it: the batch is
// halved until the refused events are alone, and those are set aside as a dead letter in the
// web app — with a log line and a counter — while everything else flows on.
import type { RecordingEvent, RecordingEventType } from "@interviewlm/realtime";
import { RECORDING_BATCH_BYTES, RECORDING_BATCH_EVENTS, RECORDING_FLUSH_MS, RECORDING_RETRY_MAX_MS, RECORDING_RETRY_MIN_MS } from "../limits.ts";
import { errorMessage, type Logger } from "@interviewlm/infra/log";
import type { Scheduler } from "../scheduler.ts";
import { deleteText, guard, listItems, putText, readStored, seqKey, seqOfKey, unconfirmed, type Storage } from "../storage.ts";
import { WebRequestError, type WebClient } from "../web-client.ts";

const EVENT_PREFIX = "rec:";
const NEXT_SEQ_KEY = "recmeta:nextSeq";
const DEAD_LETTERS_KEY = "recmeta:deadLetters";

export interface RecorderDeps {
  storage: Storage;
  web: WebClient;
  sessionId: string;
  scheduler: Scheduler;
  log: Logger;
}

interface Batch {
  body: string;
  keys: [string, unknown][];
  firstSeq: number;
  lastSeq: number;
}

/** Events set aside over the room's life (stored: the count survives restarts). */
export interface DeadLetterCount {
  batches: number;
  events: number;
}

/**
 * What a refusal means for the batch: "events" — something in it is refused (400, 413, 422…),
 * so narrow it down; "batch" — the whole session is refused (404/410: unknown session); null
 * — worth retrying as it is (network, 5xx, and 401/403/408/429, which no event causes).
 */
function refusalOf(error: unknown): "events" | "batch" | null {
  if (!(error instanceof WebRequestError) || !error.permanent || error.status === 401 || error.status === 403) return null;
  return error.status === 404 || error.status === 410 ? "batch" : "events";
}

export class Recorder {
  private nextSeq = 1;
  private pending = 0;
  private flushing: Promise<void> | null = null;
  private retryDelayMs = RECORDING_RETRY_MIN_MS;
  private backingOff = false;
  /** Lowered while narrowing down a refused batch; back to the maximum once the refused events are set aside or the queue is empty. */
  private batchLimit = RECORDING_BATCH_EVENTS;
  private deadLetters: DeadLetterCount = { batches: 0, events: 0 };
  private readonly writes: Storage;

  constructor(private readonly deps: RecorderDeps) {
    this.writes = unconfirmed(deps.storage);
  }

  async load(): Promise<void> {
    this.nextSeq = (await this.deps.storage.get<number>(NEXT_SEQ_KEY)) ?? 1;
    this.deadLetters = (await this.deps.storage.get<DeadLetterCount>(DEAD_LETTERS_KEY)) ?? this.deadLetters;
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

  get deadLettered(): DeadLetterCount {
    return { ...this.deadLetters };
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
        this.batchLimit = RECORDING_BATCH_EVENTS;
        return;
      }
      if (!(await this.deliver(batch))) return;
      // A full batch waiting goes now, and so does the rest of a refused batch being narrowed
      // down; a few stragglers wait for the next tick of the clock.
      if (this.pending < RECORDING_BATCH_EVENTS && this.batchLimit === RECORDING_BATCH_EVENTS) {
        if (this.pending > 0) this.deps.scheduler.set("recording", Date.now() + RECORDING_FLUSH_MS);
        return;
      }
    }
  }

  /** Sends one batch. True when the drain may go on (stored, set aside, or to be halved); false after scheduling a retry. */
  private async deliver(batch: Batch): Promise<boolean> {
    const events = batch.keys.length;
    let refused: WebRequestError;
    try {
      await this.deps.storage.sync();
      const result = await this.deps.web.ingest(batch.body);
      this.deps.log.info("recording.flushed", { events, inserted: result.inserted, duplicates: result.duplicates, pending: this.pending - events });
      this.done(batch);
      return true;
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) return this.retryLater("recording.flush_failed", events, error);
      refused = error as WebRequestError;
      if (refusal === "events" && events > 1) {
        this.batchLimit = Math.ceil(events / 2);
        this.deps.log.warn("recording.batch_refused", { firstSeq: batch.firstSeq, lastSeq: batch.lastSeq, events, status: refused.status, nextBatchEvents: this.batchLimit });
        return true;
      }
    }
    try {
      await this.deps.web.deadLetter({ sessionId: this.deps.sessionId, firstSeq: batch.firstSeq, lastSeq: batch.lastSeq, events, status: refused.status, reason: refused.message, body: batch.body });
    } catch (error) {
      return this.retryLater("recording.dead_letter_failed", events, error);
    }
    this.batchLimit = RECORDING_BATCH_EVENTS;
    this.deadLetters = { batches: this.deadLetters.batches + 1, events: this.deadLetters.events + events };
    guard(this.deps.storage.put(DEAD_LETTERS_KEY, this.deadLetters));
    this.deps.log.error("recording.batch_set_aside", {
      firstSeq: batch.firstSeq,
      lastSeq: batch.lastSeq,
      events,
      status: refused.status,
      reason: refused.message.slice(0, 500),
      deadLetterBatches: this.deadLetters.batches,
      deadLetterEvents: this.deadLetters.events,
    });
    this.done(batch);
    return true;
  }

  /** The batch is in the web app (stored or set aside): forget it here. */
  private done(batch: Batch): void {
    for (const [key, value] of batch.keys) deleteText(this.writes, key, value);
    this.pending = Math.max(0, this.pending - batch.keys.length);
    this.backingOff = false;
    this.retryDelayMs = RECORDING_RETRY_MIN_MS;
  }

  /** Keeps everything and tries again after a pause that doubles up to the maximum. */
  private retryLater(event: string, events: number, error: unknown): false {
    this.backingOff = true;
    this.deps.log.warn(event, { events, pending: this.pending, retryInMs: this.retryDelayMs, message: errorMessage(error) });
    this.deps.scheduler.set("recording", Date.now() + this.retryDelayMs);
    this.retryDelayMs = Math.min(RECORDING_RETRY_MAX_MS, this.retryDelayMs * 2);
    return false;
  }

  private async nextBatch(): Promise<Batch | null> {
    const items = await listItems(this.deps.storage, EVENT_PREFIX, { limit: this.batchLimit });
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
    return {
      body: `{"sessionId":${JSON.stringify(this.deps.sessionId)},"events":[${events.join(",")}]}`,
      keys,
      firstSeq: seqOfKey(EVENT_PREFIX, keys[0]![0]),
      lastSeq: seqOfKey(EVENT_PREFIX, keys.at(-1)![0]),
    };
  }
}
