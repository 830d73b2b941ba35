import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { topWords } from "./top-words";

describe("topWords: words", () => {
  it("ignores apostrophes at the edges of words and doubled ones", () => {
    assert.deepEqual(topWords("'quoted' rock'n'roll it''s", 10), [
      { word: "it", count: 1 },
      { word: "quoted", count: 1 },
      { word: "rock'n'roll", count: 1 },
      { word: "s", count: 1 },
    ]);
  });

  it("treats digits as word characters and other characters as separators", () => {
    assert.deepEqual(topWords("error-404 error_404 ERROR.404 v2", 3), [
      { word: "404", count: 3 },
      { word: "error", count: 3 },
      { word: "v2", count: 1 },
    ]);
  });

  it("only counts ASCII letters", () => {
    assert.deepEqual(topWords("café naïve", 10), [
      { word: "caf", count: 1 },
      { word: "na", count: 1 },
      { word: "ve", count: 1 },
    ]);
  });

  it("returns nothing for text without words", () => {
    assert.deepEqual(topWords("", 3), []);
    assert.deepEqual(topWords(" ... !!! ", 3), []);
  });
});

describe("topWords: ranking", () => {
  it("orders ties by plain string comparison", () => {
    assert.deepEqual(
      topWords("a9 a10 b a9 a10 b", 3).map((w) => w.word),
      ["a10", "a9", "b"],
    );
  });

  it("returns [] for k = 0", () => {
    assert.deepEqual(topWords("a a b", 0), []);
  });

  it("accepts any iterable of stop words, compared lower-cased", () => {
    const stopWords = new Set(["A", "The"]);
    assert.deepEqual(topWords("a the A THE x", 5, { stopWords }), [{ word: "x", count: 1 }]);
    function* generated() {
      yield "x";
    }
    assert.deepEqual(topWords("x y", 5, { stopWords: generated() }), [{ word: "y", count: 1 }]);
  });

  it("does not treat Object.prototype names specially", () => {
    assert.deepEqual(topWords("constructor toString constructor __proto__", 2), [
      { word: "constructor", count: 2 },
      { word: "proto", count: 1 },
    ]);
  });

  for (const k of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects k = ${k}`, () => {
      assert.throws(() => topWords("a", k), RangeError);
    });
  }
});

describe("topWords: size", () => {
  it("handles 2 MB with 100 000 distinct words", () => {
    const words: string[] = [];
    for (let i = 0; i < 100_000; i++) words.push(`w${i}`);
    for (let i = 0; i < 100_000; i += 7) words.push(`w${i}`, `w${i}`);
    for (let i = 0; i < 50_000; i++) words.push("hot");
    const text = words.join(" ");
    const top = topWords(text, 3);
    assert.deepEqual(top, [
      { word: "hot", count: 50_000 },
      { word: "w0", count: 3 },
      { word: "w10003", count: 3 },
    ]);
  });
});

describe("topWords: complexity", () => {
  it("counts in linear time (timed against a Map count and sort in the same run)", () => {
    const words: string[] = [];
    for (let i = 0; i < 20_000; i++) words.push(`w${i}`, `w${(i * 7919) % 20_000}`);
    const text = words.join(" ");
    assert.deepEqual(topWords(text, 5), baselineTop(text, 5));
    assertWithinRatioOfBaseline(
      () => () => topWords(text, 5),
      () => () => baselineTop(text, 5),
    );
  });
});

/** The stated bounds: a linear count in a Map, then one O(n log n) sort. */
function baselineTop(text: string, k: number): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const [word] of text.toLowerCase().matchAll(/[a-z0-9]+(?:'[a-z0-9]+)*/g)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return Array.from(counts, ([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
    .slice(0, k);
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
