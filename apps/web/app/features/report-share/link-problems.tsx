import type { ReportShareLinkProblem } from "@interviewlm/core/report-shares/schemas";

/** What a refused share link says, and its status: 404 for a link we never made, 410 for one that has ended. */
export const SHARE_LINK_PROBLEMS: Record<ReportShareLinkProblem, { status: number; title: string; body: string }> = {
  invalid: {
    status: 404,
    title: "This link is not valid",
    body: "Check that you opened the whole link — some mail and chat apps cut long links. If it still does not work, ask the person who shared the report to send it again.",
  },
  expired: {
    status: 410,
    title: "This link has expired",
    body: "Shared reports can be read for a limited time. Ask the person who shared it for a new link.",
  },
  revoked: {
    status: 410,
    title: "This link was withdrawn",
    body: "The person who shared this report has revoked the link. Ask them for a new one if you still need it.",
  },
};

export function ShareLinkProblem({ problem }: { problem: ReportShareLinkProblem }) {
  const { title, body } = SHARE_LINK_PROBLEMS[problem];
  return (
    <div className="space-y-3 text-center">
      <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
      <p className="text-sm text-fg-muted">{body}</p>
    </div>
  );
}
