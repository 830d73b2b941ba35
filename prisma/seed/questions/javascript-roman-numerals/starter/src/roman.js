/** The canonical Roman numeral for an integer from 1 to 3999. The rules are in the statement. */
export function toRoman(value) {
  throw new Error("Not implemented");
}

/** The value of a canonical Roman numeral; a RangeError for anything else. */
export function fromRoman(numeral) {
  throw new Error("Not implemented");
}
