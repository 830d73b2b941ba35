import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fromRoman, toRoman } from "./roman.js";

const EXPECTED = new Map([
  [1, "I"], [2, "II"], [3, "III"], [4, "IV"], [5, "V"], [6, "VI"], [9, "IX"], [10, "X"],
  [14, "XIV"], [40, "XL"], [49, "XLIX"], [50, "L"], [90, "XC"], [99, "XCIX"], [100, "C"],
  [400, "CD"], [444, "CDXLIV"], [500, "D"], [900, "CM"], [999, "CMXCIX"], [1000, "M"],
  [3888, "MMMDCCCLXXXVIII"], [3998, "MMMCMXCVIII"], [3999, "MMMCMXCIX"],
]);

describe("toRoman: every boundary", () => {
  it("writes each symbol and subtractive pair where it applies", () => {
    for (const [value, numeral] of EXPECTED) assert.equal(toRoman(value), numeral, `toRoman(${value})`);
  });

  it("rejects non-integers, strings and NaN", () => {
    for (const bad of [-1, 0, 4000, 2.5, "12", Number.NaN, null, undefined]) {
      assert.throws(() => toRoman(bad), RangeError, `toRoman(${String(bad)})`);
    }
  });
});

describe("fromRoman: canonical spellings only", () => {
  it("reads each symbol and subtractive pair", () => {
    for (const [value, numeral] of EXPECTED) assert.equal(fromRoman(numeral), value, `fromRoman(${numeral})`);
  });

  it("round-trips every value from 1 to 3999", () => {
    for (let value = 1; value <= 3999; value += 1) assert.equal(fromRoman(toRoman(value)), value);
  });

  it("rejects repeated, misplaced and invented subtractions", () => {
    for (const bad of ["IIII", "VV", "XXXX", "LL", "CCCC", "DD", "MMMM", "IC", "IM", "XM", "VX", "IL", "IIV", "XIIX", "CMM"]) {
      assert.throws(() => fromRoman(bad), RangeError, `fromRoman(${bad})`);
    }
  });

  it("rejects empty, lower-case, padded and non-string input", () => {
    for (const bad of ["", "mcm", "XIV ", " X", "X1", "ABC", 14, null, undefined]) {
      assert.throws(() => fromRoman(bad), RangeError, `fromRoman(${String(bad)})`);
    }
  });
});
