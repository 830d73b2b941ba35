import type { AssessmentUsage } from "@interviewlm/core/billing";
import { EmptyState, Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@interviewlm/ui";
import { Link } from "@remix-run/react";

export function UsageTable({ usage }: { usage: AssessmentUsage[] }) {
  if (usage.length === 0) return <EmptyState headingLevel={3} title="No credits used yet" description="Each invitation holds a credit; it is used when the candidate starts." />;
  return (
    <Table caption="Credit usage per assessment" hideCaption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Assessment</TableHeaderCell>
          <TableHeaderCell>Used (started)</TableHeaderCell>
          <TableHeaderCell>Held by open invitations</TableHeaderCell>
          <TableHeaderCell>Returned (expired or revoked)</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {usage.map((u) => (
          <TableRow key={u.assessmentId}>
            <TableCell>
              <Link to={`/app/assessments/${u.assessmentId}`} className="text-accent-fg hover:underline">
                {u.title}
              </Link>
            </TableCell>
            <TableCell className="tabular-nums">{u.used}</TableCell>
            <TableCell className="tabular-nums">{u.reserved}</TableCell>
            <TableCell className="tabular-nums">{u.returned}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
