import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify", () => {
  it("lower-cases words and joins them with hyphens", () => {
    expect(slugify("Hello, World!")).toBe("hello-world");
  });

  it("removes accents and spells out ampersands", () => {
    expect(slugify("  Crème Brûlée & Friends!  ")).toBe("creme-brulee-and-friends");
  });

  it("drops apostrophes without splitting words", () => {
    expect(slugify("It's 2024: what's new?")).toBe("its-2024-whats-new");
  });

  it("cuts long slugs at a word boundary", () => {
    expect(slugify("one two three", { maxLength: 9 })).toBe("one-two");
  });

  it("uses the chosen separator", () => {
    expect(slugify("Snake case", { separator: "_" })).toBe("snake_case");
  });
});
