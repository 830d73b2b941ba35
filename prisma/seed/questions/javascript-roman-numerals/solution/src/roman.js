// Largest first, subtractive pairs included: a greedy walk over this table writes the
// canonical numeral, and reading with the same table then writing back checks canonicity.
const SYMBOLS = [
  [1000, "M"],
  [900, "CM"],
  [500, "D"],
  [400, "CD"],
  [100, "C"],
  [90, "XC"],
  [50, "L"],
  [40, "XL"],
  [10, "X"],
  [9, "IX"],
  [5, "V"],
  [4, "IV"],
  [1, "I"],
];

/** The canonical Roman numeral for an integer from 1 to 3999. The rules are in the statement. */
export function toRoman(value) {
  if (!Number.isInteger(value) || value < 1 || value > 3999) {
    throw new RangeError(`toRoman needs an integer from 1 to 3999, got ${String(value)}`);
  }
  let rest = value;
  let numeral = "";
  for (const [amount, symbol] of SYMBOLS) {
    while (rest >= amount) {
      numeral += symbol;
      rest -= amount;
    }
  }
  return numeral;
}

/** The value of a canonical Roman numeral; a RangeError for anything else. */
export function fromRoman(numeral) {
  if (typeof numeral !== "string" || numeral === "") {
    throw new RangeError("fromRoman needs a non-empty string");
  }
  let total = 0;
  let at = 0;
  for (const [amount, symbol] of SYMBOLS) {
    while (numeral.startsWith(symbol, at)) {
      total += amount;
      at += symbol.length;
    }
  }
  // Leftover characters, or a spelling that is not the one toRoman writes (IIII, XM); MMMM
  // (4000) makes toRoman itself throw its RangeError.
  if (at !== numeral.length || toRoman(total) !== numeral) {
    throw new RangeError(`"${numeral}" is not a canonical Roman numeral`);
  }
  return total;
}
