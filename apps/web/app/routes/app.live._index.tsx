// "Live now": the organisation's interviews in progress, to watch live. The list refreshes
// itself while the tab is visible, since interviews start and end all the time.
import { EmptyState } from "@interviewlm/ui";
import { Radio } from "@interviewlm/ui/icons";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { PageHeader } from "~/components/page-header";
import { LiveSessionsTable } from "~/features/interview/live-sessions-table";
import { throwAsResponse } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Live now · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  return { sessions: await api.live.list().catch(throwAsResponse), now: new Date() };
}

const REFRESH_MS = 30_000;

export default function LiveNowPage() {
  const { sessions, now } = useLoaderData<typeof loader>();
  const { revalidate } = useRevalidator();
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [revalidate]);

  const count = sessions.length;
  return (
    <div>
      <PageHeader
        title="Live now"
        description="Interviews in progress in your organisation. Open one to watch the candidate's editor, terminal and tests as they work — you cannot change anything, and notes you add are private to reviewers."
      />
      <p aria-live="polite" className="mb-3 text-sm text-fg-muted">
        {count === 0 ? "" : `${count} ${count === 1 ? "interview" : "interviews"} in progress.`}
      </p>
      {count === 0 ? (
        <EmptyState
          icon={<Radio />}
          title="Nobody is interviewing right now"
          description="When a candidate starts an assessment, their session appears here. This page refreshes by itself."
        />
      ) : (
        <LiveSessionsTable sessions={sessions} now={now} />
      )}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
