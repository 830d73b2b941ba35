import { describe, expect, it } from "vitest";
import { aggregateSamples, median, type SampleDimension } from "./aggregate.ts";
import { DIMENSIONS, type Dimension } from "./rubric.ts";

const sample = (levels: Partial<Record<Dimension, number>>) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, { level: levels[d] ?? 3, rationale: `r${levels[d] ?? 3}`, claims: [{ text: `claim at ${levels[d] ?? 3}`, evidence: [] }] } satisfies SampleDimension])) as unknown as Record<Dimension, SampleDimension>;

describe("aggregateSamples", () => {
  it("keeps the median with its spread and flags a spread of two levels", () => {
    const result = aggregateSamples([sample({ code_quality: 4, ai_collaboration: 1 }), sample({ code_quality: 2, ai_collaboration: 3 }), sample({ code_quality: 3, ai_collaboration: 2 })], 2);
    const cq = result.find((r) => r.dimension === "code_quality")!;
    expect(cq).toMatchObject({ level: 3, levels: [4, 2, 3], spread: 2, needsReview: true, rationale: "r3" });
    const ai = result.find((r) => r.dimension === "ai_collaboration")!;
    expect(ai).toMatchObject({ level: 2, spread: 2, needsReview: true });
    const ps = result.find((r) => r.dimension === "problem_solving")!;
    expect(ps).toMatchObject({ level: 3, spread: 0, needsReview: false });
  });

  it("shows the claims of a sample that scored the median", () => {
    const [cq] = aggregateSamples([sample({ code_quality: 1 }), sample({ code_quality: 4 }), sample({ code_quality: 4 })], 2);
    expect(cq!.level).toBe(4);
    expect(cq!.claims[0]!.text).toBe("claim at 4");
  });

  it("refuses an even number of samples", () => {
    expect(() => median([1, 2])).toThrow(/odd number/);
  });
});
