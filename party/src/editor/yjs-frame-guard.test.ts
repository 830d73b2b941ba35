import * as awarenessProtocol from "y-protocols/awareness";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { CLOSE_CODES, MAX_YJS_BATCH_BYTES, MAX_YJS_READONLY_FRAME_BYTES } from "../limits.ts";
import { guardYjsSocket, YjsFrameGuard } from "./yjs-frame-guard.ts";

const marker = (type: "start" | "end", size: number, count = 1) => `y-pk-batch#${JSON.stringify({ id: "b1", type, size, count })}`;
const step1 = new Uint8Array([0, 0, 1, 0]).buffer;
const update = new Uint8Array([0, 2, 5, 1, 2, 3, 4, 5]).buffer;
const awareness = awarenessFrame({ cursor: null });

/** An awareness message as y-partykit's provider sends it, with this local state. */
function awarenessFrame(state: Record<string, unknown>): ArrayBuffer {
  const doc = new Y.Doc();
  const local = new awarenessProtocol.Awareness(doc);
  local.setLocalState(state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(local, [doc.clientID]));
  const bytes = encoding.toUint8Array(encoder);
  local.destroy();
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe("a read-only Yjs socket", () => {
  it("passes sync step 1 and awareness, drops document changes, and may not start a batch", () => {
    const guard = new YjsFrameGuard(true);
    expect(guard.inspect(step1)).toEqual({ action: "pass" });
    expect(guard.inspect(awareness)).toEqual({ action: "pass" });
    expect(guard.inspect(update)).toEqual({ action: "drop" });
    expect(guard.inspect("hello")).toEqual({ action: "drop" });
    expect(guard.inspect(marker("start", 10))).toMatchObject({ action: "close", code: CLOSE_CODES.policy });
    expect(guard.bufferedBytes).toBe(0);
  });

  it("closes on a frame larger than reading needs", () => {
    expect(new YjsFrameGuard(true).inspect(new ArrayBuffer(MAX_YJS_READONLY_FRAME_BYTES + 1))).toMatchObject({ action: "close", code: CLOSE_CODES.tooLarge });
  });
});

describe("a writable Yjs socket", () => {
  it("passes a batch within its declared size and the cap", () => {
    const guard = new YjsFrameGuard(false);
    expect(guard.inspect(marker("start", 2_000_000, 2))).toEqual({ action: "pass" });
    expect(guard.inspect(new ArrayBuffer(1_000_000))).toEqual({ action: "pass" });
    expect(guard.bufferedBytes).toBe(1_000_000);
    expect(guard.inspect(new ArrayBuffer(1_000_000))).toEqual({ action: "pass" });
    expect(guard.inspect(marker("end", 2_000_000, 2))).toEqual({ action: "pass" });
    expect(guard.bufferedBytes).toBe(0);
    expect(guard.inspect(update)).toEqual({ action: "pass" });
  });

  it("closes on a batch declared over the cap, chunks beyond the declared size, or a malformed marker", () => {
    expect(new YjsFrameGuard(false).inspect(marker("start", MAX_YJS_BATCH_BYTES + 1))).toMatchObject({ action: "close", code: CLOSE_CODES.tooLarge });
    const lying = new YjsFrameGuard(false);
    lying.inspect(marker("start", 10));
    expect(lying.inspect(new ArrayBuffer(11))).toMatchObject({ action: "close", code: CLOSE_CODES.tooLarge });
    expect(new YjsFrameGuard(false).inspect("y-pk-batch#{not json")).toMatchObject({ action: "close", code: CLOSE_CODES.policy });
  });
});

describe("awareness through the room", () => {
  const me = { uid: "cand_1", role: "candidate", name: "Ada" } as const;
  const user = { id: "cand_1", name: "Ada", role: "candidate", color: "#9ba3ff", colorLight: "#9ba3ff33" };

  it("passes the sender's own valid user and drops invalid colours, unsafe names, someone else's identity and garbage", () => {
    const guard = new YjsFrameGuard(false, null, me);
    expect(guard.inspect(awarenessFrame({ user, cursor: null }))).toEqual({ action: "pass" });
    expect(guard.inspect(awarenessFrame({ user: { ...user, color: "#fff;background:url(//evil.example)" } }))).toEqual({ action: "drop" });
    expect(guard.inspect(awarenessFrame({ user: { ...user, name: "\u202Eevil" } }))).toEqual({ action: "drop" });
    expect(guard.inspect(awarenessFrame({ user: { ...user, id: "rev_1", role: "reviewer" } }))).toEqual({ action: "drop" });
    expect(guard.inspect(awarenessFrame({ user: { ...user, name: "Interviewer" } }))).toEqual({ action: "drop" });
    expect(guard.inspect(new Uint8Array([1, 200]).buffer)).toEqual({ action: "drop" });
  });
});

describe("guardYjsSocket", () => {
  function socket() {
    const target = new EventTarget();
    return {
      target,
      conn: { addEventListener: (type: string, listener: (event: MessageEvent) => void) => target.addEventListener(type, listener as EventListener) },
      frame: (data: unknown) => target.dispatchEvent(new MessageEvent("message", { data })),
    };
  }

  it("hands only passed frames to the listener and lets go of it on a violation", () => {
    const { conn, frame } = socket();
    const violations: number[] = [];
    const guarded = guardYjsSocket(conn, new YjsFrameGuard(true), (verdict) => violations.push(verdict.code));
    const seen: unknown[] = [];
    guarded.addEventListener("message", (event) => seen.push(event.data));
    frame(step1);
    frame(update);
    frame(marker("start", 10));
    frame(awareness);
    expect(seen).toEqual([step1]);
    expect(violations).toEqual([CLOSE_CODES.policy]);
  });

  it("lets go of the listener and the open batch when the socket closes", () => {
    const { conn, frame, target } = socket();
    const guard = new YjsFrameGuard(false);
    const guarded = guardYjsSocket(conn, guard, () => undefined);
    const seen: unknown[] = [];
    guarded.addEventListener("message", (event) => seen.push(event.data));
    frame(marker("start", 3_000_000, 3));
    frame(new ArrayBuffer(1_000_000));
    expect(guard.bufferedBytes).toBe(1_000_000);
    target.dispatchEvent(new Event("close"));
    expect(guard.bufferedBytes).toBe(0);
    frame(new ArrayBuffer(10));
    expect(seen).toHaveLength(2);
  });
});
