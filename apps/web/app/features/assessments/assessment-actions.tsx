// Duplicate and archive/restore buttons. Each is a plain form posting to its action-only
// route (`/app/assessments/:id/duplicate`, `/app/assessments/:id/archive`), so the list,
// the edit page and the detail page can all offer them without their own action code.
import { Badge, Button } from "@interviewlm/ui";
import { Archive, ArchiveRestore, Copy } from "@interviewlm/ui/icons";
import { Form } from "@remix-run/react";
import { useIsPending } from "~/lib/forms";

export function AssessmentStatusBadge({ status }: { status: "ACTIVE" | "ARCHIVED" }) {
  return status === "ACTIVE" ? (
    <Badge tone="success" dot>Active</Badge>
  ) : (
    <Badge tone="neutral" dot>Archived</Badge>
  );
}

export interface AssessmentActionsProps {
  assessment: { id: string; title: string; status: "ACTIVE" | "ARCHIVED" };
  /** Where archive/restore comes back to (a path inside the app). */
  redirectTo: string;
  /** Small text-only buttons naming the assessment for assistive tech (rows of a table). */
  compact?: boolean;
}

export function AssessmentActions({ assessment, redirectTo, compact = false }: AssessmentActionsProps) {
  const base = `/app/assessments/${assessment.id}`;
  const duplicating = useIsPending({ formAction: `${base}/duplicate` });
  const archiving = useIsPending({ formAction: `${base}/archive` });
  const archived = assessment.status === "ARCHIVED";
  const suffix = compact ? <span className="sr-only"> {assessment.title}</span> : null;
  const size = compact ? "sm" : "md";
  const icon = (Icon: typeof Copy) => (compact ? undefined : <Icon aria-hidden="true" className="size-4" />);
  return (
    <>
      <Form method="post" action={`${base}/duplicate`}>
        <Button type="submit" variant={compact ? "ghost" : "secondary"} size={size} icon={icon(Copy)} pending={duplicating} pendingLabel="Duplicating…">
          Duplicate{suffix}
        </Button>
      </Form>
      <Form method="post" action={`${base}/archive`}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Button
          type="submit"
          name="intent"
          value={archived ? "restore" : "archive"}
          variant="ghost"
          size={size}
          icon={icon(archived ? ArchiveRestore : Archive)}
          pending={archiving}
          pendingLabel={archived ? "Restoring…" : "Archiving…"}
        >
          {archived ? "Restore" : "Archive"}
          {suffix}
        </Button>
      </Form>
    </>
  );
}
