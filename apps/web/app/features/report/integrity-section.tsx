// Signals a reviewer may want to look at — pastes and times the candidate left the interview
// window — each with its size or length and a link to that moment. Signals, not verdicts: the
// wording stays neutral and the replay shows the context.
import { MomentLink } from "./questions-section";
import { formatDuration, formatMoment, type MeasuredView } from "./report-format";

export function IntegritySection({ measured, replayPath }: { measured: Pick<MeasuredView, "pastes" | "focusLosses" | "focusLostMs">; replayPath: string }) {
  const { pastes, focusLosses, focusLostMs } = measured;
  return (
    <section aria-labelledby="report-integrity" className="space-y-3">
      <h2 id="report-integrity" className="text-base font-semibold text-fg">Session signals</h2>
      <p className="text-sm text-fg-muted">Pastes and time away from the interview window, for context. Open each in the replay to see what happened around it.</p>
      <div>
        <h3 className="text-sm font-medium text-fg">Pastes ({pastes.length})</h3>
        {pastes.length === 0 ? (
          <p className="text-sm text-fg-muted">No pastes into the editor.</p>
        ) : (
          <ul className="mt-1 space-y-0.5 text-sm">
            {pastes.map((p) => (
              <li key={p.seq}>
                <MomentLink replayPath={replayPath} t={p.t}>{formatMoment(p.t)}</MomentLink>: {p.length.toLocaleString("en")} characters ({p.lines} {p.lines === 1 ? "line" : "lines"}) into <code className="font-mono">{p.path}</code>; {p.linesInFinal} {p.linesInFinal === 1 ? "line is" : "lines are"} in the final code
              </li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="text-sm font-medium text-fg">Away from the window ({focusLosses.length === 0 ? "never" : `${focusLosses.length} ${focusLosses.length === 1 ? "time" : "times"}, ${formatDuration(focusLostMs)} in all`})</h3>
        {focusLosses.length === 0 ? null : (
          <ul className="mt-1 space-y-0.5 text-sm">
            {focusLosses.map((f) => (
              <li key={f.seq}>
                <MomentLink replayPath={replayPath} t={f.t}>{formatMoment(f.t)}</MomentLink>: {formatDuration(f.durationMs)}
                {f.regained ? null : " (did not come back before the end)"}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
