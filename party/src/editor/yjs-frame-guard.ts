// Frames on a Yjs socket are checked here before y-partykit sees them. y-partykit buffers a
// chunked batch (`y-pk-batch#{start…}`, then binary chunks, then `y-pk-batch#{end…}`) in
// full before it looks at the socket's read-only flag, so without this a read-only socket
// could grow the room's memory without bound. Here:
// - read-only sockets may send only what reading needs (sync step 1, awareness), in small
//   frames, and may not start a batch at all;
// - a writable socket's batch is capped (declared and received size), one at a time;
// - text frames other than batch markers are dropped (y-partykit would misread them);
// - awareness must carry a valid `user` (name, #hex colours) that is the sender's own
//   identity and name from the token, or none: anything else is dropped before others draw it;
// - a socket that spends its message or byte budget is closed as a flood;
// - when the socket closes, y-partykit's listener — and any batch it holds — is let go.
// A violation closes the socket with a code from CLOSE_CODES (documented in party/README.md).
import { awarenessUserOf, isAcceptableAwarenessState, type RoomTokenClaims } from "@interviewlm/realtime";
import * as decoding from "lib0/decoding";
import { z } from "zod";
import { CLOSE_CODES, MAX_YJS_BATCH_BYTES, MAX_YJS_READONLY_FRAME_BYTES } from "../limits.ts";
import { frameSize, type ConnectionBudget } from "../rate-limit.ts";

const BATCH_SENTINEL = "y-pk-batch";
const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const SYNC_STEP_1 = 0;

const BatchMarkerSchema = z.object({
  id: z.string().max(64),
  type: z.enum(["start", "end"]),
  size: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
});

export type FrameVerdict = { action: "pass" } | { action: "drop" } | { action: "close"; code: number; reason: string };

const PASS: FrameVerdict = { action: "pass" };
const DROP: FrameVerdict = { action: "drop" };
const close = (code: number, reason: string): FrameVerdict => ({ action: "close", code, reason });

export class YjsFrameGuard {
  private batch: { declared: number; received: number } | null = null;

  constructor(
    private readonly readOnly: boolean,
    /** The socket's hard budget; spending it closes the socket as a flood. */
    private readonly budget: ConnectionBudget | null = null,
    /** Whose socket this is: awareness may only speak for them, under their token's name. */
    private readonly identity: Pick<RoomTokenClaims, "uid" | "role" | "name"> | null = null,
  ) {}

  /** Bytes of the open batch y-partykit is holding for this socket. */
  get bufferedBytes(): number {
    return this.batch?.received ?? 0;
  }

  inspect(data: unknown): FrameVerdict {
    const exceeded = this.budget?.spend(frameSize(data));
    if (exceeded) return close(CLOSE_CODES.flood, `too many ${exceeded}; disconnected`);
    if (typeof data === "string") return this.inspectText(data);
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : null;
    if (!bytes) return DROP;
    if (this.batch) {
      this.batch.received += bytes.byteLength;
      if (this.batch.received > this.batch.declared) return close(CLOSE_CODES.tooLarge, "batch larger than declared");
      return PASS;
    }
    if (this.readOnly && bytes.byteLength > MAX_YJS_READONLY_FRAME_BYTES) return close(CLOSE_CODES.tooLarge, "frame too large for a read-only socket");
    if (bytes[0] === MESSAGE_AWARENESS) return this.acceptableAwareness(bytes) ? PASS : DROP;
    // A read-only socket's document changes are ignored anyway; only reading passes.
    if (this.readOnly) return bytes[0] === MESSAGE_SYNC && bytes[1] === SYNC_STEP_1 ? PASS : DROP;
    return PASS;
  }

  private acceptableAwareness(bytes: Uint8Array): boolean {
    const states = awarenessStates(bytes);
    if (!states) return false;
    return states.every((state) => {
      if (!isAcceptableAwarenessState(state)) return false;
      const user = awarenessUserOf(state);
      const { identity } = this;
      return !user || !identity || (user.id === identity.uid && user.role === identity.role && user.name === identity.name);
    });
  }

  /** Lets go of the batch (the socket closed); y-partykit's listener is released by the caller. */
  release(): void {
    this.batch = null;
  }

  private inspectText(text: string): FrameVerdict {
    if (!text.startsWith(`${BATCH_SENTINEL}#`)) return DROP;
    if (this.readOnly) return close(CLOSE_CODES.policy, "a read-only socket may not send document batches");
    let marker: z.infer<typeof BatchMarkerSchema>;
    try {
      marker = BatchMarkerSchema.parse(JSON.parse(text.slice(BATCH_SENTINEL.length + 1)));
    } catch {
      return close(CLOSE_CODES.policy, "malformed batch marker");
    }
    if (marker.type === "start") {
      if (marker.size > MAX_YJS_BATCH_BYTES) return close(CLOSE_CODES.tooLarge, `document batches are limited to ${MAX_YJS_BATCH_BYTES} bytes`);
      // y-partykit starts over on a new start marker, dropping what it held: so do we.
      this.batch = { declared: marker.size, received: 0 };
      return PASS;
    }
    if (!this.batch) return DROP;
    this.batch = null;
    return PASS;
  }
}

/** The states of an awareness message (y-protocols' encoding), or null if it does not decode. */
function awarenessStates(bytes: Uint8Array): unknown[] | null {
  try {
    const outer = decoding.createDecoder(bytes);
    decoding.readVarUint(outer);
    const update = decoding.createDecoder(decoding.readVarUint8Array(outer));
    const count = decoding.readVarUint(update);
    const states: unknown[] = [];
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(update); // client id
      decoding.readVarUint(update); // clock
      states.push(JSON.parse(decoding.readVarString(update)));
    }
    return states;
  } catch {
    return null;
  }
}

/**
 * The socket as y-partykit should see it: its message listeners only receive frames the guard
 * passes. On a violation, or when the socket closes, the listeners are dropped, so whatever
 * y-partykit buffered for this socket can be collected even if the socket object lingers.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- workerd's and the DOM's listener types differ; only "message" and "close" are used
type Listenable = { addEventListener(type: any, listener: any): void };

export function guardYjsSocket<T extends Listenable>(
  conn: T,
  guard: YjsFrameGuard,
  onViolation: (verdict: Extract<FrameVerdict, { action: "close" }>) => void,
): T {
  const slots: { listener: ((event: MessageEvent) => void) | null }[] = [];
  const releaseAll = () => {
    for (const slot of slots) slot.listener = null;
    guard.release();
  };
  conn.addEventListener("close", releaseAll);
  // y-partykit registers one listener; should there be more, each frame is judged once.
  let lastEvent: MessageEvent | null = null;
  let lastVerdict: FrameVerdict = PASS;
  const judge = (event: MessageEvent): FrameVerdict => {
    if (event !== lastEvent) {
      lastEvent = event;
      lastVerdict = guard.inspect(event.data);
      if (lastVerdict.action === "close") {
        releaseAll();
        onViolation(lastVerdict);
      }
    }
    return lastVerdict;
  };
  return new Proxy(conn, {
    get(target, property) {
      if (property === "addEventListener") {
        return (type: string, listener: (event: MessageEvent) => void) => {
          if (type !== "message") return target.addEventListener(type, listener);
          const slot = { listener: listener as ((event: MessageEvent) => void) | null };
          slots.push(slot);
          target.addEventListener("message", (event: MessageEvent) => {
            if (judge(event).action === "pass") slot.listener?.(event);
          });
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
