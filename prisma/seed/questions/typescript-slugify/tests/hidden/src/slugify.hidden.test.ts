import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { slugify } from "./slugify";

describe("slugify: text rules", () => {
  it("gives an empty slug when nothing is left", () => {
    assert.equal(slugify(""), "");
    assert.equal(slugify("!!! ??? ..."), "");
    assert.equal(slugify("東京"), "");
  });

  it("keeps digits and drops other scripts", () => {
    assert.equal(slugify("東京 2024 Olympics"), "2024-olympics");
  });

  it("decomposes compatibility characters such as ligatures and dotted capitals", () => {
    assert.equal(slugify("ﬁle ﬂow"), "file-flow");
    assert.equal(slugify("İstanbul"), "istanbul");
    assert.equal(slugify("Ångström Über"), "angstrom-uber");
  });

  it("spells out ampersands between letters", () => {
    assert.equal(slugify("R&D"), "r-and-d");
    assert.equal(slugify("&&"), "and-and");
  });

  it("drops typographic apostrophes too", () => {
    assert.equal(slugify("Rock’n’roll isn't dead"), "rocknroll-isnt-dead");
  });

  it("collapses any run of other characters into one separator", () => {
    assert.equal(slugify("a  --  b\n\tc___d...e"), "a-b-c-d-e");
    assert.equal(slugify("---a---"), "a");
  });

  it("uses the separator everywhere, also replacing hyphens in the title", () => {
    assert.equal(slugify("well-known  fact", { separator: "." }), "well.known.fact");
  });
});

describe("slugify: length", () => {
  it("keeps a slug of exactly maxLength", () => {
    assert.equal(slugify("one two three", { maxLength: 13 }), "one-two-three");
    assert.equal(slugify("one two three", { maxLength: 12 }), "one-two");
  });

  it("does not end with a separator when the cut falls right after one", () => {
    assert.equal(slugify("one two three", { maxLength: 8 }), "one-two");
    assert.equal(slugify("one two three", { maxLength: 7 }), "one-two");
  });

  it("hard-cuts a first word longer than maxLength", () => {
    assert.equal(slugify("extraordinary", { maxLength: 5 }), "extra");
    assert.equal(slugify("Supercalifragilistic expialidocious", { maxLength: 10 }), "supercalif");
    assert.equal(slugify("ab cd", { maxLength: 1 }), "a");
  });

  it("defaults to 60 characters", () => {
    const title = Array.from({ length: 20 }, (_, i) => `word${i}`).join(" ");
    const slug = slugify(title);
    assert.ok(slug.length <= 60);
    assert.equal(slug, "word0-word1-word2-word3-word4-word5-word6-word7-word8-word9");
  });

  it("applies the length after all other rules", () => {
    assert.equal(slugify("Crème & Brûlée", { maxLength: 9 }), "creme-and");
  });
});

describe("slugify: validation and size", () => {
  for (const maxLength of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects maxLength ${maxLength}`, () => {
      assert.throws(() => slugify("title", { maxLength }), RangeError);
    });
  }

  it("rejects other separators", () => {
    for (const separator of ["", " ", "a", "--", "/"]) {
      assert.throws(() => slugify("title", { separator: separator as "-" }), RangeError);
    }
  });

  it("handles a megabyte of text in linear time", () => {
    const title = "Lorem ipsum, dolor sit amet! ".repeat(40_000);
    const started = performance.now();
    const slug = slugify(title, { maxLength: 1_000_000 });
    assert.ok(performance.now() - started < 2000);
    assert.ok(slug.startsWith("lorem-ipsum-dolor-sit-amet-lorem"));
    assert.ok(!slug.endsWith("-"));
  });
});
