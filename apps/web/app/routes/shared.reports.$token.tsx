// A report shared by link (docs/decisions/0142): no account, no app chrome, read-only. The
// moments are named but not linked (the replay needs a member's sign-in). A link we never made
// is a 404, an expired or revoked one a 410; the page is never cached or indexed.
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EmptyState } from "@interviewlm/ui";
import { formatAbsolute } from "~/features/candidates/time";
import { EvaluationReport } from "~/features/report/evaluation-report";
import { ReplayLinksProvider } from "~/features/report/replay-links";
import { SHARE_LINK_PROBLEMS, ShareLinkProblem } from "~/features/report-share/link-problems";
import { PrintButton } from "~/features/report-share/print-button";
import { loadSharedReport, SHARED_REPORT_HEADERS } from "~/features/report-share/shared-report.server";
import { SharedReportLayout } from "~/features/report-share/shared-report-layout";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const shared = await loadSharedReport(request, context, params.token ?? "");
  if (!shared.ok) return data({ ok: false as const, problem: shared.problem }, { status: SHARE_LINK_PROBLEMS[shared.problem].status, headers: SHARED_REPORT_HEADERS });
  return data({ ok: true as const, report: shared.report }, { headers: SHARED_REPORT_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.ok ? `${page.report.candidateName} · Shared report · InterviewLM` : "Shared report · InterviewLM" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export default function SharedReportPage() {
  const page = useLoaderData<typeof loader>();
  if (!page.ok) {
    return (
      <SharedReportLayout>
        <div className="mx-auto max-w-md rounded-xl border border-line bg-surface px-6 py-8">
          <ShareLinkProblem problem={page.problem} />
        </div>
      </SharedReportLayout>
    );
  }
  const { report } = page;
  return (
    <SharedReportLayout sharedBy={report.organizationName}>
      <div className="flex flex-col gap-4 border-b border-line pb-5 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <p className="text-xs text-fg-muted">Shared by {report.organizationName} · read-only · link works until {formatAbsolute(new Date(report.expiresAt))}</p>
          <h1 className="text-lg font-semibold tracking-tight text-fg">Report: {report.candidateName}</h1>
          <p className="text-sm text-fg-muted">{report.assessmentTitle}</p>
        </div>
        <PrintButton />
      </div>
      <p className="text-sm text-fg-muted print:hidden">
        Times are minutes into the interview. The replay of each moment is available to members of {report.organizationName}.
      </p>
      {report.evaluation ? (
        <ReplayLinksProvider value={false}>
          <EvaluationReport evaluation={report.evaluation} replayPath={report.evaluation.replayPath} />
        </ReplayLinksProvider>
      ) : (
        <EmptyState headingLevel={2} title="Not evaluated yet" description="The interview has not been evaluated yet. Open this link again later." />
      )}
    </SharedReportLayout>
  );
}
