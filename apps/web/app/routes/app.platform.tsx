// Platform administration: every organisation and account, for support and operations.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardHeader,
  EmptyState,
  FormError,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeaderCell,
  TableRow,
  TextField,
} from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { toActionFailure } from "~/.server/api";
import { fieldError } from "~/lib/forms";
import { formValues, requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Platform · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, auth } = await requireVerifiedAuth(request, context);
  if (!auth.user.isPlatformAdmin) throw new Response("Only platform administrators can open this page.", { status: 403 });
  const search = new URL(request.url).searchParams.get("q")?.trim() || undefined;
  const [organizations, users] = await Promise.all([api.platform.organizations({ search }), api.platform.users({ search })]);
  return { search: search ?? "", organizations, users, currentUserId: auth.user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  try {
    if (values.intent === "adjust-credits") {
      const credits = Number(values.credits ?? "");
      const balance = await api.platform.adjustCredits({ organizationId: values.organizationId ?? "", credits: Number.isFinite(credits) ? credits : Number.NaN, reason: values.reason ?? "" });
      return { ok: true as const, message: `Credits adjusted: ${balance.available} available, ${balance.reserved} held by open invitations.` };
    }
    const user = await api.platform.setAdmin({ userId: values.userId ?? "", isPlatformAdmin: values.intent === "grant" });
    return { ok: true as const, message: `${user.email} is ${user.isPlatformAdmin ? "now" : "no longer"} a platform administrator.` };
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function PlatformPage() {
  const { search, organizations, users, currentUserId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <PageHeader title="Platform" description="Every organisation and account on this installation." />
      <Form method="get" role="search" className="flex max-w-lg items-end gap-2">
        <TextField label="Search organisations and people" name="q" defaultValue={search} containerClassName="flex-1" />
        <Button type="submit" variant="secondary">Search</Button>
      </Form>
      {result?.ok ? <p role="status" className="text-sm text-success-fg">{result.message}</p> : null}
      <FormError>{result && !result.ok ? result.message : null}</FormError>
      {organizations.length > 0 ? (
        <Card>
          <CardHeader title="Adjust credits" description="Grant (positive) or remove (negative) credits. The reason is kept in the organisation's ledger and the audit log." />
          <CardContent>
            <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_8rem_1fr_auto] sm:items-start">
              <Select label="Organisation" name="organizationId" options={organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.slug})` }))} error={fieldError(result && !result.ok ? result.fieldErrors : null, "organizationId")} />
              <TextField label="Credits" name="credits" type="number" step={1} required error={fieldError(result && !result.ok ? result.fieldErrors : null, "credits")} />
              <TextField label="Reason" name="reason" required error={fieldError(result && !result.ok ? result.fieldErrors : null, "reason")} />
              <Button type="submit" name="intent" value="adjust-credits" className="sm:mt-6">Apply</Button>
            </Form>
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader title="Organisations" description={`${organizations.length} shown`} />
        <CardContent>
          {organizations.length === 0 ? (
            <EmptyState headingLevel={3} title="No organisations match" description="Try another search." />
          ) : (
            <Table caption="Organisations" hideCaption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Members</TableHeaderCell>
                  <TableHeaderCell>Assessments</TableHeaderCell>
                  <TableHeaderCell>Candidates</TableHeaderCell>
                  <TableHeaderCell>Created</TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {organizations.map((o) => (
                  <TableRow key={o.id}>
                    <TableCell>{o.name} <span className="text-fg-muted">({o.slug})</span></TableCell>
                    <TableCell className="tabular-nums">{o.members}</TableCell>
                    <TableCell className="tabular-nums">{o.assessments}</TableCell>
                    <TableCell className="tabular-nums">{o.candidates}</TableCell>
                    <TableCell>{new Date(o.createdAt).toLocaleDateString()}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader title="People" description={`${users.length} shown`} />
        <CardContent>
          {users.length === 0 ? (
            <EmptyState headingLevel={3} title="No people match" description="Try another search." />
          ) : (
            <Table caption="People" hideCaption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell>Organisations</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell><span className="sr-only">Actions</span></TableHeaderCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {users.map((u) => (
                  <TableRow key={u.id}>
                    <TableCell>{u.name} {u.emailVerified ? null : <Badge tone="warning">unverified</Badge>}</TableCell>
                    <TableCell>{u.email}</TableCell>
                    <TableCell className="tabular-nums">{u.organizations}</TableCell>
                    <TableCell>{u.isPlatformAdmin ? <Badge tone="accent">Platform admin</Badge> : null}</TableCell>
                    <TableCell className="text-right">
                      {u.id === currentUserId ? null : (
                        <Form method="post">
                          <input type="hidden" name="userId" value={u.id} />
                          <Button type="submit" name="intent" value={u.isPlatformAdmin ? "revoke" : "grant"} size="sm" variant="ghost" aria-label={`${u.isPlatformAdmin ? "Withdraw" : "Grant"} platform admin for ${u.email}`}>
                            {u.isPlatformAdmin ? "Withdraw admin" : "Make admin"}
                          </Button>
                        </Form>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
