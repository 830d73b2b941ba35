import type { BulkInviteReport, BulkRowOutcome } from "@interviewlm/core/candidates";
import { Badge, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, type BadgeTone } from "@interviewlm/ui";

const OUTCOMES: Record<BulkRowOutcome, { label: string; tone: BadgeTone }> = {
  invited: { label: "Invited", tone: "success" },
  invalid: { label: "Invalid", tone: "danger" },
  duplicate: { label: "Duplicate", tone: "warning" },
  no_credits: { label: "No credit", tone: "danger" },
};

/**
 * What happened to every row of an uploaded file, by its line number, so the recruiter
 * can fix the invalid ones in their spreadsheet and upload just those again.
 */
export function BulkReport({ report }: { report: BulkInviteReport }) {
  const { invited, invalid, duplicate, no_credits: noCredits } = report.counts;
  return (
    <section aria-labelledby="bulk-report-heading" className="space-y-3">
      <div>
        <h3 id="bulk-report-heading" className="text-sm font-semibold text-fg">
          Upload report
        </h3>
        <p className="text-sm text-fg-muted">
          {invited} invited · {invalid} invalid · {duplicate} duplicate{duplicate === 1 ? "" : "s"}
          {noCredits > 0 ? ` · ${noCredits} beyond your credits` : ""}
        </p>
        {noCredits > 0 ? (
          <p className="text-sm text-fg">
            {noCredits} row{noCredits === 1 ? " was" : "s were"} not invited: no credits left.{" "}
            <a href="/app/billing" className="font-medium text-accent-fg underline">
              Buy credits
            </a>{" "}
            and upload those rows again.
          </p>
        ) : null}
      </div>
      <Table caption="Result for each row of the uploaded file" hideCaption containerClassName="max-h-96 overflow-y-auto">
        <TableHead>
          <TableRow>
            <TableHeaderCell>Line</TableHeaderCell>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>Email</TableHeaderCell>
            <TableHeaderCell>Result</TableHeaderCell>
            <TableHeaderCell>Reason</TableHeaderCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((r) => (
            <TableRow key={r.row}>
              <TableHeaderCell scope="row" className="font-mono tabular-nums">
                {r.row}
              </TableHeaderCell>
              <TableCell>{r.name || <span className="text-fg-muted">(none)</span>}</TableCell>
              <TableCell className="break-all">{r.email || <span className="text-fg-muted">(none)</span>}</TableCell>
              <TableCell>
                <Badge tone={OUTCOMES[r.outcome].tone}>{OUTCOMES[r.outcome].label}</Badge>
              </TableCell>
              <TableCell className="text-fg-muted">{r.reason ?? "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
