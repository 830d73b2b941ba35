// The timeline: a scrubber (a native range input, so it is keyboard-operable and announced)
// over one row per track — activity bars for typing and terminal, markers for test runs
// (pass/fail), AI, signals, notes and question changes. Markers are drawn, not focusable:
// the keyboard reaches them with "previous/next event" and the events list.
import type { ReplayMarker, ReplaySummary } from "@interviewlm/core/replay";
import { cx } from "@interviewlm/ui";
import { formatOffset } from "./replay-time";

const TRACK_ROWS = [
  { track: "typing", label: "Typing" },
  { track: "terminal", label: "Terminal" },
  { track: "tests", label: "Tests" },
  { track: "ai", label: "AI" },
  { track: "signals", label: "Pastes & focus" },
  { track: "notes", label: "Notes" },
  { track: "questions", label: "Questions" },
] as const;

function markerColour(marker: ReplayMarker): string {
  if (marker.type === "tests.finished") return marker.status === "passed" ? "bg-success" : "bg-danger";
  if (marker.track === "signals") return "bg-warning";
  return "bg-accent";
}

export function ReplayTimeline({ summary, t, onSeek }: { summary: ReplaySummary; t: number; onSeek: (t: number) => void }) {
  const duration = Math.max(1, summary.durationMs);
  const pct = (ms: number) => `${Math.min(100, (ms / duration) * 100)}%`;
  const peak = Math.max(1, ...summary.activity.typing, ...summary.activity.terminal);
  return (
    <section aria-labelledby="timeline-heading" className="space-y-1 rounded-md border border-line bg-surface p-3">
      <h2 id="timeline-heading" className="sr-only">Timeline</h2>
      <div className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-0.5 text-xs">
        {TRACK_ROWS.map(({ track, label }) => (
          <div key={track} className="contents">
            <span className="truncate text-fg-muted">{label}</span>
            <div className="relative h-3 rounded-sm bg-surface-hover" aria-hidden="true" data-track={track}>
              {track === "typing" || track === "terminal"
                ? summary.activity[track].map((n, i) =>
                    n > 0 ? (
                      <span
                        key={i}
                        className={cx("absolute bottom-0", track === "typing" ? "bg-accent/70" : "bg-fg-muted/60")}
                        style={{ left: pct(i * summary.bucketMs), width: pct(summary.bucketMs), height: `${Math.max(15, (n / peak) * 100)}%` }}
                      />
                    ) : null,
                  )
                : summary.markers
                    .filter((m) => m.track === track)
                    .map((m) => <span key={m.seq} title={m.label} data-status={m.status} className={cx("absolute top-0 h-3 w-0.5", markerColour(m))} style={{ left: pct(m.t) }} />)}
              <span className="absolute top-0 h-3 w-px bg-fg" style={{ left: pct(t) }} />
            </div>
          </div>
        ))}
        <label htmlFor="replay-scrubber" className="text-fg-muted">
          Position
        </label>
        <input
          id="replay-scrubber"
          type="range"
          min={0}
          max={summary.durationMs}
          step={1000}
          value={Math.min(t, summary.durationMs)}
          aria-valuetext={`${formatOffset(t)} of ${formatOffset(summary.durationMs)}`}
          onChange={(event) => onSeek(Number(event.currentTarget.value))}
          className="w-full accent-accent focus-visible:outline-2 focus-visible:outline-focus"
        />
      </div>
    </section>
  );
}
