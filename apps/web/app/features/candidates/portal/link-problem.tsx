import type { InviteLinkProblem } from "@interviewlm/core/candidates";

/** One friendly page per reason a link cannot be used: what happened and what to do now. */
export const LINK_PROBLEMS: Record<InviteLinkProblem, { status: number; title: string; body: string }> = {
  invalid: {
    status: 404,
    title: "This link is not valid",
    body: "Check that you opened the whole link from your invitation email — some mail apps cut long links. If it still does not work, ask the company that invited you to send the invitation again.",
  },
  expired: {
    status: 410,
    title: "This invitation has expired",
    body: "The time to take this assessment is over. If you would still like to take it, ask the company that invited you to send a new invitation; the new email will have a fresh link.",
  },
  revoked: {
    status: 410,
    title: "This invitation was withdrawn",
    body: "The company that invited you has withdrawn this invitation, so the assessment cannot be started. If you think this is a mistake, contact them directly.",
  },
  superseded: {
    status: 410,
    title: "A newer invitation was sent",
    body: "This link was replaced by a newer one. Open the latest invitation email from the company and use the link in it; older links stop working when a new one is sent.",
  },
  completed: {
    status: 409,
    title: "You have completed this assessment",
    body: "Thank you — your work has been submitted. There is nothing more to do here; the company that invited you will be in touch about the next steps.",
  },
};

export function LinkProblem({ problem }: { problem: InviteLinkProblem }) {
  const { title, body } = LINK_PROBLEMS[problem];
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
      <p className="text-sm text-fg-muted">{body}</p>
    </div>
  );
}
