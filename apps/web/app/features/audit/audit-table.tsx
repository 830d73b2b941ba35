import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { formatAbsolute, formatRelative } from "~/features/candidates/time";

export interface AuditTableRow {
  id: string;
  createdAt: Date | string;
  action: string;
  label: string;
  actor: { name: string | null; email: string } | null;
  actorOutside: boolean;
  target: string | null;
  ipAddress: string | null;
}

/** One line per audit entry; the time both relative (for the eye) and exact (UTC). */
export function AuditTable({ rows, now, caption }: { rows: readonly AuditTableRow[]; now: string; caption: string }) {
  return (
    <Table caption={caption} hideCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>Action</TableHeaderCell>
          <TableHeaderCell>Target</TableHeaderCell>
          <TableHeaderCell>IP address</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => {
          const at = new Date(row.createdAt);
          return (
            <TableRow key={row.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={at.toISOString()}>
                  {formatRelative(at, new Date(now))}
                  <span className="block text-xs text-fg-muted">{formatAbsolute(at)}</span>
                </time>
              </TableCell>
              <TableCell>
                {row.actor ? (
                  <>
                    {row.actor.name ?? row.actor.email}
                    <span className="block text-xs text-fg-muted">{row.actor.email}</span>
                  </>
                ) : (
                  <span className="text-fg-muted">{row.actorOutside ? "Someone outside the organization" : "System or candidate"}</span>
                )}
              </TableCell>
              <TableCell>
                {row.label}
                {row.label !== row.action ? <span className="block font-mono text-xs text-fg-muted">{row.action}</span> : null}
              </TableCell>
              <TableCell className="break-all">{row.target ?? "—"}</TableCell>
              <TableCell className="tabular-nums">{row.ipAddress ?? "—"}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
