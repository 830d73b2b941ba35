import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Card, CardContent, CardHeader, FormError, TextField } from "@interviewlm/ui";
import { DeleteOrganizationCard } from "~/features/settings/delete-organization-card";
import { RetentionPreviewCard } from "~/features/settings/retention-preview-card";
import { fieldError, useIsPending } from "~/lib/forms";
import { usePermissions } from "~/lib/permissions";
import { toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Organization · Settings · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  return { organization: await api.organization.current() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  try {
    if (values.intent === "leave") {
      await api.organization.leave();
      return redirect("/app");
    }
    if (values.intent === "preview") {
      return { ok: true as const, intent: "preview" as const, preview: await api.erasure.retentionPreview({}) };
    }
    if (values.intent === "erase-now") {
      return { ok: true as const, intent: "erase-now" as const, run: await api.erasure.runRetention() };
    }
    if (values.intent === "delete") {
      await api.erasure.deleteOrganization({ confirmName: values.confirmName ?? "" });
      return redirect("/app");
    }
    const retention = values.dataRetentionDays?.trim();
    await api.organization.update({
      name: values.name ?? "",
      dataRetentionDays: retention ? Number(retention) : null,
    });
    return { ok: true as const, intent: "save" as const };
  } catch (error) {
    return { ...toActionFailure(error), intent: values.intent ?? "save" };
  }
}

export default function OrganizationSettings() {
  const { organization } = useLoaderData<typeof loader>();
  const canEdit = usePermissions().can("org:update");
  const result = useActionData<typeof action>();
  const saving = useIsPending({ intent: "save" });
  const leaving = useIsPending({ intent: "leave" });
  const permissions = usePermissions();
  const errors = result && !result.ok && result.intent === "save" ? result.fieldErrors : null;
  const failureOf = (intent: string) => (result && !result.ok && result.intent === intent ? result : null);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader headingLevel={1} title="Organization" description={`${organization.memberCount} member${organization.memberCount === 1 ? "" : "s"} · created ${new Date(organization.createdAt).toLocaleDateString()}`} />
        <CardContent>
          <Form method="post" className="max-w-md space-y-4" noValidate>
            {result?.ok && result.intent === "save" ? <p role="status" className="text-sm text-success">Organization saved.</p> : null}
            <FormError>{result && !result.ok && result.intent === "save" && !result.fieldErrors ? result.message : null}</FormError>
            <fieldset disabled={!canEdit} className="space-y-4">
              <TextField label="Name" name="name" required maxLength={80} defaultValue={organization.name} error={fieldError(errors, "name")} />
              <TextField
                label="Data retention (days)"
                name="dataRetentionDays"
                type="number"
                inputMode="numeric"
                min={30}
                max={3650}
                defaultValue={organization.dataRetentionDays ?? ""}
                description="Days candidate data is kept after evaluation (or completion, or the invitation's expiry or revocation); then it is erased automatically. Leave empty to keep it until you erase it. Candidates are told this before they start."
                error={fieldError(errors, "dataRetentionDays")}
              />
            </fieldset>
            {canEdit ? (
              <Button type="submit" name="intent" value="save" pending={saving} pendingLabel="Saving…">Save changes</Button>
            ) : (
              <p className="text-sm text-fg-muted">Only owners and admins can change these settings.</p>
            )}
          </Form>
        </CardContent>
      </Card>
      {permissions.can("data:delete") ? (
        <RetentionPreviewCard
          retentionDays={organization.dataRetentionDays}
          preview={result?.ok && result.intent === "preview" ? result.preview : null}
          run={result?.ok && result.intent === "erase-now" ? result.run : null}
          error={(failureOf("preview") ?? failureOf("erase-now"))?.message ?? null}
        />
      ) : null}
      <Card>
        <CardHeader title="Leave organization" description="You lose access to its assessments and candidates. The last owner cannot leave." />
        <CardContent>
          <Form method="post" className="space-y-3">
            <FormError>{result && !result.ok && result.intent === "leave" ? result.message : null}</FormError>
            <Button type="submit" name="intent" value="leave" variant="danger" pending={leaving} pendingLabel="Leaving…">Leave {organization.name}</Button>
          </Form>
        </CardContent>
      </Card>
      {permissions.can("org:delete") ? <DeleteOrganizationCard name={organization.name} failure={failureOf("delete")} /> : null}
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
