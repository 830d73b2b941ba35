// One assessment: its settings, the actions on it (edit, preview, duplicate, archive), and
// its candidates — invite one or a CSV, then resend, remind or revoke per row.
import { Card, CardContent, CardHeader, EmptyState, FormError, Stat, StatGroup, buttonClasses } from "@interviewlm/ui";
import { Users } from "@interviewlm/ui/icons";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { AssessmentActions, AssessmentStatusBadge } from "~/features/assessments/assessment-actions";
import { throwAsResponse } from "~/.server/api";
import { AssessmentSummary } from "~/features/candidates/assessment-summary";
import { BulkReport } from "~/features/candidates/bulk-report";
import { handleCandidateAction } from "~/features/candidates/candidate-actions.server";
import { CandidatesTable } from "~/features/candidates/candidates-table";
import { BulkInviteForm, InviteOneForm } from "~/features/candidates/invite-forms";
import { Pagination } from "~/features/candidates/pagination";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.assessment.title ?? "Assessment"} · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const assessmentId = params.id ?? "";
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const assessment = await api.assessments.get({ assessmentId }).catch(throwAsResponse);
  const [candidates, counts] = await Promise.all([
    api.candidates.list({ assessmentId, page: Number.isInteger(page) && page > 0 ? page : 1, pageSize: 50 }),
    api.candidates.counts({ assessmentId }),
  ]);
  return { assessment, candidates, counts, now: new Date() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  return handleCandidateAction(api, request, params.id ?? "");
}

function HeaderActions({ assessment, canWrite }: { assessment: { id: string; title: string; status: "ACTIVE" | "ARCHIVED" }; canWrite: boolean }) {
  const here = `/app/assessments/${assessment.id}`;
  return (
    <>
      <Link to={`${here}/compare`} className={buttonClasses({ variant: "secondary" })}>
        Compare candidates
      </Link>
      <Link to={`${here}/preview`} className={buttonClasses({ variant: "secondary" })}>
        Preview
      </Link>
      {canWrite ? (
        <>
          <Link to={`${here}/edit`} className={buttonClasses({ variant: "secondary" })}>
            Edit
          </Link>
          <AssessmentActions assessment={assessment} redirectTo={here} />
        </>
      ) : null}
    </>
  );
}

export default function AssessmentPage() {
  const { assessment, candidates, counts, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { can } = usePermissions();
  const canWrite = can("assessments:write");
  const canInvite = can("candidates:invite");
  const archived = assessment.status === "ARCHIVED";
  const rowResult = result && ["resend", "remind", "revoke"].includes(result.intent) ? result : null;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to="/app/assessments" className="hover:underline">Assessments</Link>}
        title={assessment.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <AssessmentStatusBadge status={assessment.status} />
            {assessment.role}
          </span>
        }
        actions={<HeaderActions assessment={assessment} canWrite={canWrite} />}
      />

      <StatGroup aria-label="Candidates of this assessment">
        <Stat label="Candidates" value={counts.total} />
        <Stat label="Not started yet" value={counts.INVITED + counts.OPENED} />
        <Stat label="In progress" value={counts.STARTED} />
        <Stat label="Finished" value={counts.COMPLETED + counts.EVALUATED} />
      </StatGroup>

      <AssessmentSummary assessment={assessment} />

      {canInvite ? (
        <Card>
          <CardHeader title="Invite candidates" description="Each candidate gets a personal link by email. Links expire after the time you choose." />
          <CardContent>
            {archived ? (
              <p className="text-sm text-fg-muted">This assessment is archived, so it takes no new candidates. Restore it to invite more.</p>
            ) : (
              <div className="space-y-6">
                <div className="grid gap-8 lg:grid-cols-2">
                  <section aria-labelledby="invite-one-heading" className="space-y-3">
                    <h3 id="invite-one-heading" className="text-sm font-semibold text-fg">Invite one</h3>
                    <InviteOneForm result={result} />
                  </section>
                  <section aria-labelledby="invite-bulk-heading" className="space-y-3">
                    <h3 id="invite-bulk-heading" className="text-sm font-semibold text-fg">Bulk invite from CSV</h3>
                    <BulkInviteForm result={result} />
                  </section>
                </div>
                {result?.ok && result.report ? <BulkReport report={result.report} /> : null}
              </div>
            )}
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader title="Candidates" description="Newest first. Statuses change as candidates open their link, start and finish." />
        <CardContent className="space-y-3">
          <div aria-live="polite">
            {rowResult?.ok ? <p role="status" className="text-sm text-success-fg">{rowResult.message}</p> : null}
          </div>
          <FormError>{rowResult && !rowResult.ok ? rowResult.message : null}</FormError>
          {candidates.items.length === 0 ? (
            <EmptyState
              icon={<Users />}
              title="No candidates yet"
              description={canInvite && !archived ? "Invite someone above: one by one, or many at once from a CSV file." : "Nobody has been invited to this assessment."}
              headingLevel={3}
            />
          ) : (
            <>
              <CandidatesTable candidates={candidates.items} now={now} caption={`Candidates of ${assessment.title}`} canAct={canInvite} canReadReports={can("reports:read")} />
              <Pagination page={candidates.page} pageCount={candidates.pageCount} total={candidates.total} />
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
