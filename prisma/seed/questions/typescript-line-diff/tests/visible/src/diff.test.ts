import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffLines } from "./diff";

describe("diffLines", () => {
  it("keeps every line of identical texts", () => {
    assert.deepEqual(diffLines("a\nb\n", "a\nb\n"), [
      { op: "keep", line: "a" },
      { op: "keep", line: "b" },
    ]);
  });

  it("replaces a changed line: delete, then insert", () => {
    assert.deepEqual(diffLines("a\nb\nc\n", "a\nx\nc\nd\n"), [
      { op: "keep", line: "a" },
      { op: "delete", line: "b" },
      { op: "insert", line: "x" },
      { op: "keep", line: "c" },
      { op: "insert", line: "d" },
    ]);
  });

  it("inserts everything into an empty text", () => {
    assert.deepEqual(diffLines("", "x\ny"), [
      { op: "insert", line: "x" },
      { op: "insert", line: "y" },
    ]);
  });

  it("does not count a final newline as a line", () => {
    assert.deepEqual(diffLines("a\n", "a"), [{ op: "keep", line: "a" }]);
  });

  it("deletes lines removed from the start", () => {
    assert.deepEqual(diffLines("header\nbody\n", "body\n"), [
      { op: "delete", line: "header" },
      { op: "keep", line: "body" },
    ]);
  });
});
