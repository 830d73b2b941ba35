// The candidate's "Next question" and "Finish" buttons, each behind a confirmation: both
// are one-way. A confirmed action stays pending until the room reports the change.
import { Button, Dialog, DialogClose, DialogContent, DialogFooter } from "@interviewlm/ui";
import { ArrowRight, Flag } from "@interviewlm/ui/icons";
import type { SessionView } from "@interviewlm/realtime";
import { useEffect, useState } from "react";

export interface SessionActionsProps {
  session: SessionView;
  connected: boolean;
  /** Both return false when the room is not connected. */
  onNext: () => boolean;
  onFinish: () => boolean;
  /** Bumped when the room reports an error: a refused request stops being pending. */
  lastErrorAt: number | null;
}

type Pending = "next" | "finish" | null;

const PENDING_TIMEOUT_MS = 30_000;

export function SessionActions({ session, connected, onNext, onFinish, lastErrorAt }: SessionActionsProps) {
  const [confirming, setConfirming] = useState<Pending>(null);
  const [pending, setPending] = useState<Pending>(null);
  const question = session.question;
  const hasNext = question !== null && question.position + 1 < question.count;

  // The room answers with a new question or a new status; either ends the wait.
  useEffect(() => setPending(null), [question?.position, session.status, lastErrorAt]);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setPending(null), PENDING_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [pending]);

  const confirm = () => {
    const sent = confirming === "next" ? onNext() : onFinish();
    if (sent) setPending(confirming);
    setConfirming(null);
  };
  const busy = pending !== null || session.status !== "ACTIVE";

  return (
    <div className="flex items-center gap-2">
      {hasNext ? (
        <Button variant="secondary" size="sm" icon={<ArrowRight aria-hidden="true" className="size-3.5" />} disabled={!connected || busy} pending={pending === "next"} pendingLabel="Loading the next question…" onClick={() => setConfirming("next")}>
          Next question
        </Button>
      ) : null}
      <Button size="sm" icon={<Flag aria-hidden="true" className="size-3.5" />} disabled={!connected || busy} pending={pending === "finish" || session.status === "FINISHING"} pendingLabel="Finishing…" onClick={() => setConfirming("finish")}>
        Finish
      </Button>
      <Dialog open={confirming !== null} onOpenChange={(open) => (open ? undefined : setConfirming(null))}>
        {confirming === "next" && question ? (
          <DialogContent
            size="sm"
            title={`Move on to question ${question.position + 2} of ${question.count}?`}
            description="You cannot come back to this question. Your code for it is kept as it is now, and the next question's files are added to your workspace."
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">Stay here</Button>
              </DialogClose>
              <Button onClick={confirm}>Next question</Button>
            </DialogFooter>
          </DialogContent>
        ) : confirming === "finish" ? (
          <DialogContent
            size="sm"
            title="Finish the interview?"
            description="Your code is submitted as it is now and the final tests are run. You cannot make changes afterwards."
          >
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">Keep working</Button>
              </DialogClose>
              <Button onClick={confirm}>Finish interview</Button>
            </DialogFooter>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
