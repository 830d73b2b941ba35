import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Badge, Button, Card, CardContent, CardHeader, FormError, TextField } from "@interviewlm/ui";
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, requireAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Profile · Settings · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireAuth(request, context);
  const me = await api.auth.me();
  return { profile: me!.user };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireAuth(request, context);
  const values = formValues(await request.formData());
  try {
    await api.auth.updateProfile({ name: values.name ?? "" });
    return { ok: true as const };
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function ProfileSettings() {
  const { profile } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useIsPending();
  return (
    <Card>
      <CardHeader headingLevel={1} title="Profile" description="How teammates and candidates see you." />
      <CardContent>
        <Form method="post" className="max-w-md space-y-4" noValidate>
          {result?.ok ? <p role="status" className="text-sm text-success">Profile saved.</p> : null}
          <FormError>{result && !result.ok && !result.fieldErrors ? result.message : null}</FormError>
          <TextField label="Name" name="name" required maxLength={100} defaultValue={profile.name} autoComplete="name" error={result && !result.ok ? fieldError(result.fieldErrors, "name") : undefined} />
          <TextField label="Email" name="email" value={profile.email} readOnly description="Your login address. It cannot be changed here yet." />
          <p className="text-sm text-fg-muted">
            Signs in with: {profile.hasPassword ? <Badge>password</Badge> : null}{" "}
            {profile.linkedProviders.map((p) => <Badge key={p}>{p}</Badge>)}
          </p>
          <Button type="submit" pending={pending} pendingLabel="Saving…">Save profile</Button>
        </Form>
      </CardContent>
    </Card>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
