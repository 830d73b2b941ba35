// The evaluation report of a finished session for the reviewers of its organisation: where the
// evaluation stands, then the measured part (questions, AI collaboration, session signals) and
// the judge's rubric; the recommendation under the assessment's weights, the human decision that
// overrides it (docs/decisions/0141) and the reviewers' notes from the live room. Every moment
// links into the replay. Another organisation's session is a 404; the re-run button is for roles
// that may override an evaluation, the decision form for roles with decisions:write.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button, EmptyState, buttonClasses } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { throwAsResponse, toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";
import { DecisionSection } from "~/features/report/decision-section";
import { EvaluationReport } from "~/features/report/evaluation-report";
import { PrintButton } from "~/features/report-share/print-button";
import { RecommendationSection } from "~/features/report/recommendation-section";
import { ReviewerNotesSection } from "~/features/report/reviewer-notes-section";
import { usePollWhilePending } from "~/features/report/use-poll-while-pending";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? `${data.summary.candidateName} · ` : ""}Report · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const sessionId = params.sessionId ?? "";
  // The evaluation first: another organisation's session is NOT_FOUND before anything else is read.
  const evaluation = await api.evaluations.forSession({ sessionId }).catch(throwAsResponse);
  const [summary, review] = await Promise.all([api.replay.summary({ sessionId }), api.decisions.forSession({ sessionId })]).catch(throwAsResponse);
  return { evaluation, review, summary: { id: summary.id, candidateId: summary.candidateId, candidateName: summary.candidateName, assessmentTitle: summary.assessmentTitle, inProgress: summary.inProgress } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const sessionId = params.sessionId ?? "";
  const values = formValues(await request.formData());
  const reportPath = `/app/sessions/${encodeURIComponent(sessionId)}/report`;
  if (values.intent === "decide") {
    const typed = { outcome: values.outcome, reason: values.reason };
    try {
      await api.decisions.record({ sessionId, outcome: (values.outcome ?? "") as "ADVANCE", reason: values.reason ?? "" });
    } catch (error) {
      return { ...toActionFailure(error), typed };
    }
    return redirect(reportPath);
  }
  if (values.intent !== "rerun") throw new Response(`Unknown action "${values.intent ?? ""}": use rerun or decide.`, { status: 400, statusText: "Invalid request" });
  await api.evaluations.rerun({ sessionId }).catch(throwAsResponse);
  return redirect(reportPath);
}

export default function ReportPage() {
  const { evaluation, review, summary } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const permissions = usePermissions();
  const canRerun = permissions.can("evaluations:override");
  const navigation = useNavigation();
  const pending = evaluation?.status === "QUEUED" || evaluation?.status === "RUNNING";
  usePollWhilePending(pending);
  const replayPath = `/app/sessions/${encodeURIComponent(summary.id)}/replay`;
  const rerunning = navigation.state !== "idle" && navigation.formData?.get("intent") === "rerun";
  const deciding = navigation.state !== "idle" && navigation.formData?.get("intent") === "decide";
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader
        eyebrow={<Link to={`/app/candidates/${encodeURIComponent(summary.candidateId)}`} className="hover:text-fg">← {summary.candidateName}</Link>}
        title={`Report: ${summary.candidateName}`}
        description={summary.assessmentTitle}
        actions={
          <>
            <Link to={replayPath} className={buttonClasses({ variant: "secondary" })}>Replay the interview</Link>
            {permissions.can("reports:share") && !summary.inProgress ? (
              <Link to={`/app/sessions/${encodeURIComponent(summary.id)}/share`} className={buttonClasses({ variant: "secondary" })}>Share</Link>
            ) : null}
            <PrintButton />
            {canRerun && evaluation && !pending ? (
              <Form method="post">
                <input type="hidden" name="intent" value="rerun" />
                <Button type="submit" variant="secondary" disabled={rerunning}>{rerunning ? "Queuing…" : "Re-run evaluation"}</Button>
              </Form>
            ) : null}
          </>
        }
      />
      <RecommendationSection review={review} />
      <DecisionSection
        review={review}
        canDecide={permissions.can("decisions:write")}
        inProgress={summary.inProgress}
        form={{ pending: deciding, formError: failure?.message, fieldErrors: failure?.fieldErrors, typed: failure?.typed }}
      />
      {evaluation ? (
        <EvaluationReport evaluation={evaluation} replayPath={replayPath} />
      ) : (
        <EmptyState
          headingLevel={2}
          title="Not evaluated yet"
          description={summary.inProgress ? "The interview is still in progress; it is evaluated when the candidate finishes." : "No evaluation has been queued for this session."}
        />
      )}
      <ReviewerNotesSection notes={review.notes} replayPath={replayPath} />
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
