import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffLines, type Edit } from "./diff";

const lines = (text: string) => (text === "" ? [] : text.replace(/\n$/, "").split("\n"));

function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The three rules of the statement; `keeps` (the LCS length) when known. */
function assertGoodScript(before: string, after: string, edits: Edit[], keeps?: number) {
  assert.deepEqual(edits.filter((e) => e.op !== "insert").map((e) => e.line), lines(before), "keep + delete must spell `before`");
  assert.deepEqual(edits.filter((e) => e.op !== "delete").map((e) => e.line), lines(after), "keep + insert must spell `after`");
  if (keeps !== undefined) assert.equal(edits.filter((e) => e.op === "keep").length, keeps, "the script is not minimal");
  for (let i = 1; i < edits.length; i++) {
    assert.ok(!(edits[i - 1]!.op === "insert" && edits[i]!.op === "delete"), `insert before delete at edit ${i}`);
  }
  for (const edit of edits) assert.ok(["keep", "delete", "insert"].includes(edit.op));
}

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("diffLines: lines", () => {
  it("handles empty texts", () => {
    assert.deepEqual(diffLines("", ""), []);
    assert.deepEqual(diffLines("a\nb\n", ""), [
      { op: "delete", line: "a" },
      { op: "delete", line: "b" },
    ]);
  });

  it("treats blank lines, whitespace and carriage returns as content", () => {
    assertGoodScript("a\n\n", "a\n", diffLines("a\n\n", "a\n"), 1);
    assert.deepEqual(diffLines("a\n\n", "a\n"), [
      { op: "keep", line: "a" },
      { op: "delete", line: "" },
    ]);
    assert.deepEqual(diffLines("x \r\n", "x\n"), [
      { op: "delete", line: "x \r" },
      { op: "insert", line: "x" },
    ]);
  });

  it("a lone newline is one empty line", () => {
    assert.deepEqual(diffLines("\n", ""), [{ op: "delete", line: "" }]);
  });
});

describe("diffLines: minimal and readable", () => {
  it("replaces a whole block with deletes first", () => {
    const edits = diffLines("keep\nold1\nold2\nend", "keep\nnew1\nnew2\nnew3\nend");
    assert.deepEqual(
      edits.map((e) => e.op),
      ["keep", "delete", "delete", "insert", "insert", "insert", "keep"],
    );
  });

  it("finds the longest common subsequence when lines repeat", () => {
    const before = "a\nb\nc\na\nb\nb\na";
    const after = "c\nb\na\nb\na\nc";
    assertGoodScript(before, after, diffLines(before, after), lcsLength(lines(before), lines(after)));
  });

  it("keeps a moved block's neighbours and moves the smaller side", () => {
    const before = "1\n2\n3\n4\n5\n6\n7\n8";
    const after = "1\n2\n6\n7\n8\n3\n4\n5";
    const edits = diffLines(before, after);
    assertGoodScript(before, after, edits, 5);
  });

  it("is minimal and correct on many random pairs", () => {
    const rand = random(42);
    for (let round = 0; round < 300; round++) {
      const alphabet = ["a", "b", "c", "d", "", " "].slice(0, 2 + Math.floor(rand() * 4));
      const make = () => Array.from({ length: Math.floor(rand() * 25) }, () => alphabet[Math.floor(rand() * alphabet.length)]!);
      const a = make();
      const b = rand() < 0.5 ? make() : a.filter(() => rand() < 0.8).concat(make().slice(0, 3));
      const before = a.join("\n");
      const after = b.join("\n");
      // Joining can merge a trailing empty line; compare against what the statement's split sees.
      assertGoodScript(before, after, diffLines(before, after), lcsLength(lines(before), lines(after)));
    }
  });
});

describe("diffLines: size", () => {
  it("diffs 20 000-line files with scattered changes in time proportional to the difference", () => {
    const rand = random(7);
    const a = Array.from({ length: 20_000 }, (_, i) => `line ${i} ${Math.floor(rand() * 1e6)}`);
    const b = [...a];
    for (let i = 0; i < 30; i++) {
      const at = Math.floor(rand() * b.length);
      if (i % 3 === 0) b.splice(at, 1);
      else if (i % 3 === 1) b.splice(at, 0, `inserted ${i}`);
      else b[at] = `changed ${i}`;
    }
    const [before, after] = [a.join("\n"), b.join("\n")];
    const edits = diffLines(before, after);
    assertGoodScript(before, after, edits);
    assert.equal(edits.filter((e) => e.op !== "keep").length, baselineDistance(a, b));
    // A full (N+1)×(M+1) table is 400 million cells here: far slower (and 1.6 GB).
    assertWithinRatioOfBaseline(
      () => () => diffLines(before, after),
      () => () => baselineDistance(lines(before), lines(after)),
    );
  });

  it("diffs a change at both ends of a long file", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `row ${i}`);
    const b = ["new first", ...a.slice(1, -1), "new last"];
    const edits = diffLines(a.join("\n"), b.join("\n"));
    assertGoodScript(a.join("\n"), b.join("\n"), edits, 19_998);
  });

  it("diffs two 2 000-line files that share nothing", () => {
    const a = Array.from({ length: 2000 }, (_, i) => `old ${i}`);
    const b = Array.from({ length: 2000 }, (_, i) => `new ${i}`);
    const edits = diffLines(a.join("\n"), b.join("\n"));
    assert.deepEqual(
      edits.map((e) => e.op),
      [...Array(2000).fill("delete"), ...Array(2000).fill("insert")],
    );
  });
});

/**
 * The stated bound, O((N+M)·D): Myers' search for the length of a shortest edit script
 * (the script itself costs the candidate a constant factor more, within the ratio).
 */
function baselineDistance(a: string[], b: string[]): number {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * (n + m) + 3);
  for (let d = 0; d <= n + m; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) x++, y++;
      v[offset + k] = x;
      if (x >= n && y >= m) return d;
    }
  }
  return n + m;
}

// Efficiency without depending on the machine's speed: the candidate and a baseline of the
// expected complexity do the same work in the same run, so both see the same machine and
// load. The candidate may be many times slower than the baseline, but a solution of the wrong
// complexity is slower by orders of magnitude on this input. `prepare` builds what is not
// measured and returns the work to time. A load spike gets one retry.
function msOf(prepare: () => () => unknown): number {
  const work = prepare();
  const started = performance.now();
  work();
  return performance.now() - started;
}

function assertWithinRatioOfBaseline(candidate: () => () => unknown, baseline: () => () => unknown, maxRatio = 10): void {
  const base = [msOf(baseline), msOf(baseline), msOf(baseline)].sort((a, b) => a - b)[1]!;
  const limit = maxRatio * base + 20;
  let took = msOf(candidate);
  // Only a near miss is worth a second look; far beyond the limit is the complexity, not load.
  if (took > limit && took < 3 * limit) took = Math.min(took, msOf(candidate));
  assert.ok(took <= limit, `took ${Math.round(took / base)}x as long as a solution of the stated complexity (allowed ${maxRatio}x)`);
}
