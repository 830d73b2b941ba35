import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useRouteLoaderData } from "@remix-run/react";
import { Button, Card, CardContent, CardHeader, FormError, TextField } from "@interviewlm/ui";
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, requireVerifiedAuth } from "~/.server/session";
import type { loader as appLoader } from "./app";

export const meta: MetaFunction = () => [{ title: "New organization · InterviewLM" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const values = formValues(await request.formData());
  try {
    await api.organization.create({ name: values.name ?? "" });
  } catch (error) {
    return { ...toActionFailure(error), name: values.name ?? "" };
  }
  return redirect("/app");
}

export default function NewOrganizationPage() {
  const failure = useActionData<typeof action>();
  const app = useRouteLoaderData<typeof appLoader>("routes/app");
  const pending = useIsPending();
  const first = (app?.organizations.length ?? 0) === 0;
  return (
    <div className="mx-auto max-w-lg py-8">
      <Card>
        <CardHeader
          headingLevel={1}
          title={first ? "Create your organization" : "New organization"}
          description={first ? "You are not part of an organization yet. Create one, or ask a teammate to invite you." : "Assessments, candidates, credits and members belong to an organization."}
        />
        <CardContent>
          <Form method="post" className="space-y-4" noValidate>
            <FormError>{failure?.fieldErrors ? null : failure?.message}</FormError>
            <TextField label="Organization name" name="name" required maxLength={80} autoFocus defaultValue={failure?.name} error={fieldError(failure?.fieldErrors, "name")} />
            <Button type="submit" pending={pending} pendingLabel="Creating…">Create organization</Button>
          </Form>
        </CardContent>
      </Card>
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
