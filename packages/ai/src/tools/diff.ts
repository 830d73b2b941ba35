// A small line diff for showing an agent's edit in the conversation (and the recording).
// Trims the common prefix and suffix first, so a typical edit is cheap; the LCS in between is
// capped, and a larger change is shown as a whole replacement.

const MAX_LCS_CELLS = 4_000_000;
const CONTEXT = 3;

export interface DiffLine {
  kind: " " | "-" | "+";
  text: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = diffMiddle(a.slice(start, endA), b.slice(start, endB));
  const head = a.slice(Math.max(0, start - CONTEXT), start).map((text) => ({ kind: " " as const, text }));
  const tail = a.slice(endA, Math.min(a.length, endA + CONTEXT)).map((text) => ({ kind: " " as const, text }));
  return [...head, ...middle, ...tail];
}

function diffMiddle(a: string[], b: string[]): DiffLine[] {
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [...a.map((text) => ({ kind: "-" as const, text })), ...b.map((text) => ({ kind: "+" as const, text }))];
  }
  const lcs: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: " ", text: a[i]! });
      i++;
      j++;
    }
    // Removals before additions, as unified diffs show them.
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: "-", text: a[i++]! });
    else out.push({ kind: "+", text: b[j++]! });
  }
  return out;
}

export function formatDiff(path: string, lines: DiffLine[]): string {
  return [`--- ${path}`, `+++ ${path}`, ...lines.map((line) => `${line.kind}${line.text}`)].join("\n");
}
