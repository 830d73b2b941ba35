import { describe, expect, it } from "vitest";
import { decodeRecordingEvent, fromStoredJson, isStorableText, STORED_STRING_MARK, toStoredJson } from "./index.ts";
import { hostileString, seededRandom } from "./testing/hostile-strings.ts";

describe("the recording's storage encoding", () => {
  it("leaves ordinary payloads untouched (the same object, not a copy)", () => {
    const payload = { data: "$ python main.py\r\nline 1 — ünïcödé 😀\r\n", nested: [{ a: 1, b: null, c: true }] };
    expect(toStoredJson(payload)).toBe(payload);
    expect(fromStoredJson(payload)).toBe(payload);
  });

  it("makes NUL, lone surrogates and the mark itself storable, in keys and values, and decodes them back exactly", () => {
    const payload = {
      data: "a\u0000b",
      high: "x\uD800",
      low: "\uDC00y",
      reversed: "\uDC00\uD800",
      marked: `${STORED_STRING_MARK}not an escape`,
      "key\u0000with nul": [`\uD83D`, "\uDE00", "\uD83D\uDE00"],
    };
    const stored = toStoredJson(payload);
    const strings = JSON.stringify(stored).match(/"(?:[^"\\]|\\.)*"/g)!.map((quoted) => JSON.parse(quoted) as string);
    for (const text of strings) expect(isStorableText(text), JSON.stringify(text)).toBe(true);
    expect(stored.data).toBe(`${STORED_STRING_MARK}a\\u0000b`);
    expect(stored.reversed).not.toBe(payload.reversed);
    expect(fromStoredJson(stored)).toStrictEqual(payload);
  });

  it("round-trips hundreds of random payloads of bytes 0x00–0xFF and lone surrogates", () => {
    const random = seededRandom(60);
    for (let i = 0; i < 500; i++) {
      const payload = { [hostileString(random, 4)]: hostileString(random, 64), list: [hostileString(random, 16), { [hostileString(random, 3)]: hostileString(random, 8) }] };
      const stored = toStoredJson(payload);
      expect(isStorableText(JSON.stringify(stored))).toBe(true);
      expect(fromStoredJson(JSON.parse(JSON.stringify(stored)))).toStrictEqual(payload);
    }
  });

  it("keeps a __proto__ key a key", () => {
    const payload = JSON.parse('{"input":{"__proto__":{"polluted":"\\u0000"}}}') as Record<string, unknown>;
    const decoded = fromStoredJson(JSON.parse(JSON.stringify(toStoredJson(payload))) as Record<string, unknown>);
    expect(Object.keys(decoded.input as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(payload));
  });

  it("decodes a stored row into the recorded event, and refuses a row outside the contract", () => {
    const row = { seq: 7, at: new Date(1_700_000_000_123), type: "terminal.input", actor: "candidate:c1", payload: toStoredJson({ data: "\u0000" }) };
    expect(decodeRecordingEvent(row)).toStrictEqual({ seq: 7, at: 1_700_000_000_123, type: "terminal.input", actor: "candidate:c1", payload: { data: "\u0000" } });
    expect(() => decodeRecordingEvent({ ...row, type: "terminal.telepathy" })).toThrow();
    expect(() => decodeRecordingEvent({ ...row, payload: "not an object" })).toThrow(/payload/);
  });
});
