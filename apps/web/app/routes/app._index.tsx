import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Card, CardContent, CardHeader, Stat, StatGroup, buttonClasses } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Dashboard · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const [organization, members, invitations] = await Promise.all([
    api.organization.current(),
    api.members.list(),
    api.members.invitations(),
  ]);
  return {
    organization,
    memberCount: members.length,
    pendingInvitations: invitations.filter((i) => i.state === "pending").length,
  };
}

export default function Dashboard() {
  const { organization, memberCount, pendingInvitations } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader title={organization.name} description="Your organization at a glance." />
      <StatGroup>
        <Stat label="Members" value={String(memberCount)} />
        <Stat label="Pending invitations" value={String(pendingInvitations)} />
      </StatGroup>
      <Card>
        <CardHeader title="Build your hiring team" description="Reviewers watch interviews live and score them together." />
        <CardContent className="flex flex-wrap gap-2">
          <Link to="/app/settings/members" className={buttonClasses({ variant: "primary" })}>
            Invite a teammate
          </Link>
          <Link to="/app/settings/organization" className={buttonClasses({ variant: "secondary" })}>
            Organization settings
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
