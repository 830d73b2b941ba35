import { LEDGER_KIND_LABELS, LEDGER_KINDS } from "@interviewlm/core/billing/schemas";
import type { LedgerPage, AssessmentUsage } from "@interviewlm/core/billing";
import { Badge, Button, EmptyState, Select, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow, type BadgeTone } from "@interviewlm/ui";
import { Form, Link } from "@remix-run/react";
import { formatDateTime, signed } from "./format";

const TONES: Record<string, BadgeTone> = { GRANT: "success", PURCHASE: "success", RELEASE: "info", RESERVE: "neutral", CONSUME: "accent", REFUND: "warning", ADJUSTMENT: "warning" };

export interface LedgerFilters {
  kind: string;
  assessmentId: string;
}

/** Every credit movement with its cause, filterable by kind and assessment, newest first. */
export function LedgerTable({ page, filters, assessments, olderHref }: { page: LedgerPage; filters: LedgerFilters; assessments: AssessmentUsage[]; olderHref: string | null }) {
  return (
    <div className="space-y-3">
      <Form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter the ledger">
        <Select label="Kind" name="kind" defaultValue={filters.kind} options={[{ value: "", label: "All kinds" }, ...LEDGER_KINDS.map((k) => ({ value: k, label: LEDGER_KIND_LABELS[k] }))]} />
        <Select label="Assessment" name="assessmentId" defaultValue={filters.assessmentId} options={[{ value: "", label: "All assessments" }, ...assessments.map((a) => ({ value: a.assessmentId, label: a.title }))]} />
        <Button type="submit" variant="secondary">Filter</Button>
        {filters.kind || filters.assessmentId ? <Link to="/app/billing" className="text-sm text-accent-fg underline">Clear filters</Link> : null}
      </Form>
      {page.items.length === 0 ? (
        <EmptyState headingLevel={3} title="No entries" description={filters.kind || filters.assessmentId ? "Nothing matches these filters." : "Credit movements appear here."} />
      ) : (
        <Table caption="Credit ledger" hideCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>When</TableHeaderCell>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell>Available</TableHeaderCell>
              <TableHeaderCell>Reserved</TableHeaderCell>
              <TableHeaderCell>Balance after</TableHeaderCell>
              <TableHeaderCell>Cause</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {page.items.map((e) => (
              <TableRow key={e.id}>
                <TableCell className="whitespace-nowrap">{formatDateTime(e.createdAt)}</TableCell>
                <TableCell>
                  <Badge tone={TONES[e.kind] ?? "neutral"}>{LEDGER_KIND_LABELS[e.kind as keyof typeof LEDGER_KIND_LABELS] ?? e.kind}</Badge>
                </TableCell>
                <TableCell className="tabular-nums">{e.amount === 0 ? "—" : signed(e.amount)}</TableCell>
                <TableCell className="tabular-nums">{e.reservedChange === 0 ? "—" : signed(e.reservedChange)}</TableCell>
                <TableCell className="tabular-nums">{e.availableAfter}</TableCell>
                <TableCell>
                  {e.cause}
                  {e.note && e.causeType !== "STRIPE_EVENT" && e.causeType !== "ADMIN" && e.causeType !== "SYSTEM" ? <span className="block text-xs text-fg-muted">{e.note}</span> : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {olderHref ? <Link to={olderHref} className="text-sm text-accent-fg underline">Older entries</Link> : null}
    </div>
  );
}
