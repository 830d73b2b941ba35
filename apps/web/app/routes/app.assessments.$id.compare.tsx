// The candidates of one assessment compared: hidden tests, first passing run, rubric medians
// (flagged for review where the judge's samples disagreed) and the AI lines kept, sortable by
// any column; each name opens that candidate's report. Another organisation's assessment is a 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { EmptyState } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { throwAsResponse } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";
import { CompareTable } from "~/features/compare/compare-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Compare candidates · ${data?.assessment.title ?? "Assessment"} · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  return api.comparison.forAssessment({ assessmentId: params.id ?? "" }).catch(throwAsResponse);
}

export default function CompareCandidatesPage() {
  const { assessment, dimensions, rows } = useLoaderData<typeof loader>();
  const assessmentPath = `/app/assessments/${encodeURIComponent(assessment.id)}`;
  const evaluated = rows.filter((r) => r.evaluationStatus === "DONE").length;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link to={assessmentPath} className="hover:underline">← {assessment.title}</Link>}
        title="Compare candidates"
        description={`${rows.length} ${rows.length === 1 ? "candidate" : "candidates"}, ${evaluated} evaluated. Rubric levels are medians of the judge's samples (1–4); “review” marks samples that disagreed by two levels or more. Times are from the start of the interview.`}
      />
      {rows.length === 0 ? (
        <EmptyState headingLevel={2} title="No candidates yet" description="Invite candidates to this assessment; they appear here, and their figures once their interviews are evaluated." action={<Link to={assessmentPath} className="text-accent-fg hover:underline">Invite candidates</Link>} />
      ) : (
        <>
          {evaluated > 0 && rows.every((r) => Object.keys(r.rubric).length === 0) ? (
            <p role="note" className="text-sm text-fg-muted">No rubric scores yet: Claude scores the rubric only when an Anthropic API key is set on this installation; each report says why it has none.</p>
          ) : null}
          <CompareTable rows={rows} dimensions={dimensions} caption={`Candidates of ${assessment.title}`} />
        </>
      )}
    </div>
  );
}

export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
