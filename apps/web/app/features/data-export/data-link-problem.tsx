// What a candidate sees when a data link cannot be used, and what to do instead.
export const DATA_LINK_PROBLEMS = {
  invalid: {
    status: 404,
    title: "This link is not valid",
    body: "Check that you opened the whole link from the email — some mail apps cut long links. If the company has deleted your data, the link no longer works.",
  },
  expired: {
    status: 410,
    title: "This link has expired",
    body: "Download and erasure confirmation links work for 24 hours. Open the “Your data” link in your invitation email and ask again: a new link will be sent to you.",
  },
} as const;

export function DataLinkProblem({ problem }: { problem: keyof typeof DATA_LINK_PROBLEMS }) {
  const { title, body } = DATA_LINK_PROBLEMS[problem];
  return (
    <div className="rounded-xl border border-line bg-surface px-6 py-8 shadow-overlay">
      <div className="space-y-3 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-fg">{title}</h1>
        <p className="text-sm text-fg-muted">{body}</p>
      </div>
    </div>
  );
}
