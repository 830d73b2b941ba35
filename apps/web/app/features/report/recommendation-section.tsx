// The recommendation computed from the scores under the assessment's weights, with the signals
// that drove it and those left out — and, once a reviewer decided, the decision above it,
// saying plainly that it overrides the recommendation. "Measured part only" is never implicit.
import { Badge } from "@interviewlm/ui";
import { formatPercent } from "./report-format";
import { decisionHeadline, type RecommendationView, type ReviewView } from "./review-format";

/** "code quality, problem solving (the rubric needs the Anthropic API key); communication (weighted 0 in this assessment)" */
export function describeLeftOut(leftOut: RecommendationView["leftOut"]): string {
  const byWhy = new Map<string, string[]>();
  for (const left of leftOut) byWhy.set(left.why, [...(byWhy.get(left.why) ?? []), left.label.toLowerCase()]);
  return [...byWhy].map(([why, labels]) => `${labels.join(", ")} (${why})`).join("; ");
}

const TONE = { strong_yes: "success", yes: "success", leaning_no: "warning", no: "danger" } as const;

export function RecommendationSection({ review }: { review: Pick<ReviewView, "recommendation" | "decision"> }) {
  const { recommendation, decision } = review;
  return (
    <section aria-labelledby="report-recommendation" className="space-y-3 rounded-lg border border-line p-4">
      <h2 id="report-recommendation" className="text-base font-semibold text-fg">Recommendation</h2>
      {decision ? <p className="font-medium text-fg">{decisionHeadline(decision, recommendation)}</p> : null}
      {!recommendation ? (
        <p className="text-sm text-fg-muted">Computed when the evaluation is done.</p>
      ) : (
        <>
          <p className="flex flex-wrap items-center gap-2 text-sm">
            {decision ? <span className="text-fg-muted">Computed from the scores:</span> : null}
            <Badge tone={recommendation.outcome ? TONE[recommendation.outcome] : "neutral"}>{recommendation.label}</Badge>
            {recommendation.score !== null ? <span className="text-fg-muted">weighted score {formatPercent(recommendation.score)}</span> : null}
            {recommendation.basis === "measured_only" ? <Badge tone="info">Measured part only</Badge> : null}
          </p>
          {recommendation.basisNote ? <p className="text-sm text-fg-muted">{recommendation.basisNote}</p> : null}
          {recommendation.reasons.length > 0 ? (
            <ul aria-label="Reasons" className="space-y-1 text-sm">
              {recommendation.reasons.map((reason) => (
                <li key={reason.signal}>
                  <span className={reason.direction === "for" ? "text-success-fg" : "text-danger-fg"}>{reason.direction === "for" ? "For" : "Against"}</span>: {reason.label}, {reason.shown}{" "}
                  <span className="text-fg-muted">(weight {reason.weight}, {formatPercent(reason.share)} of the total)</span>
                </li>
              ))}
            </ul>
          ) : null}
          {recommendation.leftOut.length > 0 ? <p className="text-xs text-fg-muted">Not counted: {describeLeftOut(recommendation.leftOut)}.</p> : null}
          <p className="text-xs text-fg-muted">A recommendation, not a verdict: reviewers decide below, and every score above links to its moment in the replay.</p>
        </>
      )}
    </section>
  );
}
