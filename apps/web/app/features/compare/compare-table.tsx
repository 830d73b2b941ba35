// The candidates of one assessment side by side. Every column header is a button (keyboard:
// Tab to it, Enter or Space sorts; again reverses) and the sorted column carries `aria-sort`.
import { Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { Link } from "@remix-run/react";
import { useState } from "react";
import type { Dimension } from "@interviewlm/core/evaluation";
import { CandidateStatusBadge } from "~/features/candidates/status";
import { DIMENSION_LABELS, formatDuration, formatPercent } from "~/features/report/report-format";
import { firstDirection, sortRows, type CompareRowView, type SortDirection, type SortKey } from "./compare-sort";

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
}

function columnsFor(dimensions: readonly Dimension[]): Column[] {
  return [
    { key: "candidate", label: "Candidate", numeric: false },
    { key: "status", label: "Status", numeric: false },
    { key: "hiddenPassRate", label: "Hidden tests passed", numeric: true },
    { key: "firstPassMs", label: "First passing run", numeric: true },
    ...dimensions.map((d): Column => ({ key: `rubric:${d}`, label: DIMENSION_LABELS[d] ?? d, numeric: true })),
    { key: "aiKeptShare", label: "AI lines kept", numeric: true },
  ];
}

const EVALUATION_PENDING: Record<string, string> = { QUEUED: "Evaluation queued", RUNNING: "Being evaluated", FAILED: "Evaluation failed" };

function Missing({ children }: { children: string }) {
  return <span className="text-fg-muted">{children}</span>;
}

function RowCells({ row, dimensions }: { row: CompareRowView; dimensions: readonly Dimension[] }) {
  const measuredNote = EVALUATION_PENDING[row.evaluationStatus ?? ""] ?? "—";
  return (
    <>
      <TableCell>{row.hiddenPassRate !== null ? formatPercent(row.hiddenPassRate) : <Missing>{measuredNote}</Missing>}</TableCell>
      <TableCell>{row.firstPassMs !== null ? `after ${formatDuration(row.firstPassMs)}` : <Missing>{row.evaluationStatus === "DONE" ? "none" : "—"}</Missing>}</TableCell>
      {dimensions.map((d) => {
        const score = row.rubric[d];
        return (
          <TableCell key={d}>
            {score ? (
              <span className="inline-flex items-center gap-1.5">
                {score.level} / 4{score.needsReview ? <Badge tone="warning">review</Badge> : null}
              </span>
            ) : (
              <Missing>—</Missing>
            )}
          </TableCell>
        );
      })}
      <TableCell>{row.aiKeptShare !== null ? formatPercent(row.aiKeptShare) : <Missing>{row.evaluationStatus === "DONE" ? "no AI lines" : "—"}</Missing>}</TableCell>
    </>
  );
}

export function CompareTable({ rows, dimensions, caption }: { rows: readonly CompareRowView[]; dimensions: readonly Dimension[]; caption: string }) {
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: "candidate", direction: "ascending" });
  const columns = columnsFor(dimensions);
  const sorted = sortRows(rows, sort.key, sort.direction);
  const sortBy = (key: SortKey) =>
    setSort((current) => (current.key === key ? { key, direction: current.direction === "ascending" ? "descending" : "ascending" } : { key, direction: firstDirection(key) }));
  const active = columns.find((c) => c.key === sort.key);
  return (
    <>
      <p role="status" className="sr-only">{active ? `Sorted by ${active.label}, ${sort.direction}.` : ""}</p>
      <Table caption={caption}>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableHeaderCell key={column.key} aria-sort={sort.key === column.key ? sort.direction : "none"} className="px-2">
                <button
                  type="button"
                  onClick={() => sortBy(column.key)}
                  className="inline-flex items-center gap-1 rounded px-2 py-1 font-medium hover:text-fg focus-visible:outline-2 focus-visible:outline-focus"
                >
                  {column.label}
                  <span aria-hidden="true">{sort.key === column.key ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}</span>
                </button>
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={row.candidateId}>
              <TableHeaderCell scope="row">
                {row.sessionId ? (
                  <Link to={`/app/sessions/${encodeURIComponent(row.sessionId)}/report`} className="text-accent-fg hover:underline" aria-label={`Report on ${row.candidateName}'s interview`}>
                    {row.candidateName}
                  </Link>
                ) : (
                  <Link to={`/app/candidates/${encodeURIComponent(row.candidateId)}`} className="hover:underline">{row.candidateName}</Link>
                )}
              </TableHeaderCell>
              <TableCell><CandidateStatusBadge status={row.candidateStatus} /></TableCell>
              <RowCells row={row} dimensions={dimensions} />
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
