import type { CandidateSummary } from "@interviewlm/core/candidates";
import { HIRING_DECISION_LABELS } from "@interviewlm/core/decisions/schemas";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { Link } from "@remix-run/react";
import { RelativeTime } from "./relative-time";
import { CandidateRowActions } from "./row-actions";
import { CANDIDATE_STATUS_LABELS, CandidateStatusBadge, statusChangedAt } from "./status";

export interface CandidatesTableProps {
  candidates: CandidateSummary[];
  /** The loader's clock, so relative times render the same on the server and in the browser. */
  now: Date;
  caption: string;
  /** The candidates page lists several assessments; the assessment page does not need the column. */
  showAssessment?: boolean;
  /** Viewers see the table without the action column. */
  canAct: boolean;
  /** Roles that may read reports get a "Report" link on finished interviews. */
  canReadReports?: boolean;
}

const OPEN = new Set(["INVITED", "OPENED"]);

export function CandidatesTable({ candidates, now, caption, showAssessment = false, canAct, canReadReports = false }: CandidatesTableProps) {
  return (
    <Table caption={caption} hideCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Candidate</TableHeaderCell>
          {showAssessment ? <TableHeaderCell>Assessment</TableHeaderCell> : null}
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Decision</TableHeaderCell>
          <TableHeaderCell>Invited</TableHeaderCell>
          <TableHeaderCell>Last change</TableHeaderCell>
          <TableHeaderCell>Link expires</TableHeaderCell>
          {canAct ? (
            <TableHeaderCell className="text-right">
              <span className="sr-only">Actions</span>
            </TableHeaderCell>
          ) : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {candidates.map((c) => (
          <TableRow key={c.id}>
            <TableHeaderCell scope="row" className="font-normal whitespace-normal">
              <Link to={`/app/candidates/${c.id}`} className="block font-medium text-fg hover:underline">{c.name}</Link>
              <span className="block text-xs text-fg-muted">{c.email}</span>
            </TableHeaderCell>
            {showAssessment ? (
              <TableCell>
                <Link to={`/app/assessments/${c.assessmentId}`} className="text-accent-fg hover:underline">
                  {c.assessmentTitle}
                </Link>
              </TableCell>
            ) : null}
            <TableCell>
              <CandidateStatusBadge status={c.status} />
              {c.status === "STARTED" || c.status === "COMPLETED" || c.status === "EVALUATED" ? (
                <Link to={`/app/candidates/${c.id}/replay`} className="mt-1 block text-xs text-accent-fg hover:underline" aria-label={`Replay ${c.name}'s interview`}>
                  Replay
                </Link>
              ) : null}
              {canReadReports && (c.status === "COMPLETED" || c.status === "EVALUATED") ? (
                <Link to={`/app/candidates/${c.id}/report`} className="mt-1 block text-xs text-accent-fg hover:underline" aria-label={`Report on ${c.name}'s interview`}>
                  Report
                </Link>
              ) : null}
              {c.remindersSent > 0 ? (
                <span className="mt-1 block text-xs text-fg-muted">
                  {c.remindersSent === 1 ? "1 reminder" : `${c.remindersSent} reminders`}
                </span>
              ) : null}
            </TableCell>
            <TableCell className="whitespace-nowrap">
              {/* The reviewers' current decision; the report holds its reason and history. */}
              {c.decision ? HIRING_DECISION_LABELS[c.decision] : <span className="text-fg-muted"><span aria-hidden="true">—</span><span className="sr-only">No decision yet</span></span>}
            </TableCell>
            <TableCell className="whitespace-nowrap text-fg-muted">
              <RelativeTime date={c.invitedAt} now={now} />
            </TableCell>
            <TableCell className="whitespace-nowrap text-fg-muted">
              {c.status === "INVITED" ? (
                "—"
              ) : (
                <>
                  {CANDIDATE_STATUS_LABELS[c.status]} <RelativeTime date={statusChangedAt(c)} now={now} />
                </>
              )}
            </TableCell>
            <TableCell className="whitespace-nowrap text-fg-muted">
              {OPEN.has(c.status) ? <RelativeTime date={c.expiresAt} now={now} /> : "—"}
            </TableCell>
            {canAct ? (
              <TableCell className="text-right">
                <CandidateRowActions candidate={c} />
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
