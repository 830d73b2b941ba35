// How recorded payloads are stored in PostgreSQL, and the one way to read them back.
//
// A payload may hold any string the room saw: terminal input and output with NUL bytes,
// C0 controls, lone UTF-16 surrogates (a candidate can type any of them). JSON carries every
// one of those exactly (JSON.stringify escapes NUL as \u0000 and a lone surrogate as \udXXX),
// but PostgreSQL's jsonb refuses both (SQLSTATE 22P05). So, on the way in, each string (key or
// value) that jsonb cannot hold is replaced by STORED_STRING_MARK followed by its JSON escape —
// text jsonb always accepts. A string that itself begins with the mark is escaped too, so
// decoding is unambiguous. Every other string is stored as it is: ordinary events stay
// readable and queryable in SQL. The mark is U+FDD0, a Unicode noncharacter ("reserved for
// internal use"), so escaping real text is rare. See docs/decisions/0060.
import { isStorableText, RecordingEventSchema, type RecordingEvent } from "./recording.ts";

export const STORED_STRING_MARK = "\uFDD0";

function encodeString(text: string): string {
  if (!text.startsWith(STORED_STRING_MARK) && isStorableText(text)) return text;
  return STORED_STRING_MARK + JSON.stringify(text).slice(1, -1);
}

function decodeString(text: string): string {
  if (!text.startsWith(STORED_STRING_MARK)) return text;
  return JSON.parse(`"${text.slice(STORED_STRING_MARK.length)}"`) as string;
}

/** Rebuilds `value` with `convert` applied to every string and key; unchanged parts are shared, not copied. */
function mapStrings(value: unknown, convert: (text: string) => string): unknown {
  if (typeof value === "string") return convert(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = mapStrings(value[i], convert);
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  // Most payloads need nothing: look before allocating.
  let changed = false;
  for (const key in object) {
    if (convert(key) !== key || mapStrings(object[key], convert) !== object[key]) {
      changed = true;
      break;
    }
  }
  if (!changed) return value;
  // fromEntries defines own properties, so a "__proto__" key stays a key.
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [convert(key), mapStrings(item, convert)]));
}

/** A JSON value as the database stores it: every string jsonb can hold. */
export function toStoredJson<T>(value: T): T {
  return mapStrings(value, encodeString) as T;
}

/** The inverse of toStoredJson: the exact value that was recorded. */
export function fromStoredJson<T>(value: T): T {
  return mapStrings(value, decodeString) as T;
}

const StoredEnvelopeSchema = RecordingEventSchema.omit({ payload: true });

/** A row of "RecordingEvent" as a driver returns it. */
export interface StoredRecordingEvent {
  seq: number;
  at: Date;
  type: string;
  actor: string;
  payload: unknown;
}

/**
 * The one way to turn a stored row back into the event the room recorded (used by replay):
 * payload strings decoded, `at` back to epoch milliseconds, checked against the contract.
 */
export function decodeRecordingEvent(row: StoredRecordingEvent): RecordingEvent {
  const envelope = StoredEnvelopeSchema.parse({ seq: row.seq, at: row.at.getTime(), type: row.type, actor: row.actor });
  if (row.payload === null || typeof row.payload !== "object" || Array.isArray(row.payload)) {
    throw new Error(`recording event ${row.seq} has no payload object`);
  }
  // The payload is decoded, not re-parsed: a schema would copy it and could drop keys.
  return { ...envelope, payload: fromStoredJson(row.payload as Record<string, unknown>) };
}
