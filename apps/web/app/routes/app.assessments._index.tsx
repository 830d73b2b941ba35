import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { LANGUAGE_LABELS, SENIORITY_LABELS } from "@interviewlm/core/assessments/schemas";
import {
  Button,
  buttonClasses,
  cx,
  EmptyState,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  TextField,
} from "@interviewlm/ui";
import { ClipboardList, Plus, Search } from "@interviewlm/ui/icons";
import { PageHeader } from "~/components/page-header";
import { AssessmentActions, AssessmentStatusBadge } from "~/features/assessments/assessment-actions";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "Assessments · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const params = new URL(request.url).searchParams;
  // A hand-edited URL should not error: unknown filters fall back to the defaults.
  const status = params.get("status") === "archived" ? ("archived" as const) : ("active" as const);
  const search = (params.get("q") ?? "").trim().slice(0, 100);
  const assessments = await api.assessments.list({ status, search: search || undefined });
  return { assessments, status, search };
}

function FilterTabs({ status, search }: { status: "active" | "archived"; search: string }) {
  const href = (to: string) => `?status=${to}${search ? `&q=${encodeURIComponent(search)}` : ""}`;
  return (
    <nav aria-label="Assessment status" className="inline-flex rounded-md border border-line bg-surface p-0.5">
      {(["active", "archived"] as const).map((value) => (
        <Link
          key={value}
          to={href(value)}
          aria-current={status === value ? "page" : undefined}
          className={cx(
            "rounded px-3 py-1 text-sm font-medium transition-colors",
            status === value ? "bg-surface-active text-fg" : "text-fg-muted hover:text-fg",
          )}
        >
          {value === "active" ? "Active" : "Archived"}
        </Link>
      ))}
    </nav>
  );
}

export default function AssessmentsPage() {
  const { assessments, status, search } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/app/assessments";
  const canWrite = usePermissions().can("assessments:write");
  const newButton = canWrite ? (
    <Link to="/app/assessments/new" className={buttonClasses({ variant: "primary" })}>
      <Plus aria-hidden="true" className="size-4" /> New assessment
    </Link>
  ) : null;

  return (
    <div>
      <PageHeader title="Assessments" description="What candidates are asked to do: questions, time, languages and how much AI they may use." actions={newButton} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <FilterTabs status={status} search={search} />
        <Form method="get" role="search" className="flex items-end gap-2">
          <input type="hidden" name="status" value={status} />
          <TextField label="Search assessments" hideLabel type="search" name="q" defaultValue={search} placeholder="Search title or role" maxLength={100} containerClassName="w-64" />
          <Button type="submit" variant="secondary" icon={<Search aria-hidden="true" className="size-4" />} pending={searching}>
            Search
          </Button>
        </Form>
      </div>

      {assessments.length === 0 ? (
        search ? (
          <EmptyState
            title={`No ${status} assessments match “${search}”`}
            description="Try another word from the title or the role."
            action={<Link to={`?status=${status}`} className={buttonClasses({ variant: "secondary" })}>Clear search</Link>}
          />
        ) : status === "archived" ? (
          <EmptyState title="No archived assessments" description="Archived assessments accept no new candidates; they stay here with their results." />
        ) : (
          <EmptyState
            icon={<ClipboardList />}
            title="No assessments yet"
            description="An assessment is what candidates take: start from a template such as “Backend Python, mid-level” and adjust it."
            action={canWrite ? <Link to="/app/assessments/new" className={buttonClasses({ variant: "primary" })}>Create from a template</Link> : null}
          />
        )
      ) : (
        <Table caption={`${status === "active" ? "Active" : "Archived"} assessments`} hideCaption>
          <TableHead>
            <TableRow>
              <TableHeaderCell>Assessment</TableHeaderCell>
              <TableHeaderCell>Languages</TableHeaderCell>
              <TableHeaderCell>Format</TableHeaderCell>
              <TableHeaderCell>Candidates</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              {canWrite ? <TableHeaderCell><span className="sr-only">Actions</span></TableHeaderCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {assessments.map((a) => {
              const completed = a.candidates.byStatus.COMPLETED + a.candidates.byStatus.EVALUATED;
              return (
                <TableRow key={a.id}>
                  <TableHeaderCell scope="row" className="min-w-56 font-normal whitespace-normal">
                    <Link to={`/app/assessments/${a.id}`} className="font-medium text-fg hover:underline">{a.title}</Link>
                    <p className="text-xs text-fg-muted">{SENIORITY_LABELS[a.seniority]} · {a.role}</p>
                  </TableHeaderCell>
                  <TableCell>{a.languages.map((l) => LANGUAGE_LABELS[l]).join(", ")}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {a.durationMinutes} min · {a.questionCount} {a.questionCount === 1 ? "question" : "questions"}
                    <span className="block text-xs text-fg-muted">{a.questionSelection === "AUTO" ? "picked automatically" : "hand-picked"}</span>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {a.candidates.total} invited
                    <span className="block text-xs text-fg-muted">{completed} completed</span>
                  </TableCell>
                  <TableCell><AssessmentStatusBadge status={a.status} /></TableCell>
                  {canWrite ? (
                    <TableCell>
                      <div className="flex justify-end gap-1">
                        <Link to={`/app/assessments/${a.id}/edit`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
                          Edit<span className="sr-only"> {a.title}</span>
                        </Link>
                        <Link to={`/app/assessments/${a.id}/preview`} className={buttonClasses({ variant: "ghost", size: "sm" })}>
                          Preview<span className="sr-only"> {a.title}</span>
                        </Link>
                        <AssessmentActions assessment={a} redirectTo={`/app/assessments?status=${status}`} compact />
                      </div>
                    </TableCell>
                  ) : null}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
