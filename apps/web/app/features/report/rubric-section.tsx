// The judge's rubric: per dimension the median level of the samples with their spread, the
// "needs human review" flag, and each claim with the evidence the server checked — an event
// links to the replay at its moment, a line range shows the quoted lines. Without a key (or
// when the judge failed) the section says so instead of showing scores.
import { Badge } from "@interviewlm/ui";
import { MomentLink } from "./questions-section";
import { DIMENSION_LABELS, formatMoment, type EvaluationView } from "./report-format";

type Rubric = EvaluationView["rubric"];
type Dimension = Rubric["dimensions"][number];
type Evidence = Dimension["claims"][number]["evidence"][number];

function EvidenceItem({ evidence, replayPath }: { evidence: Evidence; replayPath: string }) {
  if (evidence.type === "event") {
    return (
      <li>
        <MomentLink replayPath={replayPath} t={evidence.t}>{`Replay at ${formatMoment(evidence.t)}`}</MomentLink>
      </li>
    );
  }
  const range = evidence.startLine === evidence.endLine ? `line ${evidence.startLine}` : `lines ${evidence.startLine}–${evidence.endLine}`;
  return (
    <li>
      <span className="text-fg-muted">
        <code className="font-mono">{evidence.path}</code>, {range}:
      </span>
      <pre className="mt-1 overflow-x-auto rounded bg-surface-raised p-2 font-mono text-xs">{evidence.quote}</pre>
    </li>
  );
}

function DimensionCard({ dimension, replayPath }: { dimension: Dimension; replayPath: string }) {
  const label = DIMENSION_LABELS[dimension.dimension] ?? dimension.dimension;
  return (
    <article aria-labelledby={`rubric-${dimension.dimension}`} className="space-y-2 rounded-lg border border-line p-4">
      <h3 id={`rubric-${dimension.dimension}`} className="flex flex-wrap items-center gap-2 font-medium text-fg">
        {label}: level {dimension.level} of 4
        {dimension.needsReview ? <Badge tone="warning">Needs human review</Badge> : null}
      </h3>
      <p className="text-sm text-fg-muted">
        Samples scored {dimension.levels.join(", ")} (spread {dimension.spread} {dimension.spread === 1 ? "level" : "levels"}){dimension.needsReview ? ": the samples disagree, so a reviewer should judge this one." : "."}
      </p>
      <p className="text-sm">{dimension.rationale}</p>
      {dimension.claims.length > 0 ? (
        <ul className="space-y-2 text-sm" aria-label={`Claims on ${label.toLowerCase()}`}>
          {dimension.claims.map((claim, i) => (
            <li key={i} className="space-y-1">
              <p>{claim.text}</p>
              <ul className="ml-4 list-disc space-y-1" aria-label="Evidence">
                {claim.evidence.map((evidence, j) => (
                  <EvidenceItem key={j} evidence={evidence} replayPath={replayPath} />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

export function RubricSection({ rubric, droppedClaims, model, replayPath }: { rubric: Rubric; droppedClaims: number; model: string | null; replayPath: string }) {
  return (
    <section aria-labelledby="report-rubric" className="space-y-3">
      <h2 id="report-rubric" className="text-base font-semibold text-fg">Rubric</h2>
      {rubric.status === "needs_key" ? (
        <p className="text-sm">{rubric.note ?? "The rubric part needs the Anthropic API key (ANTHROPIC_API_KEY); only the measured part was computed."}</p>
      ) : rubric.status === "failed" ? (
        <p role="alert" className="text-sm">
          The rubric could not be scored: {rubric.note ?? "no reason was recorded"}. The measured part above is complete.
        </p>
      ) : rubric.status === "pending" ? (
        <p className="text-sm text-fg-muted">Scored when the evaluation finishes.</p>
      ) : (
        <>
          <p className="text-sm text-fg-muted">
            Scored by {model ?? "the model"} in {rubric.samples ?? "several"} samples; each level is the median. Every claim below cites evidence the server checked against the recording and the final code
            {droppedClaims > 0 ? `; ${droppedClaims} ${droppedClaims === 1 ? "claim" : "claims"} whose evidence did not check out ${droppedClaims === 1 ? "was" : "were"} left out` : ""}.
          </p>
          {rubric.dimensions.map((dimension) => (
            <DimensionCard key={dimension.dimension} dimension={dimension} replayPath={replayPath} />
          ))}
        </>
      )}
    </section>
  );
}
