// The page behind the emailed download link. Downloading is a button (a POST), not the link
// itself: mail scanners open links, and each release of the archive is recorded.
import { Button } from "@interviewlm/ui";
import { data, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { serverApi } from "~/.server/api";
import { PortalLayout } from "~/features/candidates/portal/portal-layout";
import { PORTAL_HEADERS } from "~/features/candidates/portal/portal.server";
import { loadDataLink } from "~/features/data-export/data-link.server";
import { DATA_LINK_PROBLEMS, DataLinkProblem } from "~/features/data-export/data-link-problem";

// The button is a native form POST (the browser saves the file). Under "no-referrer" a browser
// sends `Origin: null` with such a POST and the CSRF check refuses it; "same-origin" still keeps
// the token in this URL from every other site.
const DOWNLOAD_PAGE_HEADERS = { ...PORTAL_HEADERS, "Referrer-Policy": "same-origin" } as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { api } = await serverApi(request, context);
  const page = await loadDataLink(() => api.dataExport.downloadView({ token }));
  const url = new URL(request.url);
  const error = downloadErrorMessage(url.searchParams.get("error"), Number(url.searchParams.get("retry")));
  return data({ ...page, token, error }, { status: page.ok ? 200 : DATA_LINK_PROBLEMS[page.problem].status, headers: DOWNLOAD_PAGE_HEADERS });
}

/** What a refused download (the archive route redirects back here) means for the candidate. */
function downloadErrorMessage(code: string | null, retrySeconds: number): string | null {
  if (!code) return null;
  if (code === "TOO_MANY_REQUESTS") {
    const minutes = Number.isFinite(retrySeconds) && retrySeconds > 0 ? Math.ceil(retrySeconds / 60) : 60;
    return `You have downloaded your data several times in the last hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return "The download could not be prepared. Try again in a moment.";
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction = () => [
  { title: "Download your data · InterviewLM" },
  { name: "robots", content: "noindex, nofollow" },
  { name: "referrer", content: "same-origin" },
];

export default function DownloadYourDataPage() {
  const page = useLoaderData<typeof loader>();
  if (!page.ok) {
    return (
      <PortalLayout width="narrow">
        <DataLinkProblem problem={page.problem} />
      </PortalLayout>
    );
  }
  const { organizationName, candidateName } = page.view;
  return (
    <PortalLayout width="narrow">
      <div className="space-y-4 rounded-xl border border-line bg-surface px-6 py-8 shadow-overlay">
        <h1 className="text-xl font-semibold tracking-tight text-fg">Download your data</h1>
        <p className="text-sm text-fg-muted">
          Hi {candidateName}. This is everything {organizationName} holds about you from your interview: <code>candidate.json</code>{" "}
          (every record), <code>files/</code> (your workspace at the end) and <code>recording.jsonl</code> (the recording, one
          event per line). A README in the archive explains each part and what is not included (such as reviewers’ internal notes).
        </p>
        {page.error ? (
          <p role="alert" className="rounded-md border border-danger-fg/30 bg-danger-soft px-3 py-2 text-sm text-danger-fg">
            {page.error}
          </p>
        ) : null}
        <form method="post" action={`/your-data/archive/${encodeURIComponent(page.token)}`}>
          <Button type="submit" variant="primary" size="lg" className="w-full">
            Download your data (ZIP)
          </Button>
        </form>
        <p className="text-xs text-fg-muted">A long recording can take a moment to start downloading.</p>
      </div>
    </PortalLayout>
  );
}
