import { describe, expect, it } from "vitest";
import { recommend, type RecommendationInput } from "./recommendation.ts";
import { DEFAULT_RECOMMENDATION_WEIGHTS, RecommendationWeightsSchema, weightsOrDefaults, type RecommendationWeights } from "./schemas.ts";

const measured = (...ratios: (number | null)[]): RecommendationInput["measured"] => ({
  questions: ratios.map((r) => ({ hidden: r === null ? null : { passed: Math.round(r * 10), total: 10 } })),
  scores: { hiddenPassRate: ratios.length ? ratios.reduce<number>((sum, r) => sum + (r ?? 0), 0) / ratios.length : 0 },
});
const levels = (code: number, solving: number, ai: number, comms: number, flagged: string[] = []): RecommendationInput["rubric"] => ({
  status: "done",
  dimensions: ([["code_quality", code], ["problem_solving", solving], ["ai_collaboration", ai], ["communication", comms]] as const).map(([dimension, level]) => ({ dimension, level, needsReview: flagged.includes(dimension) })),
});
const noKey: RecommendationInput["rubric"] = { status: "needs_key", dimensions: [] };
const weights = (w: Partial<RecommendationWeights> = {}): RecommendationWeights => ({ ...DEFAULT_RECOMMENDATION_WEIGHTS, ...w });

describe("recommend", () => {
  it("says Strong yes for passing tests and good rubric levels, counting every signal", () => {
    const r = recommend({ measured: measured(1), rubric: levels(3, 3, 3, 3) }, weights());
    expect(r).toMatchObject({ outcome: "strong_yes", label: "Strong yes", basis: "measured_and_rubric", basisNote: null, leftOut: [] });
    expect(r.score).toBeCloseTo((4 * 1 + 7 * (2 / 3)) / 11, 3);
    expect(r.reasons[0]).toMatchObject({ signal: "hiddenTests", shown: "100 % of hidden tests passed", direction: "for", weight: 4 });
    expect(r.reasons.reduce((sum, reason) => sum + reason.share, 0)).toBeCloseTo(1, 9);
  });

  it("walks down Yes / Leaning no / No as the scores fall", () => {
    expect(recommend({ measured: measured(0.7), rubric: levels(3, 3, 3, 3) }, weights()).outcome).toBe("yes");
    expect(recommend({ measured: measured(0.5), rubric: levels(2, 2, 2, 2) }, weights()).outcome).toBe("leaning_no");
    expect(recommend({ measured: measured(0.1), rubric: levels(1, 2, 1, 1) }, weights()).outcome).toBe("no");
  });

  it("lists the signal that pulled hardest first, with its direction", () => {
    const r = recommend({ measured: measured(0.9), rubric: levels(1, 3, 3, 3) }, weights({ codeQuality: 10 }));
    expect(r.reasons.map((reason) => [reason.signal, reason.direction])).toEqual([
      ["codeQuality", "against"],
      ["hiddenTests", "for"],
      ["problemSolving", "for"],
      ["aiCollaboration", "for"],
      ["communication", "for"],
    ]);
    expect(r.reasons[0]).toMatchObject({ shown: "level 1 of 4", value: 0 });
  });

  it("says 'measured part only' without a key and decides from the hidden tests alone", () => {
    const r = recommend({ measured: measured(0.8), rubric: noKey }, weights());
    expect(r).toMatchObject({ outcome: "strong_yes", score: 0.8, basis: "measured_only", basisNote: "Measured part only: the rubric needs the Anthropic API key." });
    expect(r.leftOut.map((l) => l.signal)).toEqual(["codeQuality", "problemSolving", "aiCollaboration", "communication"]);
    expect(recommend({ measured: measured(0.3), rubric: { status: "failed", dimensions: [] } }, weights())).toMatchObject({ outcome: "no", basisNote: "Measured part only: the rubric could not be scored." });
  });

  it("leaves out dimensions flagged for human review, and is measured-only when all are", () => {
    const some = recommend({ measured: measured(1), rubric: levels(4, 4, 1, 4, ["ai_collaboration"]) }, weights());
    expect(some.basis).toBe("measured_and_rubric");
    expect(some.basisNote).toBe("Without ai collaboration: flagged for human review.");
    expect(some.leftOut).toEqual([{ signal: "aiCollaboration", label: "AI collaboration", why: "the judge's samples disagreed: flagged for human review" }]);
    const all = recommend({ measured: measured(0.6), rubric: levels(4, 4, 4, 4, ["code_quality", "problem_solving", "ai_collaboration", "communication"]) }, weights());
    expect(all).toMatchObject({ outcome: "yes", basis: "measured_only", basisNote: "Measured part only: the rubric's scores are flagged for human review." });
  });

  it("ignores signals weighted 0 and says so", () => {
    const r = recommend({ measured: measured(0.2), rubric: levels(4, 4, 4, 4) }, weights({ codeQuality: 0, problemSolving: 0, aiCollaboration: 0, communication: 0 }));
    expect(r).toMatchObject({ outcome: "no", basis: "measured_only", basisNote: "Measured part only: no rubric dimension has a weight." });
    expect(r.leftOut.every((l) => l.why === "weighted 0 in this assessment")).toBe(true);
  });

  it("counts questions whose hidden tests could not run as 0 and says so", () => {
    const r = recommend({ measured: measured(1, null), rubric: noKey }, weights());
    expect(r.reasons[0]!.shown).toBe("50 % of hidden tests passed (mean of 2 questions; 1 could not be run and count 0)");
    expect(r.outcome).toBe("leaning_no");
  });

  it("gives no recommendation when nothing with a weight was scored", () => {
    expect(recommend({ measured: measured(), rubric: noKey }, weights())).toMatchObject({ outcome: null, label: "No recommendation", score: null, reasons: [] });
    expect(recommend({ measured: null, rubric: { status: "pending", dimensions: [] } }, weights()).outcome).toBeNull();
  });

  it("sits exactly on a threshold without float noise deciding it", () => {
    // 0.55 exactly: 11 × 0.55 = 6.05 would drift in floating point if not rounded.
    expect(recommend({ measured: measured(0.55), rubric: noKey }, weights()).outcome).toBe("yes");
    expect(recommend({ measured: measured(0.75), rubric: noKey }, weights()).outcome).toBe("strong_yes");
    expect(recommend({ measured: measured(0.349), rubric: noKey }, weights()).outcome).toBe("no");
  });
});

describe("RecommendationWeightsSchema", () => {
  it("accepts whole numbers 0–10 with the hidden tests above 0", () => {
    expect(RecommendationWeightsSchema.parse({ hiddenTests: 1, codeQuality: 0, problemSolving: 10, aiCollaboration: 5, communication: 0 })).toBeTruthy();
  });

  it("refuses negatives, fractions, over 10 and a zero for the hidden tests, naming the field", () => {
    const issues = (w: Partial<RecommendationWeights>) => RecommendationWeightsSchema.safeParse({ ...DEFAULT_RECOMMENDATION_WEIGHTS, ...w }).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues({ codeQuality: -1 })).toEqual(["codeQuality: The weight for code quality cannot be negative."]);
    expect(issues({ communication: 1.5 })).toEqual(["communication: Use a whole number for communication."]);
    expect(issues({ problemSolving: 11 })).toEqual(["problemSolving: Keep the weight for problem solving at 10 or less."]);
    expect(issues({ hiddenTests: 0 })?.[0]).toMatch(/^hiddenTests: Give the hidden tests a weight of at least 1/);
  });

  it("reads stored weights, falling back to the defaults for null or unreadable JSON", () => {
    expect(weightsOrDefaults(null)).toEqual(DEFAULT_RECOMMENDATION_WEIGHTS);
    expect(weightsOrDefaults({ hiddenTests: "x" })).toEqual(DEFAULT_RECOMMENDATION_WEIGHTS);
    expect(weightsOrDefaults({ ...DEFAULT_RECOMMENDATION_WEIGHTS, communication: 7 }).communication).toBe(7);
  });
});
