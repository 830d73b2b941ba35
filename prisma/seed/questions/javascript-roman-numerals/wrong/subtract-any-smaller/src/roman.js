// The textbook reading: a symbol worth less than the next one is subtracted. Writes correctly,
// but reads IC as 99 and IIII as 4 instead of rejecting them.
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
const VALUES = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

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

export function fromRoman(numeral) {
  if (typeof numeral !== "string" || numeral === "") throw new RangeError("fromRoman needs a non-empty string");
  let total = 0;
  for (let i = 0; i < numeral.length; i += 1) {
    const value = VALUES[numeral[i]];
    if (value === undefined) throw new RangeError(`"${numeral}" has an unknown symbol`);
    const next = VALUES[numeral[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  if (total < 1 || total > 3999) throw new RangeError(`"${numeral}" is out of range`);
  return total;
}
