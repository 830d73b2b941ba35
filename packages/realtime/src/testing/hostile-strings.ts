// Test data for the recording: strings that hold what a candidate can put into any payload —
// every code unit 0x00–0xFF (NUL and the C0 controls included), lone UTF-16 surrogates, valid
// pairs, and the storage encoding's own mark. Seeded, so a failure can be replayed.
import { STORED_STRING_MARK } from "../recording-codec.ts";

export type Random = () => number;

/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random: Random, n: number) => Math.floor(random() * n);

function hostileUnit(random: Random): string {
  const kind = pick(random, 10);
  if (kind === 0) return String.fromCharCode(0xd800 + pick(random, 0x400)); // lone high surrogate (unless a low one follows)
  if (kind === 1) return String.fromCharCode(0xdc00 + pick(random, 0x400)); // lone low surrogate
  if (kind === 2) return "\uD83D\uDE00"; // a valid pair
  if (kind === 3) return pick(random, 2) === 0 ? "\u0000" : STORED_STRING_MARK;
  return String.fromCharCode(pick(random, 0x100));
}

/** A string of up to `maxLength` hostile code units (sometimes empty). */
export function hostileString(random: Random, maxLength: number): string {
  let text = "";
  const length = pick(random, maxLength + 1);
  for (let i = 0; i < length; i++) text += hostileUnit(random);
  return text;
}

/** `length` random bytes 0x00–0xFF. */
export function randomBytes(random: Random, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => pick(random, 0x100));
}
