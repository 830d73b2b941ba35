// Per-candidate actions. Plain POST forms (resend and remind work before hydration);
// revoking asks first in a design-system Dialog because it cannot be undone by the candidate.
import type { CandidateSummary } from "@interviewlm/core/candidates";
import { Button, Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@interviewlm/ui";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";

type RowCandidate = Pick<CandidateSummary, "id" | "name" | "email" | "can">;

/** True while this row's `intent` form is being submitted (other rows keep their buttons). */
function usePending(candidateId: string, intent: string): boolean {
  const navigation = useNavigation();
  return (
    navigation.state !== "idle" &&
    navigation.formMethod?.toLowerCase() === "post" &&
    navigation.formData?.get("intent") === intent &&
    navigation.formData?.get("candidateId") === candidateId
  );
}

function ActionForm({ candidate, intent, label, pendingLabel, ariaLabel }: { candidate: RowCandidate; intent: string; label: string; pendingLabel: string; ariaLabel: string }) {
  const pending = usePending(candidate.id, intent);
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="candidateId" value={candidate.id} />
      <Button type="submit" name="intent" value={intent} size="sm" variant="ghost" aria-label={ariaLabel} pending={pending} pendingLabel={pendingLabel}>
        {label}
      </Button>
    </Form>
  );
}

function RevokeDialog({ candidate }: { candidate: RowCandidate }) {
  const [open, setOpen] = useState(false);
  const pending = usePending(candidate.id, "revoke");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button type="button" size="sm" variant="ghost" className="text-danger-fg" aria-label={`Revoke the invitation for ${candidate.name}`} pending={pending}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent
        size="sm"
        hideCloseButton
        title={`Revoke the invitation for ${candidate.name}?`}
        description={`${candidate.email} will no longer be able to open the assessment. You can invite them again later with Resend.`}
      >
        <Form method="post" preventScrollReset onSubmit={() => setOpen(false)}>
          <input type="hidden" name="candidateId" value={candidate.id} />
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" name="intent" value="revoke" variant="danger">Revoke invitation</Button>
          </DialogFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}

export function CandidateRowActions({ candidate }: { candidate: RowCandidate }) {
  const { can } = candidate;
  if (!can.resend && !can.remind && !can.revoke) return <span className="text-xs text-fg-muted">—</span>;
  return (
    <div className="flex flex-wrap justify-end gap-1">
      {can.remind ? (
        <ActionForm candidate={candidate} intent="remind" label="Remind" pendingLabel="Sending…" ariaLabel={`Remind ${candidate.name} of the invitation`} />
      ) : null}
      {can.resend ? (
        <ActionForm candidate={candidate} intent="resend" label="Resend" pendingLabel="Sending…" ariaLabel={`Resend the invitation to ${candidate.name} with a new link`} />
      ) : null}
      {can.revoke ? <RevokeDialog candidate={candidate} /> : null}
    </div>
  );
}
