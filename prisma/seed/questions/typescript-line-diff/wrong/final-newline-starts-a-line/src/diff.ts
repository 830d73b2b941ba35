export type Edit = { op: "keep" | "delete" | "insert"; line: string };

/** A minimal edit script from `before` to `after`, line by line. See the statement. */
export function diffLines(before: string, after: string): Edit[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // Common head and tail cost nothing to keep and shrink the search below.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;

  const edits: Edit[] = a.slice(0, head).map((line) => ({ op: "keep", line }));
  edits.push(...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  edits.push(...a.slice(a.length - tail).map((line): Edit => ({ op: "keep", line })));
  return deletesFirst(edits);
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  // Wrong: a final "\n" starts an empty last line instead of ending the last one.
  return text.split("\n");
}

/**
 * Myers' greedy shortest edit script, O((N+M)·D) time. `v[k]` is the furthest x reached on
 * diagonal k = x − y; a copy of the part used so far is kept per D for the walk back.
 */
function myers(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }

  const reversed: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const saved = trace[d]!; // v as it was when step d started, indices k + d
    const at = (k: number) => saved[k + d]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) reversed.push({ op: "keep", line: a[--x]! }), y--;
    if (down) reversed.push({ op: "insert", line: b[--y]! });
    else reversed.push({ op: "delete", line: a[--x]! });
  }
  while (x > 0 && y > 0) reversed.push({ op: "keep", line: a[--x]! }), y--;
  return reversed.reverse();
}

/** Reorders each run of changes so deletions come before insertions (stable within each). */
function deletesFirst(edits: Edit[]): Edit[] {
  const result: Edit[] = [];
  let deletes: Edit[] = [];
  let inserts: Edit[] = [];
  const flush = () => {
    result.push(...deletes, ...inserts);
    deletes = [];
    inserts = [];
  };
  for (const edit of edits) {
    if (edit.op === "keep") {
      flush();
      result.push(edit);
    } else if (edit.op === "delete") deletes.push(edit);
    else inserts.push(edit);
  }
  flush();
  return result;
}
