// The organisation's audit log (owners and admins: audit:read): who did what and when,
// filterable by category, person and days (UTC), paged newest first, downloadable as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AUDIT_CATEGORIES, AUDIT_CATEGORY_KEYS } from "@interviewlm/core/audit/schemas";
import { Button, Card, CardContent, CardHeader, EmptyState, FormError, Select, TextField } from "@interviewlm/ui";
import { AuditTable } from "~/features/audit/audit-table";
import { auditFiltersFrom, auditListInput, auditSearchParams, hasAuditFilters } from "~/features/audit/filters";
import { throwAsResponse, toActionFailure } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Audit log · Settings · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const params = new URL(request.url).searchParams;
  const filters = auditFiltersFrom(params);
  const cursor = params.get("cursor");
  let page: Awaited<ReturnType<typeof api.audit.list>> = { items: [], nextCursor: null };
  let filterError: string | null = null;
  try {
    page = await api.audit.list(auditListInput(filters, cursor));
  } catch (error) {
    // Members and viewers: 403, rendered by the section error inside the shell.
    const failure = toActionFailure(error);
    if (failure.code !== "BAD_REQUEST") throwAsResponse(error);
    filterError = (failure.fieldErrors && Object.values(failure.fieldErrors).flat()[0]) || failure.message;
  }
  const members = await api.members.list();
  return {
    page,
    filters,
    filterError,
    now: new Date().toISOString(),
    actors: members.map((m) => ({ value: m.userId, label: `${m.name} (${m.email})` })),
    olderHref: page.nextCursor ? `/app/settings/audit-log?${auditSearchParams(filters, { cursor: page.nextCursor }).toString()}` : null,
    newestHref: cursor ? `/app/settings/audit-log?${auditSearchParams(filters).toString()}` : null,
    csvHref: `/app/settings/audit-log.csv?${auditSearchParams(filters).toString()}`,
  };
}

const categoryOptions = [{ value: "", label: "All actions" }, ...AUDIT_CATEGORY_KEYS.map((key) => ({ value: key, label: AUDIT_CATEGORIES[key] }))];

export default function AuditLogSettings() {
  const { page, filters, filterError, now, actors, olderHref, newestHref, csvHref } = useLoaderData<typeof loader>();
  const filtered = hasAuditFilters(filters);
  return (
    <Card>
      <CardHeader
        headingLevel={1}
        title="Audit log"
        description="Who did what in this organization, and when: sign-ins, member and role changes, invitations, assessments, candidates and billing."
        actions={
          <a href={csvHref} download className="inline-flex h-9 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-surface-hover">
            Download CSV
          </a>
        }
      />
      <CardContent className="space-y-4">
        <Form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter the audit log">
          <Select label="Action" name="category" defaultValue={filters.category} options={categoryOptions} />
          <Select label="Person" name="actor" defaultValue={filters.actorUserId} options={[{ value: "", label: "Everyone" }, ...actors]} />
          <TextField label="From (UTC)" name="from" type="date" defaultValue={filters.from} />
          <TextField label="To (UTC)" name="to" type="date" defaultValue={filters.to} />
          <Button type="submit" variant="secondary">Filter</Button>
          {filtered ? <Link to="/app/settings/audit-log" className="text-sm text-accent-fg underline">Clear filters</Link> : null}
        </Form>
        <FormError>{filterError}</FormError>
        {page.items.length === 0 ? (
          <EmptyState
            headingLevel={2}
            title={filtered ? "Nothing matches these filters" : "No activity recorded yet"}
            description={filtered ? "Try another action, person or date range." : "Sign-ins, member changes, invitations and other actions appear here as they happen."}
          />
        ) : (
          <AuditTable rows={page.items} now={now} caption={filtered ? "Audit log entries matching the filters, newest first" : "Audit log entries, newest first"} />
        )}
        <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
          {newestHref ? <Link to={newestHref} className="text-accent-fg underline">Newest entries</Link> : null}
          {olderHref ? <Link to={olderHref} className="text-accent-fg underline">Older entries</Link> : null}
        </nav>
      </CardContent>
    </Card>
  );
}

// Errors (403 for members and viewers) render inside the app shell, with a next step.
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
