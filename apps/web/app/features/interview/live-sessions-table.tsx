// "Live now": interviews in progress in the organisation, soonest deadline first, each with
// a link to watch. Times left tick in the browser from the loader's clock.
import { Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, buttonClasses } from "@interviewlm/ui";
import { Eye } from "@interviewlm/ui/icons";
import { Link } from "@remix-run/react";
import { useEffect, useState } from "react";
import { RelativeTime } from "~/features/candidates/relative-time";
import { WARNING_MS, describeRemaining } from "./time-left";

export interface LiveSessionRow {
  sessionId: string;
  candidateName: string;
  candidateEmail?: string;
  assessmentTitle: string;
  startedAt: Date | string;
  deadlineAt: Date | string;
  /** 0-based. */
  questionPosition: number;
  questionCount: number;
}

export interface LiveSessionsTableProps {
  sessions: LiveSessionRow[];
  /** The loader's clock: the server render and hydration print the same times. */
  now: Date | string;
}

/**
 * One accessible name per "Watch" link, so a screen-reader user can tell the links apart in
 * a links list: the candidate's name, then the assessment, then the email, then a number,
 * each only where the previous ones still collide. Every name starts with the visible "Watch".
 */
export function watchLinkLabels(sessions: readonly LiveSessionRow[]): string[] {
  const steps: ((s: LiveSessionRow, i: number) => string)[] = [
    (s) => `Watch ${s.candidateName}'s interview`,
    (s) => ` for ${s.assessmentTitle}`,
    (s) => (s.candidateEmail ? ` (${s.candidateEmail})` : ""),
    (_s, i) => ` (${i + 1})`,
  ];
  let labels = sessions.map(() => "");
  for (const step of steps) {
    const counts = new Map<string, number>();
    for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    labels = labels.map((label, i) => (label === "" || (counts.get(label) ?? 0) > 1 ? label + step(sessions[i]!, i) : label));
  }
  return labels;
}

export function LiveSessionsTable({ sessions, now }: LiveSessionsTableProps) {
  const clock = useTickingClock(new Date(now).getTime(), 15_000);
  const labels = watchLinkLabels(sessions);
  return (
    <Table caption="Interviews in progress" hideCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Candidate</TableHeaderCell>
          <TableHeaderCell>Assessment</TableHeaderCell>
          <TableHeaderCell>Started</TableHeaderCell>
          <TableHeaderCell>Time left</TableHeaderCell>
          <TableHeaderCell>Question</TableHeaderCell>
          <TableHeaderCell className="text-right">
            <span className="sr-only">Watch</span>
          </TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {sessions.map((s, index) => {
          const left = Math.max(0, new Date(s.deadlineAt).getTime() - clock);
          return (
            <TableRow key={s.sessionId}>
              <TableHeaderCell scope="row" className="font-normal whitespace-normal">
                <span className="block font-medium text-fg">{s.candidateName}</span>
                {s.candidateEmail ? <span className="block text-xs text-fg-muted">{s.candidateEmail}</span> : null}
              </TableHeaderCell>
              <TableCell>{s.assessmentTitle}</TableCell>
              <TableCell>
                <RelativeTime date={s.startedAt} now={new Date(clock)} className="text-fg-muted" />
              </TableCell>
              <TableCell>
                <Badge tone={left <= WARNING_MS ? "warning" : "neutral"}>{describeRemaining(left)}</Badge>
              </TableCell>
              <TableCell className="tabular-nums">
                {s.questionPosition + 1} of {s.questionCount}
              </TableCell>
              <TableCell className="text-right">
                <Link
                  to={`/app/live/${encodeURIComponent(s.sessionId)}`}
                  className={buttonClasses({ variant: "secondary", size: "sm" })}
                  aria-label={labels[index]}
                >
                  <Eye aria-hidden="true" className="size-3.5" /> Watch
                </Link>{" "}
                <Link
                  to={`/app/sessions/${encodeURIComponent(s.sessionId)}/replay`}
                  className={buttonClasses({ variant: "ghost", size: "sm" })}
                  aria-label={labels[index]!.replace(/^Watch /, "Replay so far: ")}
                >
                  Replay so far
                </Link>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** Starts at the server's time (same first render on both sides), then follows the browser's clock. */
function useTickingClock(start: number, intervalMs: number): number {
  const [clock, setClock] = useState(start);
  useEffect(() => {
    const offset = start - Date.now();
    const timer = setInterval(() => setClock(Date.now() + offset), intervalMs);
    return () => clearInterval(timer);
  }, [start, intervalMs]);
  return clock;
}
