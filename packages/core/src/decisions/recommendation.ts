// The report's recommendation (docs/decisions/0141): a weighted mean of the scores an evaluation
// holds — the measured hidden-test pass rate and, when the judge scored them without
// disagreement, the rubric's dimensions — mapped to Strong yes / Yes / Leaning no / No, with the
// signals that drove it. Pure: the same evaluation and weights always give the same answer.
import { RECOMMENDATION_SIGNAL_LABELS, type RecommendationSignal, type RecommendationWeights } from "./schemas.ts";

export const RECOMMENDATION_OUTCOMES = ["strong_yes", "yes", "leaning_no", "no"] as const;
export type RecommendationOutcome = (typeof RECOMMENDATION_OUTCOMES)[number];
export const RECOMMENDATION_LABELS: Record<RecommendationOutcome, string> = { strong_yes: "Strong yes", yes: "Yes", leaning_no: "Leaning no", no: "No" };

/** Lowest weighted score (0–1) of each outcome, best first; below the last is "no". */
export const RECOMMENDATION_THRESHOLDS: readonly [RecommendationOutcome, number][] = [
  ["strong_yes", 0.75],
  ["yes", 0.55],
  ["leaning_no", 0.35],
];

const RUBRIC_SIGNALS: Record<string, RecommendationSignal> = {
  code_quality: "codeQuality",
  problem_solving: "problemSolving",
  ai_collaboration: "aiCollaboration",
  communication: "communication",
};

/** What the recommendation reads of an evaluation (SessionEvaluation fits). */
export interface RecommendationInput {
  measured: { questions: readonly { hidden: { passed: number; total: number } | null }[]; scores: { hiddenPassRate: number } } | null;
  rubric: { status: "done" | "needs_key" | "failed" | "pending"; dimensions: readonly { dimension: string; level: number; needsReview: boolean }[] };
}

export interface RecommendationReason {
  signal: RecommendationSignal;
  label: string;
  /** 0–1: the pass rate, or the rubric level mapped from 1–4. */
  value: number;
  /** The score as a reviewer reads it: "70 % of hidden tests passed", "level 3 of 4". */
  shown: string;
  weight: number;
  /** This signal's share of the weights used (0–1). */
  share: number;
  /** Whether it pulled the recommendation up (scored in the upper half) or down. */
  direction: "for" | "against";
}

export interface LeftOutSignal {
  signal: RecommendationSignal;
  label: string;
  why: string;
}

export interface Recommendation {
  /** Null when nothing with a weight could be scored. */
  outcome: RecommendationOutcome | null;
  label: string;
  /** Weighted mean, 0–1, rounded to 3 decimals; null with no outcome. */
  score: number | null;
  /** "measured_only" when no rubric dimension counted (no key, judge failed, all flagged, or weighted 0). */
  basis: "measured_and_rubric" | "measured_only";
  /** Why the basis is narrower than the whole evaluation, in words; null when everything counted. */
  basisNote: string | null;
  /** The signals that counted, most influential first. */
  reasons: RecommendationReason[];
  leftOut: LeftOutSignal[];
}

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

function rubricLeftOutWhy(status: RecommendationInput["rubric"]["status"]): string {
  if (status === "needs_key") return "the rubric needs the Anthropic API key";
  if (status === "failed") return "the rubric could not be scored";
  return "the rubric is not scored yet";
}

export function recommend(evaluation: RecommendationInput, weights: RecommendationWeights): Recommendation {
  const counted: Omit<RecommendationReason, "share" | "direction">[] = [];
  const leftOut: LeftOutSignal[] = [];
  const leave = (signal: RecommendationSignal, why: string) => leftOut.push({ signal, label: RECOMMENDATION_SIGNAL_LABELS[signal], why });

  const measured = evaluation.measured;
  if (weights.hiddenTests === 0) leave("hiddenTests", "weighted 0 in this assessment");
  else if (!measured || measured.questions.length === 0) leave("hiddenTests", "no question was scored");
  else {
    const value = measured.scores.hiddenPassRate;
    const unscored = measured.questions.filter((q) => q.hidden === null).length;
    const shown = `${percent(value)} of hidden tests passed${measured.questions.length > 1 ? ` (mean of ${measured.questions.length} questions${unscored ? `; ${unscored} could not be run and count 0` : ""})` : unscored ? " (they could not be run)" : ""}`;
    counted.push({ signal: "hiddenTests", label: RECOMMENDATION_SIGNAL_LABELS.hiddenTests, value, shown, weight: weights.hiddenTests });
  }

  const { rubric } = evaluation;
  const flagged: string[] = [];
  for (const [dimension, signal] of Object.entries(RUBRIC_SIGNALS)) {
    const scored = rubric.status === "done" ? rubric.dimensions.find((d) => d.dimension === dimension) : undefined;
    if (weights[signal] === 0) leave(signal, "weighted 0 in this assessment");
    else if (rubric.status !== "done") leave(signal, rubricLeftOutWhy(rubric.status));
    else if (!scored) leave(signal, "the rubric has no score for it");
    else if (scored.needsReview) {
      flagged.push(RECOMMENDATION_SIGNAL_LABELS[signal].toLowerCase());
      leave(signal, "the judge's samples disagreed: flagged for human review");
    } else counted.push({ signal, label: RECOMMENDATION_SIGNAL_LABELS[signal], value: (scored.level - 1) / 3, shown: `level ${scored.level} of 4`, weight: weights[signal] });
  }

  const basis = counted.some((c) => c.signal !== "hiddenTests") ? "measured_and_rubric" : "measured_only";
  const basisNote =
    rubric.status !== "done"
      ? `Measured part only: ${rubricLeftOutWhy(rubric.status)}.`
      : basis === "measured_only"
        ? `Measured part only: ${flagged.length > 0 ? "the rubric's scores are flagged for human review" : "no rubric dimension has a weight"}.`
        : flagged.length > 0
          ? `Without ${flagged.join(", ")}: flagged for human review.`
          : null;

  const totalWeight = counted.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return { outcome: null, label: "No recommendation", score: null, basis, basisNote: basisNote ?? "Nothing with a weight could be scored.", reasons: [], leftOut };

  // Rounded before the thresholds so float noise (0.5499999…) never decides an outcome.
  const score = Math.round((counted.reduce((sum, c) => sum + c.weight * c.value, 0) / totalWeight) * 1000) / 1000;
  const outcome = RECOMMENDATION_THRESHOLDS.find(([, lowest]) => score >= lowest)?.[0] ?? "no";
  const influence = (c: { weight: number; value: number }) => c.weight * Math.abs(c.value - 0.5);
  const reasons = counted
    .map((c): RecommendationReason => ({ ...c, share: c.weight / totalWeight, direction: c.value >= 0.5 ? "for" : "against" }))
    .sort((a, b) => influence(b) - influence(a) || b.weight - a.weight);
  return { outcome, label: RECOMMENDATION_LABELS[outcome], score, basis, basisNote, reasons, leftOut };
}
