// Reviewers: what the candidate pasted (how much, into which file) and when they left the
// interview tab. Signals are facts to ask about, not verdicts — the copy stays neutral.
import { Badge, cx } from "@interviewlm/ui";
import { ClipboardPaste, LogIn, LogOut } from "@interviewlm/ui/icons";
import type { Signal } from "@interviewlm/realtime";
import { useEffect, useState } from "react";
import { describeSignal, meaningfulSignals, summarizeSignals } from "./signal-summary";
import { formatClockTime, formatDuration } from "./test-run-summary";

export function SignalsPanel({ signals, serverOffsetMs }: { signals: Signal[]; serverOffsetMs: number }) {
  const now = useNow(signals.length > 0 ? 5000 : null) + serverOffsetMs;
  const summary = summarizeSignals(signals, now);
  const timeline = meaningfulSignals(signals);
  return (
    <section aria-labelledby="signals-heading" className="flex h-full min-h-0 flex-col">
      <h2 id="signals-heading" className="sr-only">Signals</h2>
      <dl className="grid grid-cols-2 gap-2 border-b border-line p-3 text-xs">
        <div>
          <dt className="text-fg-subtle">Pastes</dt>
          <dd className="text-sm text-fg tabular-nums">
            {summary.pastes} <span className="text-xs text-fg-muted">({summary.pastedCharacters.toLocaleString("en")} chars)</span>
          </dd>
        </div>
        <div>
          <dt className="text-fg-subtle">Left the tab</dt>
          <dd className="text-sm text-fg tabular-nums">
            {summary.focusLosses}× <span className="text-xs text-fg-muted">({formatDuration(summary.awayMs)} away)</span>
          </dd>
        </div>
      </dl>
      {summary.awayNow ? (
        <p className="px-3 pt-3">
          <Badge tone="warning" dot>The candidate is away from the tab</Badge>
        </p>
      ) : null}
      {timeline.length === 0 ? (
        <p className="p-3 text-sm text-fg-muted">No pastes or tab switches so far.</p>
      ) : (
        <ol aria-label="Signal timeline" className="min-h-0 flex-1 space-y-1 overflow-auto p-3">
          {timeline
            .slice()
            .reverse()
            .map((signal, index) => {
              const Icon = signal.type === "paste" ? ClipboardPaste : signal.state === "lost" ? LogOut : LogIn;
              return (
                <li key={`${signal.at}:${index}`} className="flex items-start gap-2 text-xs">
                  <Icon aria-hidden="true" className={cx("mt-0.5 size-3.5 shrink-0", signal.type === "paste" ? "text-info-fg" : "text-fg-subtle")} />
                  <time dateTime={new Date(signal.at).toISOString()} className="shrink-0 text-fg-subtle tabular-nums">
                    {formatClockTime(signal.at)}
                  </time>
                  <span className="min-w-0 break-words text-fg-muted">{describeSignal(signal)}</span>
                </li>
              );
            })}
        </ol>
      )}
    </section>
  );
}

/** The current time, refreshed every `intervalMs` (null: not at all). */
function useNow(intervalMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (intervalMs === null) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
