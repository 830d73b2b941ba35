// Erasing a candidate from their page (docs/decisions/0170): a design-system Dialog names every
// store that will be emptied before the recruiter confirms, since nothing can bring it back.
// After the request the card says whether the erasure finished or waits for a store.
import type { CandidateSummary } from "@interviewlm/core/candidates";
import { Button, Card, CardContent, CardHeader, Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger, FormError } from "@interviewlm/ui";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { useIsPending } from "~/lib/forms";

/** What the erasure removes (packages/core/src/data-protection/erase-rows.ts and erase-stores.ts). */
const ERASED_ITEMS = [
  "name and email address",
  "interview recording (code, terminal, AI chat, notes)",
  "replay and evaluation",
  "workspace files and snapshots in the sandbox",
  "live room data",
  "emails sent to the candidate",
] as const;

type Erasable = Pick<CandidateSummary, "id" | "name" | "email" | "can" | "erasure">;

export function EraseCandidateCard({ candidate, canDelete, error }: { candidate: Erasable; canDelete: boolean; error: string | null }) {
  const [open, setOpen] = useState(false);
  const pending = useIsPending({ intent: "erase" });
  const { erasure } = candidate;
  if (erasure.erasedAt) {
    return (
      <Card>
        <CardHeader title="Data erased" description={`This candidate's personal data was erased on ${new Date(erasure.erasedAt).toLocaleDateString()}. Only anonymous counts remain (status, dates, AI usage).`} />
      </Card>
    );
  }
  if (erasure.requestedAt) {
    return (
      <Card>
        <CardHeader title="Erasure in progress" description="Some stores could not be reached yet; erasure is retried automatically until it completes." />
        {erasure.error ? (
          <CardContent>
            <p className="text-sm text-fg-muted">Last attempt: {erasure.error}</p>
          </CardContent>
        ) : null}
      </Card>
    );
  }
  if (!canDelete) return null;
  return (
    <Card>
      <CardHeader title="Erase candidate data" description={candidate.can.erase ? "Removes everything held about this candidate, for good." : "Available once the invitation is closed (revoked or expired) or the interview has finished."} />
      <CardContent>
        <FormError>{error}</FormError>
        <Dialog open={open} onOpenChange={setOpen}>
          <DialogTrigger asChild>
            <Button type="button" variant="danger" disabled={!candidate.can.erase} pending={pending} pendingLabel="Erasing…">
              Erase {candidate.name}'s data
            </Button>
          </DialogTrigger>
          <DialogContent size="sm" hideCloseButton title={`Erase ${candidate.name}'s data?`} description={`This cannot be undone. For ${candidate.email} it removes:`}>
            <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
              {ERASED_ITEMS.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
            <p className="mb-4 text-sm text-fg-muted">Anonymous counts stay, so dashboard figures and credit history do not change. The erasure is recorded in the audit log.</p>
            <Form method="post" onSubmit={() => setOpen(false)}>
              <DialogFooter>
                <DialogClose asChild>
                  <Button type="button" variant="secondary">Cancel</Button>
                </DialogClose>
                <Button type="submit" name="intent" value="erase" variant="danger">Erase permanently</Button>
              </DialogFooter>
            </Form>
          </DialogContent>
        </Dialog>
      </CardContent>
    </Card>
  );
}
