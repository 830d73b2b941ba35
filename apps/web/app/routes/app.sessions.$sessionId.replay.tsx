// A session's replay for the reviewers of its organisation (every role that may watch).
// The loader reads the timeline (building missing keyframes) and where to open: `?t=` in
// seconds, or `?event=` a recorded event's seq. Another organisation's session is a 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Badge, EmptyState, buttonClasses } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { throwAsResponse } from "~/.server/api";
import { ReplayPlayer } from "~/features/replay/replay-player";
import { offsetFromParam } from "~/features/replay/replay-time";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.summary.candidateName} · ` : ""}Replay · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const sessionId = params.sessionId ?? "";
  const url = new URL(request.url);
  const summary = await api.replay.summary({ sessionId }).catch(throwAsResponse);
  let initialT = offsetFromParam(url.searchParams.get("t"), summary.durationMs);
  const event = Number(url.searchParams.get("event"));
  if (Number.isInteger(event) && event > 0) {
    const page = await api.replay.events({ sessionId, afterSeq: event - 1, limit: 1 }).catch(throwAsResponse);
    if (page.events[0]?.seq === event) initialT = page.events[0].t;
  }
  return { summary, initialT };
}

export default function ReplayPage() {
  const { summary, initialT } = useLoaderData<typeof loader>();
  const empty = summary.markers.length === 0 && Object.keys(summary.counts).length === 0;
  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={<Link to={`/app/candidates/${encodeURIComponent(summary.candidateId)}`} className="hover:text-fg">← {summary.candidateName}</Link>}
        title={`Replay: ${summary.candidateName}`}
        description={
          <>
            {summary.assessmentTitle} {summary.inProgress ? <Badge tone="info">In progress — recorded so far</Badge> : null}
          </>
        }
      />
      {empty ? (
        <EmptyState headingLevel={2} title="Nothing recorded yet" description="This session has no recorded events yet. Come back once the candidate has started." action={<Link to="/app/candidates" className={buttonClasses({ variant: "secondary" })}>Back to candidates</Link>} />
      ) : (
        <ReplayPlayer key={summary.id} summary={summary} initialT={initialT} />
      )}
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
