// Per question: the hidden-test pass rate, how long until the first run and the first passing
// run, and every visible-test run in order — each moment a link into the replay.
import { Badge } from "@interviewlm/ui";
import { formatDuration, formatMoment, formatPercent, replayAt, type MeasuredView } from "./report-format";
import { useReplayLinks } from "./replay-links";

export function MomentLink({ replayPath, t, children }: { replayPath: string; t: number; children?: React.ReactNode }) {
  // A shared report's reader has no account: the moment is named, not linked (ADR 0142).
  if (!useReplayLinks()) return <span>{children ?? `at ${formatMoment(t)}`}</span>;
  return (
    <a href={replayAt(replayPath, t)} className="text-accent-fg hover:underline">
      {children ?? `at ${formatMoment(t)}`}
    </a>
  );
}

const RUN_BY: Record<string, string> = { candidate: "candidate", agent: "AI agent", other: "room" };

export function QuestionsSection({ questions, replayPath }: { questions: MeasuredView["questions"]; replayPath: string }) {
  return (
    <section aria-labelledby="report-questions" className="space-y-3">
      <h2 id="report-questions" className="text-base font-semibold text-fg">Questions</h2>
      {questions.length === 0 ? <p className="text-sm text-fg-muted">No question was recorded in this session.</p> : null}
      {questions.map((q) => (
        <article key={q.position} aria-labelledby={`report-q-${q.position}`} className="space-y-2 rounded-lg border border-line p-4">
          <h3 id={`report-q-${q.position}`} className="font-medium text-fg">
            {q.position + 1}. {q.title ?? "Untitled question"}
          </h3>
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-fg-muted">Hidden tests</dt>
              <dd>
                {q.hidden ? (
                  <>
                    {q.hidden.passed}/{q.hidden.total} passed ({formatPercent(q.hidden.ratio)}){q.hidden.finished ? null : <Badge tone="warning">did not finish</Badge>}
                  </>
                ) : (
                  `Not run${q.hiddenError ? `: ${q.hiddenError}` : ""}`
                )}
              </dd>
            </div>
            <div>
              <dt className="text-fg-muted">First test run</dt>
              <dd>{q.firstRun && q.timeToFirstRunMs !== null ? <MomentLink replayPath={replayPath} t={q.firstRun.t}>{`after ${formatDuration(q.timeToFirstRunMs)}`}</MomentLink> : "Never ran the tests"}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">First passing run</dt>
              <dd>{q.firstPass && q.timeToFirstPassMs !== null ? <MomentLink replayPath={replayPath} t={q.firstPass.t}>{`after ${formatDuration(q.timeToFirstPassMs)}`}</MomentLink> : "No passing run"}</dd>
            </div>
          </dl>
          {q.runs.length > 0 ? (
            <div>
              <h4 className="text-sm text-fg-muted">Test runs</h4>
              <ol className="mt-1 flex flex-wrap gap-2 text-sm" aria-label={`Test runs of question ${q.position + 1}`}>
                {q.runs.map((run) => (
                  <li key={run.runId}>
                    <MomentLink replayPath={replayPath} t={run.t}>
                      {`${formatMoment(run.t)} · ${run.passed}/${run.total} ${run.status === "passed" ? "passed" : run.status} (${RUN_BY[run.by] ?? run.by})`}
                    </MomentLink>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </article>
      ))}
    </section>
  );
}
