import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slugify } from "./slugify";

describe("slugify", () => {
  it("lower-cases words and joins them with hyphens", () => {
    assert.equal(slugify("Hello, World!"), "hello-world");
  });

  it("removes accents and spells out ampersands", () => {
    assert.equal(slugify("  Crème Brûlée & Friends!  "), "creme-brulee-and-friends");
  });

  it("drops apostrophes without splitting words", () => {
    assert.equal(slugify("It's 2024: what's new?"), "its-2024-whats-new");
  });

  it("cuts long slugs at a word boundary", () => {
    assert.equal(slugify("one two three", { maxLength: 9 }), "one-two");
  });

  it("uses the chosen separator", () => {
    assert.equal(slugify("Snake case", { separator: "_" }), "snake_case");
  });
});
