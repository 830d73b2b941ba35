import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { topWords } from "./top-words";

describe("topWords", () => {
  it("counts words case-insensitively, most frequent first", () => {
    assert.deepEqual(topWords("The cat and the hat. The CAT sat!", 2), [
      { word: "the", count: 3 },
      { word: "cat", count: 2 },
    ]);
  });

  it("breaks ties alphabetically", () => {
    assert.deepEqual(topWords("pear apple fig", 3), [
      { word: "apple", count: 1 },
      { word: "fig", count: 1 },
      { word: "pear", count: 1 },
    ]);
  });

  it("skips stop words", () => {
    assert.deepEqual(topWords("The cat and the hat. The CAT sat!", 3, { stopWords: ["and", "THE"] }), [
      { word: "cat", count: 2 },
      { word: "hat", count: 1 },
      { word: "sat", count: 1 },
    ]);
  });

  it("keeps apostrophes inside words", () => {
    assert.deepEqual(topWords("Don't stop, don't!", 1), [{ word: "don't", count: 2 }]);
  });

  it("returns every word when k is larger than the vocabulary", () => {
    assert.equal(topWords("a b c", 10).length, 3);
  });
});
