// A reviewer watching one interview live. The loader mints a short-lived reviewer pass into
// the room (and is re-run before it expires); the room makes it read-only.
import { EmptyState, buttonClasses } from "@interviewlm/ui";
import { CircleCheck } from "@interviewlm/ui/icons";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useParams, useRevalidator } from "@remix-run/react";
import { useCallback } from "react";
import { ReviewerRoom } from "~/features/interview/reviewer-room";
import { usePermissions } from "~/lib/permissions";
import { failureResponse, toActionFailure } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "candidateName" in data ? `${data.candidateName} · ` : ""}Live · InterviewLM` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  try {
    const joined = await api.live.join({ sessionId: params.sessionId ?? "" });
    return {
      ended: false as const,
      access: { roomHost: joined.roomHost, roomToken: joined.roomToken, sessionId: joined.sessionId },
      candidateName: joined.candidateName,
      assessmentTitle: joined.assessmentTitle,
    };
  } catch (error) {
    const failure = toActionFailure(error);
    if (failure.code === "PRECONDITION_FAILED") return { ended: true as const };
    throw failureResponse(failure);
  }
}

export default function WatchInterviewPage() {
  const data = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const revalidate = revalidator.revalidate;
  const idle = revalidator.state === "idle";
  const canWriteNotes = usePermissions().can("notes:write");
  const sessionId = useParams().sessionId ?? "";
  const refreshAccess = useCallback(() => {
    if (idle) revalidate();
  }, [idle, revalidate]);

  if (data.ended) {
    return (
      <EmptyState
        headingLevel={1}
        icon={<CircleCheck />}
        title="This interview is not in progress"
        description="It has finished (or not started yet). Its recording can be replayed; results appear with the candidate once it is evaluated."
        action={
          <div className="flex gap-2">
            <Link to={`/app/sessions/${encodeURIComponent(sessionId)}/replay`} className={buttonClasses({ variant: "primary" })}>Replay the interview</Link>
            <Link to="/app/live" className={buttonClasses({ variant: "secondary" })}>Back to Live now</Link>
          </div>
        }
      />
    );
  }
  return (
    <ReviewerRoom
      // A new session id is a new room: remount rather than carry state across.
      key={data.access.sessionId}
      access={data.access}
      candidateName={data.candidateName}
      assessmentTitle={data.assessmentTitle}
      refreshAccess={refreshAccess}
      canWriteNotes={canWriteNotes}
    />
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
