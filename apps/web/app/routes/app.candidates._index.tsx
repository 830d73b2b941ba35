// Every candidate of the organisation: filter by status and assessment, search by name or
// email (a GET form, so filters live in the URL and survive reloads and sharing).
import { CANDIDATE_STATUSES, ListCandidatesInput, type CandidateStatus } from "@interviewlm/core/candidates/schemas";
import { Button, Card, CardContent, EmptyState, FormError, Select, TextField, buttonClasses, cx } from "@interviewlm/ui";
import { Users } from "@interviewlm/ui/icons";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { PageHeader } from "~/components/page-header";
import { handleCandidateAction } from "~/features/candidates/candidate-actions.server";
import { CandidatesTable } from "~/features/candidates/candidates-table";
import { Pagination } from "~/features/candidates/pagination";
import { CANDIDATE_STATUS_LABELS } from "~/features/candidates/status";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "Candidates · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const params = new URL(request.url).searchParams;
  // Unknown filter values (an old bookmark, a hand-edited URL) fall back to "all" instead of failing the page.
  const parsed = ListCandidatesInput.safeParse({
    status: params.get("status") || undefined,
    assessmentId: params.get("assessment") || undefined,
    query: params.get("q") || undefined,
    page: params.get("page") || undefined,
  });
  const filters = parsed.success ? parsed.data : ListCandidatesInput.parse({});
  const [page, counts, active, archived] = await Promise.all([
    api.candidates.list(filters),
    api.candidates.counts({}),
    api.assessments.list({ status: "active" }),
    api.assessments.list({ status: "archived" }),
  ]);
  const assessments = [
    ...active.map((a) => ({ value: a.id, label: a.title })),
    ...archived.map((a) => ({ value: a.id, label: `${a.title} (archived)` })),
  ];
  return { page, counts, assessments, filters, filtersIgnored: !parsed.success, now: new Date() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  return handleCandidateAction(api, request);
}

const statusOptions = CANDIDATE_STATUSES.map((s) => ({ value: s, label: CANDIDATE_STATUS_LABELS[s] }));

function StatusLinks({ counts, current }: { counts: Record<CandidateStatus | "total", number>; current: CandidateStatus | undefined }) {
  const location = useLocation();
  // Keeps the search and assessment filters; a new status starts again at page 1.
  const hrefFor = (status: CandidateStatus | undefined) => {
    const params = new URLSearchParams(location.search);
    params.delete("page");
    if (status) params.set("status", status);
    else params.delete("status");
    return `?${params.toString()}`;
  };
  const link = (status: CandidateStatus | undefined, label: string, count: number) => (
    <li key={status ?? "all"}>
      <Link
        to={hrefFor(status)}
        aria-current={current === status ? "page" : undefined}
        className={cx(
          "inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-xs font-medium",
          current === status ? "border-accent-fg/40 bg-accent-soft text-accent-fg" : "border-line text-fg-muted hover:bg-surface-hover hover:text-fg",
        )}
      >
        {label} <span className="tabular-nums">{count}</span>
      </Link>
    </li>
  );
  return (
    <nav aria-label="Candidates by status">
      <ul className="flex flex-wrap gap-1.5">
        {link(undefined, "All", counts.total)}
        {CANDIDATE_STATUSES.map((s) => link(s, CANDIDATE_STATUS_LABELS[s], counts[s]))}
      </ul>
    </nav>
  );
}

export default function CandidatesPage() {
  const { page, counts, assessments, filters, filtersIgnored, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const permissions = usePermissions();
  const canAct = permissions.can("candidates:invite");
  const filtered = Boolean(filters.status || filters.assessmentId || filters.query);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Candidates"
        description="Everyone invited to your assessments, newest first. Invite candidates from an assessment's page."
        actions={
          <Link to="/app/assessments" className={buttonClasses({ variant: "secondary" })}>
            Go to assessments
          </Link>
        }
      />
      <StatusLinks counts={counts} current={filters.status} />

      <Card>
        <CardContent>
          <Form method="get" className="grid gap-3 sm:grid-cols-[1fr_14rem_12rem_auto] sm:items-end" role="search" aria-label="Filter candidates">
            <TextField label="Search" name="q" type="search" placeholder="Name or email" defaultValue={filters.query ?? ""} />
            <Select label="Assessment" name="assessment" options={assessments} placeholder="All assessments" defaultValue={filters.assessmentId ?? ""} />
            <Select label="Status" name="status" options={statusOptions} placeholder="All statuses" defaultValue={filters.status ?? ""} />
            <div className="flex gap-2">
              <Button type="submit" variant="secondary">Apply</Button>
              {filtered ? (
                <Link to="?" className={buttonClasses({ variant: "ghost" })}>
                  Clear
                </Link>
              ) : null}
            </div>
          </Form>
          {filtersIgnored ? <p className="mt-2 text-xs text-fg-muted">Some filters in the address were not valid and were ignored.</p> : null}
        </CardContent>
      </Card>

      <div aria-live="polite">
        {result?.ok ? <p role="status" className="text-sm text-success-fg">{result.message}</p> : null}
        <FormError>{result && !result.ok ? result.message : null}</FormError>
      </div>

      {page.items.length === 0 ? (
        filtered ? (
          <EmptyState
            icon={<Users />}
            title="No candidates match"
            description="Try another search, or clear the filters to see everyone."
            action={<Link to="?" className={buttonClasses({ variant: "secondary" })}>Clear filters</Link>}
          />
        ) : (
          <EmptyState
            icon={<Users />}
            title="No candidates yet"
            description="Open an assessment to invite candidates one by one or from a CSV file."
            action={<Link to="/app/assessments" className={buttonClasses({ variant: "primary" })}>Choose an assessment</Link>}
          />
        )
      ) : (
        <div>
          <CandidatesTable candidates={page.items} now={now} caption="Candidates" showAssessment canAct={canAct} canReadReports={permissions.can("reports:read")} />
          <Pagination page={page.page} pageCount={page.pageCount} total={page.total} />
        </div>
      )}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
