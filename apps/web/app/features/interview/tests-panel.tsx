// Visible tests: the candidate runs them (button or Ctrl/Cmd+Enter), everyone sees the
// latest result and the run history. Results are announced politely to screen readers.
import { Button, Kbd, cx } from "@interviewlm/ui";
import { Play } from "@interviewlm/ui/icons";
import type { TestRunView } from "@interviewlm/realtime";
import { useEffect, useRef, useState } from "react";
import { TestRunDetails } from "./test-run-details";
import { formatClockTime, runAnnouncement, runHeadline, runTone, runTotals } from "./test-run-summary";

export interface TestsPanelProps {
  runs: TestRunView[];
  /** The candidate's panel has a Run button; reviewers only watch. */
  canRun: boolean;
  connected: boolean;
  /** A run was requested and has not finished (see useTestRunRequest). */
  pending?: boolean;
  onRun?: () => void;
  /** The question in front of the candidate: its latest run is shown; older questions' runs stay in the history. */
  questionPosition?: number | null;
  className?: string;
}

export function TestsPanel({ runs, canRun, connected, pending = false, onRun, questionPosition, className }: TestsPanelProps) {
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const announcement = useRunAnnouncement(runs);

  const latest = runs.findLast((r) => questionPosition == null || r.questionPosition === questionPosition) ?? null;
  const shown = runs.find((r) => r.runId === selectedId) ?? latest;
  const history = runs.slice().reverse();

  return (
    <section aria-labelledby="tests-heading" className={cx("flex min-h-0 flex-col bg-surface", className)}>
      <div className="flex h-8 shrink-0 items-center justify-between gap-2 border-b border-line px-3">
        <h2 id="tests-heading" className="text-xs font-medium tracking-wide text-fg-muted uppercase">Tests</h2>
        {canRun ? (
          <Button size="sm" pending={pending} pendingLabel="Running…" disabled={!connected} onClick={onRun} icon={<Play aria-hidden="true" className="size-3.5" />} aria-keyshortcuts="Control+Enter Meta+Enter">
            Run tests <Kbd className="ml-1 hidden sm:inline-flex">Ctrl ↵</Kbd>
          </Button>
        ) : null}
      </div>
      <p aria-live="polite" className="sr-only">{announcement}</p>
      {/* Scrolls on its own once results are long, so it takes focus for keyboard scrolling (WCAG 2.1.1). */}
      <div tabIndex={0} aria-label="Test results" role="group" className="min-h-0 flex-1 overflow-auto p-3 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus">
        {shown ? (
          <TestRunDetails run={shown} />
        ) : (
          <p className="text-sm text-fg-muted">{canRun ? "No runs yet. Run the visible tests whenever you like — every run is kept in the history." : "The candidate has not run the tests yet."}</p>
        )}
        {history.length > (latest ? 1 : 0) ? (
          <div className="mt-4">
            <h3 className="mb-1 text-xs font-medium text-fg-muted">History</h3>
            <ol aria-label="Test run history" className="space-y-0.5">
              {history.map((item) => (
                <li key={item.runId}>
                  <button
                    type="button"
                    aria-current={item === shown ? "true" : undefined}
                    onClick={() => setSelectedId(item === latest ? null : item.runId)}
                    className={cx(
                      "flex w-full items-center gap-2 rounded px-2 py-1 text-left text-xs hover:bg-surface-hover focus-visible:outline-2 focus-visible:outline-focus",
                      item === shown && "bg-surface-active",
                    )}
                  >
                    <span className={cx("size-1.5 shrink-0 rounded-full", TONE_DOT[runTone(item)])} aria-hidden="true" />
                    <span className="text-fg-subtle tabular-nums">{formatClockTime(item.startedAt)}</span>
                    <span className="text-fg-subtle">Q{item.questionPosition + 1}</span>
                    <span className="min-w-0 flex-1 truncate text-fg-muted">{runTotals(item) ?? runHeadline(item)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
    </section>
  );
}

const TONE_DOT = { success: "bg-success-fg", danger: "bg-danger-fg", warning: "bg-warning-fg", info: "bg-info-fg", neutral: "bg-fg-muted", accent: "bg-accent-fg" } as const;

/** The text of the live region: set when a run we saw running (or a new run) finishes. */
function useRunAnnouncement(runs: TestRunView[]): string {
  const [text, setText] = useState("");
  const seen = useRef<Map<string, TestRunView["status"]> | null>(null);
  useEffect(() => {
    const previous = seen.current;
    seen.current = new Map(runs.map((r) => [r.runId, r.status]));
    // The first list (the welcome's history) is not news.
    if (!previous) return;
    const finished = runs.findLast((r) => r.status !== "running" && previous.get(r.runId) !== r.status);
    const started = runs.findLast((r) => r.status === "running" && !previous.has(r.runId));
    if (finished) setText(runAnnouncement(finished));
    else if (started) setText("Running tests…");
  }, [runs]);
  return text;
}
