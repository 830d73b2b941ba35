import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Card, CardContent, CardHeader, FormError, PasswordField } from "@interviewlm/ui";
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, requireAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Password · Settings · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireAuth(request, context);
  const me = await api.auth.me();
  return { hasPassword: me!.user.hasPassword };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireAuth(request, context);
  const values = formValues(await request.formData());
  try {
    const result = await api.auth.changePassword({ currentPassword: values.currentPassword ?? "-", newPassword: values.newPassword ?? "" });
    return { ok: true as const, otherSessionsEnded: result.otherSessionsEnded };
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function PasswordSettings() {
  const { hasPassword } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useIsPending();
  const errors = result && !result.ok ? result.fieldErrors : null;
  return (
    <Card>
      <CardHeader
        headingLevel={1}
        title={hasPassword ? "Change password" : "Set a password"}
        description="Changing it logs you out of every other browser and device."
      />
      <CardContent>
        <Form method="post" className="max-w-md space-y-4" noValidate key={result?.ok ? "saved" : "form"}>
          {result?.ok ? (
            <p role="status" className="text-sm text-success">
              Password changed. {result.otherSessionsEnded} other session{result.otherSessionsEnded === 1 ? " was" : "s were"} logged out.
            </p>
          ) : null}
          <FormError>{result && !result.ok && !result.fieldErrors ? result.message : null}</FormError>
          {hasPassword ? (
            <PasswordField label="Current password" name="currentPassword" autoComplete="current-password" required error={fieldError(errors, "currentPassword")} />
          ) : null}
          <PasswordField label="New password" name="newPassword" autoComplete="new-password" required minLength={10} description="At least 10 characters." error={fieldError(errors, "newPassword")} />
          <Button type="submit" pending={pending} pendingLabel="Saving…">{hasPassword ? "Change password" : "Set password"}</Button>
        </Form>
      </CardContent>
    </Card>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
