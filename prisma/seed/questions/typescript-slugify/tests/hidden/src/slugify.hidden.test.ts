import assert from "node:assert/strict";
import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify: text rules", () => {
  it("gives an empty slug when nothing is left", () => {
    expect(slugify("")).toBe("");
    expect(slugify("!!! ??? ...")).toBe("");
    expect(slugify("東京")).toBe("");
  });

  it("keeps digits and drops other scripts", () => {
    expect(slugify("東京 2024 Olympics")).toBe("2024-olympics");
  });

  it("decomposes compatibility characters such as ligatures and dotted capitals", () => {
    expect(slugify("ﬁle ﬂow")).toBe("file-flow");
    expect(slugify("İstanbul")).toBe("istanbul");
    expect(slugify("Ångström Über")).toBe("angstrom-uber");
  });

  it("spells out ampersands between letters", () => {
    expect(slugify("R&D")).toBe("r-and-d");
    expect(slugify("&&")).toBe("and-and");
  });

  it("drops typographic apostrophes too", () => {
    expect(slugify("Rock’n’roll isn't dead")).toBe("rocknroll-isnt-dead");
  });

  it("collapses any run of other characters into one separator", () => {
    expect(slugify("a  --  b\n\tc___d...e")).toBe("a-b-c-d-e");
    expect(slugify("---a---")).toBe("a");
  });

  it("uses the separator everywhere, also replacing hyphens in the title", () => {
    expect(slugify("well-known  fact", { separator: "." })).toBe("well.known.fact");
  });
});

describe("slugify: length", () => {
  it("keeps a slug of exactly maxLength", () => {
    expect(slugify("one two three", { maxLength: 13 })).toBe("one-two-three");
    expect(slugify("one two three", { maxLength: 12 })).toBe("one-two");
  });

  it("does not end with a separator when the cut falls right after one", () => {
    expect(slugify("one two three", { maxLength: 8 })).toBe("one-two");
    expect(slugify("one two three", { maxLength: 7 })).toBe("one-two");
  });

  it("hard-cuts a first word longer than maxLength", () => {
    expect(slugify("extraordinary", { maxLength: 5 })).toBe("extra");
    expect(slugify("Supercalifragilistic expialidocious", { maxLength: 10 })).toBe("supercalif");
    expect(slugify("ab cd", { maxLength: 1 })).toBe("a");
  });

  it("defaults to 60 characters", () => {
    const title = Array.from({ length: 20 }, (_, i) => `word${i}`).join(" ");
    const slug = slugify(title);
    expect(slug.length <= 60).toBe(true);
    expect(slug).toBe("word0-word1-word2-word3-word4-word5-word6-word7-word8-word9");
  });

  it("defaults to exactly 60 characters, not one more or less", () => {
    const long = "abcdefghij".repeat(7);
    expect(slugify(long)).toBe(long.slice(0, 60));
    expect(slugify(`${"a".repeat(58)} b`)).toBe(`${"a".repeat(58)}-b`);
    expect(slugify(`${"a".repeat(58)} bc`)).toBe("a".repeat(58));
  });

  it("applies the length after all other rules", () => {
    expect(slugify("Crème & Brûlée", { maxLength: 9 })).toBe("creme-and");
  });
});

describe("slugify: validation and size", () => {
  for (const maxLength of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects maxLength ${maxLength}`, () => {
      expect(() => slugify("title", { maxLength })).toThrow(RangeError);
    });
  }

  it("rejects other separators", () => {
    for (const separator of ["", " ", "a", "--", "/"]) {
      expect(() => slugify("title", { separator: separator as "-" })).toThrow(RangeError);
    }
  });

  it("handles a megabyte of text", () => {
    const title = "Lorem ipsum, dolor sit amet! ".repeat(40_000);
    const slug = slugify(title, { maxLength: 1_000_000 });
    expect(slug.startsWith("lorem-ipsum-dolor-sit-amet-lorem")).toBe(true);
    expect(!slug.endsWith("-")).toBe(true);
  });

  it("stays linear when a long title is cut to the default length", () => {
    const title = "Lorem ipsum, dolor sit amet! ".repeat(4_000);
    expect(slugify(title)).toBe(baselineSlug(title, 60));
    assertWithinRatioOfBaseline(
      () => () => slugify(title),
      () => () => baselineSlug(title, 60),
    );
  });
});

/** The stated linear time: one pass to words, one to build the longest prefix that fits. */
function baselineSlug(title: string, maxLength: number): string {
  const words = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/&/g, " and ").replace(/['’]/g, "").split(/[^a-z0-9]+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words[0]!.length > maxLength) return words[0]!.slice(0, maxLength);
  let slug = words[0]!;
  for (const word of words.slice(1)) {
    if (slug.length + 1 + word.length > maxLength) break;
    slug += `-${word}`;
  }
  return slug;
}

// Efficiency without depending on the machine's speed: the candidate and a baseline of the
// expected complexity do the same work in the same run, so both see the same machine and
// load. The candidate may be many times slower than the baseline, but a solution of the wrong
// complexity is slower by orders of magnitude on this input. `prepare` builds what is not
// measured and returns the work to time. A load spike gets one retry.
function msOf(prepare: () => () => unknown): number {
  const work = prepare();
  const started = performance.now();
  work();
  return performance.now() - started;
}

function assertWithinRatioOfBaseline(candidate: () => () => unknown, baseline: () => () => unknown, maxRatio = 10): void {
  const base = [msOf(baseline), msOf(baseline), msOf(baseline)].sort((a, b) => a - b)[1]!;
  const limit = maxRatio * base + 20;
  let took = msOf(candidate);
  // Only a near miss is worth a second look; far beyond the limit is the complexity, not load.
  if (took > limit && took < 3 * limit) took = Math.min(took, msOf(candidate));
  assert.ok(took <= limit, `took ${Math.round(took / base)}x as long as a solution of the stated complexity (allowed ${maxRatio}x)`);
}
