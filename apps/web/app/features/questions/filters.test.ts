import { describe, expect, it } from "vitest";
import { hasFilters, parseQuestionFilters } from "./filters";

const parse = (query: string) => parseQuestionFilters(new URLSearchParams(query));

describe("parseQuestionFilters", () => {
  it("reads every filter from the URL", () => {
    expect(parse("language=python&difficulty=HARD&topic=dynamic-programming&q=%20cache%20")).toEqual({
      filters: { language: "python", difficulty: "HARD", topic: "dynamic-programming", search: "cache" },
      ignored: false,
    });
  });

  it("treats empty values, as an untouched form submits them, as no filter", () => {
    const parsed = parse("language=&difficulty=&topic=&q=");
    expect(parsed).toEqual({ filters: {}, ignored: false });
    expect(hasFilters(parsed.filters)).toBe(false);
  });

  it("drops unknown values and says so", () => {
    expect(parse("language=cobol&difficulty=INSANE&topic=Not%20A%20Topic")).toEqual({ filters: {}, ignored: true });
  });

  it("reads the source filter (drafts to approve included) and drops an unknown one", () => {
    expect(parse("source=DRAFT")).toEqual({ filters: { source: "DRAFT" }, ignored: false });
    expect(hasFilters(parse("source=GENERATED").filters)).toBe(true);
    expect(parse("source=stolen")).toEqual({ filters: {}, ignored: true });
  });

  it("caps the search length", () => {
    expect(parse(`q=${"x".repeat(300)}`).filters.search).toHaveLength(100);
  });
});
