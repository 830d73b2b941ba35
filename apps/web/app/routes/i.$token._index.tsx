// The candidate portal at /i/:token — no account, authenticated by the signed link alone.
// (An index route, so the lead's /i/:token/start and /i/:token/interview are siblings
// rather than children rendered inside this page.)
import { buttonClasses } from "@interviewlm/ui";
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CandidatePreviewPanel } from "~/features/assessments/candidate-preview";
import { aiUnavailableReason as aiUnavailableReasonOf } from "~/.server/ai";
import { LINK_PROBLEMS, LinkProblem } from "~/features/candidates/portal/link-problem";
import { loadPortal, PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";
import { PortalLayout } from "~/features/candidates/portal/portal-layout";
import { StartForm } from "~/features/candidates/portal/start-form";
import { formatAbsolute } from "~/features/candidates/time";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const portal = await loadPortal(request, context, token);
  if (!portal.ok) {
    return data({ ok: false as const, problem: portal.problem }, { status: LINK_PROBLEMS[portal.problem].status, headers: PORTAL_HEADERS });
  }
  const startError = new URL(request.url).searchParams.get("start_error");
  const aiUnavailable = portal.view.preview.aiAssistance.level !== "OFF" ? aiUnavailableReasonOf(context) : null;
  return data({ ok: true as const, token, view: portal.view, startError, roomHost: context.services.deps.roomHost, aiUnavailable }, { headers: PORTAL_HEADERS });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: page?.ok ? `${page.view.preview.title} · ${page.view.preview.organizationName}` : "Invitation · InterviewLM" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "no-referrer" },
];

export default function CandidatePortal() {
  const page = useLoaderData<typeof loader>();
  if (!page.ok) {
    return (
      <PortalLayout width="narrow">
        <div className="rounded-xl border border-line bg-surface px-6 py-8 shadow-overlay">
          <LinkProblem problem={page.problem} />
        </div>
      </PortalLayout>
    );
  }
  const { view, token, startError, aiUnavailable } = page;
  const { preview, candidate } = view;
  return (
    <PortalLayout>
      <p className="text-sm text-fg-muted">
        Hi {candidate.name}, {preview.organizationName} invited you to this assessment. Read it through, run the system check,
        and start when you are ready to focus for {preview.durationMinutes} minutes.
      </p>
      {aiUnavailable ? (
        // Said before the start: the assessment promises an AI assistant this installation cannot run.
        <p role="note" className="rounded-md border border-warning-fg/30 bg-warning-soft px-3 py-2 text-sm text-warning-fg">
          This assessment allows an AI assistant, but AI is unavailable on this installation, so you will work without it. Tell {preview.organizationName} if that matters to you before you start.
        </p>
      ) : null}
      <CandidatePreviewPanel preview={preview} headingLevel={1}>
        <div className="space-y-6 border-t border-line pt-6">
          {view.canResume ? (
            <section aria-labelledby="resume-heading" className="space-y-3">
              <h2 id="resume-heading" className="text-sm font-semibold text-fg">
                Your interview is in progress
              </h2>
              <p className="text-sm text-fg-muted">Everything you did so far is saved. The timer kept running while you were away.</p>
              <Link to={`/i/${token}/interview`} className={buttonClasses({ variant: "primary", size: "lg", className: "w-full" })}>
                Resume interview
              </Link>
            </section>
          ) : view.canStart ? (
            <StartForm token={token} roomHost={page.roomHost} organizationName={preview.organizationName} languages={preview.languages} startError={startError} />
          ) : null}
          {view.canStart ? (
            <p className="text-center text-xs text-fg-muted">This link is personal and works until {formatAbsolute(new Date(candidate.expiresAt))}.</p>
          ) : null}
        </div>
      </CandidatePreviewPanel>
    </PortalLayout>
  );
}
