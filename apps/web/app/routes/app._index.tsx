import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart, Card, CardContent, CardHeader, EmptyState, Stat, StatGroup, buttonClasses } from "@interviewlm/ui";
import { CANDIDATE_STATUS_LABELS, type CandidateStatus } from "@interviewlm/core/candidates/schemas";
import { PageHeader } from "~/components/page-header";
import { usePermissions } from "~/lib/permissions";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Dashboard · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const [organization, summary] = await Promise.all([api.organization.current(), api.dashboard.summary()]);
  return { organization, summary };
}

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const minutes = (value: number | null) => (value === null ? "—" : `${Math.round(value)} min`);
const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

export default function Dashboard() {
  const { organization, summary } = useLoaderData<typeof loader>();
  const empty = summary.candidatesTotal === 0 && summary.activeAssessments === 0;
  const canWrite = usePermissions().can("assessments:write");
  return (
    <div className="space-y-6">
      <PageHeader
        title={organization.name}
        description="Assessments and candidates at a glance."
        actions={
          canWrite ? (
            <Link to="/app/assessments/new" className={buttonClasses({ variant: "primary" })}>
              New assessment
            </Link>
          ) : null
        }
      />
      <StatGroup>
        <Stat label="Active assessments" value={summary.activeAssessments} />
        <Stat label="Invitations this week" value={summary.invitationsThisWeek} />
        <Stat label="Completion rate" value={percent(summary.completionRate)} />
        <Stat label="Average time to complete" value={minutes(summary.averageMinutesToComplete)} />
        <Stat label="AI cost this month" value={`$${(summary.aiThisMonth.costMicroUsd / 1_000_000).toFixed(2)}`} />
      </StatGroup>

      {empty ? (
        <EmptyState
          title="No assessments yet"
          description={
            canWrite
              ? "Create an assessment from a template, invite candidates, and their progress shows up here."
              : "When your team creates assessments and invites candidates, their progress shows up here."
          }
          action={
            canWrite ? (
              <Link to="/app/assessments/new" className={buttonClasses({ variant: "primary" })}>
                Create your first assessment
              </Link>
            ) : null
          }
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardHeader title="Candidates by status" description={`${summary.candidatesTotal} in total`} />
            <CardContent>
              <BarChart
                title="Candidates by status"
                data={Object.entries(summary.candidatesByStatus).map(([status, value]) => ({ label: CANDIDATE_STATUS_LABELS[status as CandidateStatus] ?? status, value }))}
              />
              <p className="mt-3 text-sm">
                <Link to="/app/candidates">See all candidates</Link>
              </p>
            </CardContent>
          </Card>
          <Card>
            <CardHeader title="Invitations" description="Per day, last 14 days" />
            <CardContent>
              <BarChart
                title="Invitations per day"
                labelEvery={2}
                data={summary.invitationsPerDay.map((d) => ({ label: shortDay(d.day), value: d.count }))}
              />
            </CardContent>
          </Card>
          <Card className="lg:col-span-2">
            <CardHeader title="Time to complete" description="Finished interviews by minutes taken" />
            <CardContent>
              <BarChart title="Time to complete" data={summary.timeToComplete.map((b) => ({ label: b.label, value: b.count }))} />
            </CardContent>
          </Card>
        </div>
      )}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
