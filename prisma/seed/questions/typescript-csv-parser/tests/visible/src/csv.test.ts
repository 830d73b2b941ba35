import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CsvError, parseCsv, parseCsvRecords } from "./csv";

describe("parseCsv", () => {
  it("splits records and fields", () => {
    assert.deepEqual(parseCsv("a,b,c\n1,2,3\n"), [
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
  });

  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    assert.deepEqual(parseCsv('name,quote\r\nAda,"Hello, ""world"""\r\n"Grace\nHopper",\r\n'), [
      ["name", "quote"],
      ["Ada", 'Hello, "world"'],
      ["Grace\nHopper", ""],
    ]);
  });

  it("keeps whitespace as data", () => {
    assert.deepEqual(parseCsv(" a , b "), [[" a ", " b "]]);
  });

  it("reports an unclosed quote where it was opened", () => {
    assert.throws(
      () => parseCsv('a,b\n"never closed'),
      (error: unknown) => error instanceof CsvError && error.line === 2 && error.column === 1,
    );
  });
});

describe("parseCsvRecords", () => {
  it("maps each record by the header", () => {
    assert.deepEqual(parseCsvRecords("id;city\n1;Zürich\n2;Oslo\n", { delimiter: ";" }), [
      { id: "1", city: "Zürich" },
      { id: "2", city: "Oslo" },
    ]);
  });
});
