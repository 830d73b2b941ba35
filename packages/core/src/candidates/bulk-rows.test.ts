import { describe, expect, it } from "vitest";
import { readCandidateRows } from "./bulk-rows.ts";

describe("readCandidateRows", () => {
  it("reads a name,email file with a header, normalising addresses and numbering rows by file line", () => {
    const rows = readCandidateRows("name,email\nGrace Hopper, Grace@Example.com \n\"Lovelace, Ada\",ada@example.com\n");
    expect(rows).toEqual([
      { row: 2, name: "Grace Hopper", email: "grace@example.com" },
      { row: 3, name: "Lovelace, Ada", email: "ada@example.com" },
    ]);
  });

  it("works without a header, in either column order", () => {
    expect(readCandidateRows("Grace,grace@example.com\nada@example.com,Ada")).toEqual([
      { row: 1, name: "Grace", email: "grace@example.com" },
      { row: 2, name: "Ada", email: "ada@example.com" },
    ]);
  });

  it("finds columns by header name in wider exports, including first and last name", () => {
    const rows = readCandidateRows("Id;First name;Last name;E-mail\n7;Grace;Hopper;grace@example.com");
    expect(rows).toEqual([{ row: 2, name: "Grace Hopper", email: "grace@example.com" }]);
  });

  it("marks invalid rows with a reason and repeated addresses as duplicates of the first", () => {
    const rows = readCandidateRows("name,email\nGrace,not-an-address\n,ada@example.com\nAda,ada@example.com\nAda again,ADA@example.com\nNo mail,");
    expect(rows.map((r) => [r.row, r.invalidReason ?? null, r.duplicateOf ?? null])).toEqual([
      [2, "Enter a valid email address, like name@example.com", null],
      [3, "The name is missing.", null],
      [4, null, null],
      [5, null, 4],
      [6, "The email address is missing.", null],
    ]);
  });

  it("refuses an empty file and one with more than 500 candidates", () => {
    expect(() => readCandidateRows("name,email\n")).toThrowError(/no candidates/);
    const big = Array.from({ length: 501 }, (_, i) => `P${i},p${i}@example.com`).join("\n");
    expect(() => readCandidateRows(big)).toThrowError(/501 candidates; invite at most 500/);
    expect(readCandidateRows(big.split("\n").slice(0, 500).join("\n"))).toHaveLength(500);
  });
});
