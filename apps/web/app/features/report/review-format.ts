// The review (recommendation, decision, notes) as the loader hands it to the browser, and the
// words that put a decision beside the recommendation it overrides.
import type { SessionReview } from "@interviewlm/core/decisions";
import type { SerializeFrom } from "@remix-run/node";

export type ReviewView = SerializeFrom<SessionReview>;
export type DecisionView = NonNullable<ReviewView["decision"]>;
export type RecommendationView = NonNullable<ReviewView["recommendation"]>;

export const DECISION_LABELS: Record<DecisionView["outcome"], string> = { ADVANCE: "Advance", HOLD: "Hold", REJECT: "Reject" };

const AGREES: Record<DecisionView["outcome"], readonly string[]> = { ADVANCE: ["strong_yes", "yes"], REJECT: ["leaning_no", "no"], HOLD: [] };

/** "Decision: Advance — overrides recommendation: Leaning no" (or "agrees with"), the report's headline once someone decided. */
export function decisionHeadline(decision: Pick<DecisionView, "outcome">, recommendation: Pick<RecommendationView, "outcome" | "label"> | null): string {
  const head = `Decision: ${DECISION_LABELS[decision.outcome]}`;
  if (!recommendation?.outcome) return head;
  const relation = AGREES[decision.outcome].includes(recommendation.outcome) ? "agrees with" : "overrides";
  return `${head} — ${relation} recommendation: ${recommendation.label}`;
}
