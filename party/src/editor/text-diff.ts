// Applies new content to a Y.Text as a small edit instead of replacing it, so that remote
// cursors and selections outside the changed region keep their places. The common prefix
// and suffix are trimmed first (cheap and exact); a character diff (fast-diff, Myers) runs on
// the middle only when it is small enough to be quick.
import diff from "fast-diff";
import type * as Y from "yjs";

const MAX_DIFF_CHARS = 40_000;

export function applyTextChange(text: Y.Text, next: string): boolean {
  const current = text.toString();
  if (current === next) return false;
  let start = 0;
  const shortest = Math.min(current.length, next.length);
  while (start < shortest && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  // Never cut a surrogate pair: Yjs would replace a lone half with U+FFFD.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < shortest - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.slice(start, current.length - end);
  const inserted = next.slice(start, next.length - end);
  if (removed.length + inserted.length > MAX_DIFF_CHARS || removed.length === 0 || inserted.length === 0) {
    if (removed.length > 0) text.delete(start, removed.length);
    if (inserted.length > 0) text.insert(start, inserted);
    return true;
  }
  let index = start;
  for (const [op, chunk] of diff(removed, inserted)) {
    if (op === diff.EQUAL) index += chunk.length;
    else if (op === diff.DELETE) text.delete(index, chunk.length);
    else {
      text.insert(index, chunk);
      index += chunk.length;
    }
  }
  return true;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
