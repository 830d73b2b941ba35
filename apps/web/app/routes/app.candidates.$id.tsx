// One candidate for the recruiter: who, which assessment, where they are, and what the AI
// assistant was used for in their session (model calls, tokens, cost); owners and admins can
// download everything held about them and erase the candidate's data here (docs/decisions/0170, 0171).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CANDIDATE_STATUS_LABELS } from "@interviewlm/core/candidates/schemas";
import { HIRING_DECISION_LABELS } from "@interviewlm/core/decisions/schemas";
import { buttonClasses } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { throwAsResponse, toActionFailure } from "~/.server/api";
import { AiUsagePanel } from "~/features/candidates/ai-usage-panel";
import { EraseCandidateCard } from "~/features/candidates/erase-candidate-card";
import { ExportDataPanel } from "~/features/candidates/export-data-panel";
import { formValues, requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.candidate.name ?? "Candidate"} · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const candidateId = params.id ?? "";
  const [candidate, aiUsage, replay] = await Promise.all([api.candidates.get({ candidateId }), api.candidates.aiUsage({ candidateId }), api.replay.forCandidate({ candidateId })]).catch(throwAsResponse);
  return { candidate, aiUsage, replay };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  if (values.intent !== "erase") return { ok: false as const, message: "Unknown action." };
  try {
    const outcome = await api.erasure.candidate({ candidateId: params.id ?? "" });
    return { ok: true as const, outcome };
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function CandidatePage() {
  const { candidate, aiUsage, replay } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const permissions = usePermissions();
  const canReadReports = permissions.can("reports:read");
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
      {permissions.can("data:export") ? <ExportDataPanel candidateId={candidate.id} /> : null}
      <EraseCandidateCard candidate={candidate} canDelete={permissions.can("data:delete")} error={result && !result.ok ? result.message : null} />
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
