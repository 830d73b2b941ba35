// One candidate for the recruiter: who, which assessment, where they are, and what the AI
// assistant was used for in their session (model calls, tokens, cost).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CANDIDATE_STATUS_LABELS } from "@interviewlm/core/candidates/schemas";
import { HIRING_DECISION_LABELS } from "@interviewlm/core/decisions/schemas";
import { buttonClasses } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { throwAsResponse } from "~/.server/api";
import { AiUsagePanel } from "~/features/candidates/ai-usage-panel";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.candidate.name ?? "Candidate"} · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const candidateId = params.id ?? "";
  const [candidate, aiUsage, replay] = await Promise.all([api.candidates.get({ candidateId }), api.candidates.aiUsage({ candidateId }), api.replay.forCandidate({ candidateId })]).catch(throwAsResponse);
  return { candidate, aiUsage, replay };
}

export default function CandidatePage() {
  const { candidate, aiUsage, replay } = useLoaderData<typeof loader>();
  const canReadReports = usePermissions().can("reports:read");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        eyebrow={<Link to="/app/candidates" className="hover:text-fg">← Candidates</Link>}
        title={candidate.name}
        description={`${candidate.email} · ${candidate.assessmentTitle} · ${CANDIDATE_STATUS_LABELS[candidate.status]}${candidate.decision ? ` · Decision: ${HIRING_DECISION_LABELS[candidate.decision]}` : ""}`}
        actions={
          replay ? (
            <>
              <Link to={`/app/sessions/${encodeURIComponent(replay.sessionId)}/replay`} className={buttonClasses({ variant: "secondary" })}>
                {replay.inProgress ? "Replay so far" : "Replay the interview"}
              </Link>
              {canReadReports && !replay.inProgress ? (
                <Link to={`/app/sessions/${encodeURIComponent(replay.sessionId)}/report`} className={buttonClasses({ variant: "primary" })}>
                  Report
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      <AiUsagePanel usage={aiUsage} />
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
