import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromRoman, toRoman } from "./roman.js";

describe("toRoman", () => {
  it("writes symbols from the largest to the smallest", () => {
    assert.equal(toRoman(1), "I");
    assert.equal(toRoman(8), "VIII");
    assert.equal(toRoman(2024), "MMXXIV");
  });

  it("uses the subtractive pairs", () => {
    assert.equal(toRoman(4), "IV");
    assert.equal(toRoman(1994), "MCMXCIV");
  });

  it("rejects values outside 1..3999", () => {
    assert.throws(() => toRoman(0), RangeError);
    assert.throws(() => toRoman(4000), RangeError);
  });
});

describe("fromRoman", () => {
  it("reads canonical numerals", () => {
    assert.equal(fromRoman("MMXXIV"), 2024);
    assert.equal(fromRoman("MCMXCIV"), 1994);
  });

  it("rejects numerals that are not canonical", () => {
    assert.throws(() => fromRoman("IIII"), RangeError);
    assert.throws(() => fromRoman("IC"), RangeError);
  });
});
