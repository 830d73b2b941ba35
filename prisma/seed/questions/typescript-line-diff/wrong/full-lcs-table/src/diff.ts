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
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Wrong: right and minimal, but a full (N+1)×(M+1) LCS table — quadratic time and memory. */
function myers(a: string[], b: string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const table = new Int32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => table[i * (m + 1) + j]!;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) edits.push({ op: "keep", line: a[i++]! }), j++;
    else if (at(i + 1, j) >= at(i, j + 1)) edits.push({ op: "delete", line: a[i++]! });
    else edits.push({ op: "insert", line: b[j++]! });
  }
  while (i < n) edits.push({ op: "delete", line: a[i++]! });
  while (j < m) edits.push({ op: "insert", line: b[j++]! });
  return edits;
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
