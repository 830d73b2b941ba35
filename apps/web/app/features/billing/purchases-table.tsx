import type { PurchaseRow } from "@interviewlm/core/billing";
import { findCreditPack } from "@interviewlm/core/billing/schemas";
import { Badge, EmptyState, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { formatCents, formatDateTime } from "./format";

/** Paid packs with Stripe's hosted invoice and receipt; refunds say what they removed. */
export function PurchasesTable({ purchases }: { purchases: PurchaseRow[] }) {
  if (purchases.length === 0) return <EmptyState headingLevel={3} title="No purchases yet" description="Packs you buy appear here with their invoices." />;
  return (
    <Table caption="Purchase history" hideCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Date</TableHeaderCell>
          <TableHeaderCell>Pack</TableHeaderCell>
          <TableHeaderCell>Amount</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Documents</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {purchases.map((p) => {
          const pack = findCreditPack(p.packId);
          return (
            <TableRow key={p.id}>
              <TableCell className="whitespace-nowrap">{formatDateTime(p.paidAt ?? p.createdAt)}</TableCell>
              <TableCell>
                {pack?.name ?? p.packId} · {p.credits} credits
              </TableCell>
              <TableCell className="tabular-nums">{formatCents(p.amountCents, p.currency)}</TableCell>
              <TableCell>
                {p.status === "REFUNDED" ? (
                  <>
                    <Badge tone="warning">Refunded {formatCents(p.refundedCents, p.currency)}</Badge>
                    <span className="block text-xs text-fg-muted">{p.creditsRemoved} unused credits removed</span>
                  </>
                ) : (
                  <Badge tone="success">Paid</Badge>
                )}
              </TableCell>
              <TableCell className="space-x-3">
                {p.invoiceUrl ? (
                  <a href={p.invoiceUrl} target="_blank" rel="noreferrer" className="text-accent-fg underline">
                    Invoice<span className="sr-only"> for the {pack?.name ?? p.packId} pack (opens Stripe in a new tab)</span>
                  </a>
                ) : null}
                {p.receiptUrl ? (
                  <a href={p.receiptUrl} target="_blank" rel="noreferrer" className="text-accent-fg underline">
                    Receipt<span className="sr-only"> for the {pack?.name ?? p.packId} pack (opens Stripe in a new tab)</span>
                  </a>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
