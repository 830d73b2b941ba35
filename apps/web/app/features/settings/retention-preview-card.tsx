// The retention dry run (docs/decisions/0170): lists who the retention job would erase now,
// changing nothing (the preview itself is recorded in the audit log). From the list, "Erase now"
// runs the job's own pass for this organisation at once and shows what it did.
import type { RetentionPreview, RetentionRunResult } from "@interviewlm/core/data-protection/erase";
import { Button, Card, CardContent, CardHeader, EmptyState, FormError } from "@interviewlm/ui";
import { Form } from "@remix-run/react";
import { useIsPending } from "~/lib/forms";

type Preview = Omit<RetentionPreview, "candidates"> & { candidates: (Omit<RetentionPreview["candidates"][number], "endedAt"> & { endedAt: Date | string })[] };

export function RetentionPreviewCard({ retentionDays, preview, run, error }: { retentionDays: number | null; preview: Preview | null; run: RetentionRunResult | null; error: string | null }) {
  const pending = useIsPending({ intent: "preview" });
  return (
    <Card>
      <CardHeader
        title="Data retention"
        description={
          retentionDays === null
            ? "Candidate data is kept until you erase it: nothing is erased on a schedule."
            : `Candidate data is erased automatically ${retentionDays} days after evaluation (or completion, or the invitation's end). The check runs every minute and each run is recorded in the audit log.`
        }
      />
      <CardContent className="space-y-4">
        <Form method="post">
          <Button type="submit" name="intent" value="preview" variant="secondary" pending={pending} pendingLabel="Checking…">
            Preview what the next run erases
          </Button>
        </Form>
        <FormError>{error}</FormError>
        {preview ? <PreviewResult preview={preview} /> : null}
        {run ? <RunResult run={run} /> : null}
      </CardContent>
    </Card>
  );
}

function RunResult({ run }: { run: RetentionRunResult }) {
  const plural = (n: number) => `${n} candidate${n === 1 ? "" : "s"}`;
  return (
    <p role="status" className="rounded-md border border-border px-3 py-2 text-sm">
      {run.requested === 0 && run.erased === 0 && run.pending === 0 ? (
        "Nothing was due: no candidate was erased."
      ) : (
        <>
          Erased <strong>{plural(run.erased)}</strong>.
          {run.pending > 0 ? ` ${plural(run.pending)} could not be erased yet (a storage service did not answer); the scheduled run tries again.` : ""}
          {run.requested > run.erased + run.pending ? ` ${plural(run.requested - run.erased - run.pending)} more will be erased by the scheduled run.` : ""}
        </>
      )}{" "}
      The run is recorded in the audit log.
    </p>
  );
}

function PreviewResult({ preview }: { preview: Preview }) {
  const erasing = useIsPending({ intent: "erase-now" });
  if (preview.total === 0) {
    return <EmptyState title="Nothing to erase" description={preview.retentionDays === null ? "Retention is off." : `No candidate is past ${preview.retentionDays} days.`} />;
  }
  return (
    <section aria-label="Retention preview" className="space-y-2">
      <p role="status" className="text-sm">
        The next run would erase <strong>{preview.total}</strong> candidate{preview.total === 1 ? "" : "s"}
        {preview.total > preview.candidates.length ? ` (the first ${preview.candidates.length} are listed)` : ""}.
      </p>
      <ul className="divide-y divide-border rounded-md border border-border text-sm">
        {preview.candidates.map((c) => (
          <li key={c.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
            <span>
              {c.name} <span className="text-fg-muted">({c.email})</span>
            </span>
            <span className="text-fg-muted">
              {c.assessmentTitle} · ended {new Date(c.endedAt).toLocaleDateString()}
            </span>
          </li>
        ))}
      </ul>
      <Form method="post" className="space-y-2">
        <p className="text-sm text-fg-muted">
          Erasing removes their names, email addresses, recordings, files, evaluations and notes for good; only anonymous
          figures stay. It cannot be undone.
        </p>
        <Button type="submit" name="intent" value="erase-now" variant="danger" pending={erasing} pendingLabel="Erasing…">
          Erase now
        </Button>
      </Form>
    </section>
  );
}
