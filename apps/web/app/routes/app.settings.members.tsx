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
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "Members · Settings · InterviewLM" }];

const roleOptions = [
  { value: "VIEWER", label: "Viewer — watches and reads reports" },
  { value: "MEMBER", label: "Member — runs assessments and invites candidates" },
  { value: "ADMIN", label: "Admin — also manages members and billing" },
  { value: "OWNER", label: "Owner — full control" },
] as const;
const roleLabel = (role: string) => role.charAt(0) + role.slice(1).toLowerCase();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, auth } = await requireVerifiedAuth(request, context);
  const [members, invitations] = await Promise.all([api.members.list(), api.members.invitations()]);
  return { members, invitations, currentUserId: auth.user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  const intent = values.intent ?? "";
  try {
    switch (intent) {
      case "invite": {
        const invitation = await api.members.invite({ email: values.email ?? "", role: values.role as "MEMBER" });
        return { ok: true as const, intent, message: `Invitation sent to ${invitation.email}.` };
      }
      case "change-role":
        await api.members.changeRole({ membershipId: values.membershipId ?? "", role: values.role as "MEMBER" });
        return { ok: true as const, intent, message: "Role updated." };
      case "remove":
        await api.members.remove({ membershipId: values.membershipId ?? "" });
        return { ok: true as const, intent, message: "Member removed." };
      case "revoke":
        await api.members.revokeInvitation({ invitationId: values.invitationId ?? "" });
        return { ok: true as const, intent, message: "Invitation withdrawn." };
      default:
        return { ok: false as const, intent, code: "BAD_REQUEST", message: `Unknown action "${intent}".`, fieldErrors: null, retryAfterSeconds: null };
    }
  } catch (error) {
    return { ...toActionFailure(error), intent, email: values.email ?? "" };
  }
}

export default function MembersSettings() {
  const { members, invitations, currentUserId } = useLoaderData<typeof loader>();
  const permissions = usePermissions();
  const result = useActionData<typeof action>();
  const inviting = useIsPending({ intent: "invite" });
  const canManage = permissions.can("members:invite");
  const inviteFailure = result && !result.ok && result.intent === "invite" ? result : null;

  return (
    <div className="space-y-6">
      <div aria-live="polite" className="sr-only">{result?.ok ? result.message : ""}</div>
      {canManage ? (
        <Card>
          <CardHeader headingLevel={1} title="Invite a teammate" description="They get an email with a link that works for 7 days." />
          <CardContent>
            <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_16rem_auto] sm:items-start" noValidate key={result?.ok && result.intent === "invite" ? result.message : "invite"}>
              <TextField label="Email" name="email" type="email" required autoComplete="off" defaultValue={inviteFailure && "email" in inviteFailure ? inviteFailure.email : undefined} error={fieldError(inviteFailure?.fieldErrors, "email")} />
              <Select label="Role" name="role" options={roleOptions.filter((o) => permissions.canAssign(o.value))} defaultValue="MEMBER" error={fieldError(inviteFailure?.fieldErrors, "role")} />
              <Button type="submit" name="intent" value="invite" className="sm:mt-6" pending={inviting} pendingLabel="Sending…">Send invitation</Button>
            </Form>
            <FormError>{inviteFailure && !inviteFailure.fieldErrors ? inviteFailure.message : null}</FormError>
            {result?.ok && result.intent === "invite" ? <p role="status" className="mt-2 text-sm text-success">{result.message}</p> : null}
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader headingLevel={canManage ? 2 : 1} title="Members" description={`${members.length} ${members.length === 1 ? "person" : "people"} in this organization.`} />
        <CardContent>
          <FormError>{result && !result.ok && result.intent !== "invite" ? result.message : null}</FormError>
          <Table caption="Organization members" hideCaption>
            <TableHead>
              <TableRow>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell>Email</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>Joined</TableHeaderCell>
                {canManage ? <TableHeaderCell><span className="sr-only">Actions</span></TableHeaderCell> : null}
              </TableRow>
            </TableHead>
            <TableBody>
              {members.map((m) => (
                <TableRow key={m.membershipId}>
                  <TableCell>{m.name} {m.userId === currentUserId ? <Badge tone="accent">You</Badge> : null}</TableCell>
                  <TableCell>{m.email}</TableCell>
                  <TableCell>
                    {permissions.canManage(m.role) ? (
                      <Form method="post" className="flex items-center gap-2">
                        <input type="hidden" name="membershipId" value={m.membershipId} />
                        <Select hideLabel label={`Role of ${m.name}`} name="role" options={roleOptions.filter((o) => o.value === m.role || permissions.canAssign(o.value)).map((o) => ({ value: o.value, label: roleLabel(o.value) }))} defaultValue={m.role} />
                        <Button type="submit" name="intent" value="change-role" size="sm" variant="secondary">Save</Button>
                      </Form>
                    ) : (
                      <Badge>{roleLabel(m.role)}</Badge>
                    )}
                  </TableCell>
                  <TableCell>{new Date(m.joinedAt).toLocaleDateString()}</TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      {m.userId === currentUserId || !permissions.canManage(m.role) ? null : (
                        <Form method="post">
                          <input type="hidden" name="membershipId" value={m.membershipId} />
                          <Button type="submit" name="intent" value="remove" size="sm" variant="ghost" aria-label={`Remove ${m.name}`}>Remove</Button>
                        </Form>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <Card>
        <CardHeader title="Pending invitations" />
        <CardContent>
          {invitations.length === 0 ? (
            <EmptyState title="No pending invitations" description={canManage ? "Invite a teammate above." : "Owners and admins can invite teammates."} headingLevel={3} />
          ) : (
            <Table caption="Pending invitations" hideCaption>
              <TableHead>
                <TableRow>
                  <TableHeaderCell>Email</TableHeaderCell>
                  <TableHeaderCell>Role</TableHeaderCell>
                  <TableHeaderCell>Status</TableHeaderCell>
                  <TableHeaderCell>Invited by</TableHeaderCell>
                  {canManage ? <TableHeaderCell><span className="sr-only">Actions</span></TableHeaderCell> : null}
                </TableRow>
              </TableHead>
              <TableBody>
                {invitations.map((i) => (
                  <TableRow key={i.id}>
                    <TableCell>{i.email}</TableCell>
                    <TableCell>{roleLabel(i.role)}</TableCell>
                    <TableCell>
                      <Badge tone={i.state === "pending" ? "info" : "warning"}>
                        {i.state === "pending" ? `expires ${new Date(i.expiresAt).toLocaleDateString()}` : "expired"}
                      </Badge>
                    </TableCell>
                    <TableCell>{i.invitedBy ?? "—"}</TableCell>
                    {canManage ? (
                      <TableCell className="text-right">
                        <Form method="post">
                          <input type="hidden" name="invitationId" value={i.id} />
                          <Button type="submit" name="intent" value="revoke" size="sm" variant="ghost" aria-label={`Withdraw the invitation to ${i.email}`}>Withdraw</Button>
                        </Form>
                      </TableCell>
                    ) : null}
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
