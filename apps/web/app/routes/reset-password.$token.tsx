import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Button, FormError, PasswordField } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { fieldError, useIsPending } from "~/lib/forms";
import { serverApi, toActionFailure } from "~/.server/api";
import { formValues, redirectWith } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Choose a new password · InterviewLM" }];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api, resHeaders } = await serverApi(request, context);
  const values = formValues(await request.formData());
  try {
    await api.auth.resetPassword({ token: params.token ?? "", password: values.password ?? "" });
  } catch (error) {
    return toActionFailure(error);
  }
  return redirectWith("/app", resHeaders);
}

export default function ResetPasswordPage() {
  const failure = useActionData<typeof action>();
  const pending = useIsPending();
  const linkProblem = failure && !failure.fieldErrors?.password ? failure.message : null;
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="This logs you out everywhere else."
      footer={<Link to="/forgot-password">Request a new link</Link>}
    >
      <Form method="post" className="space-y-4" noValidate>
        <FormError>{linkProblem}</FormError>
        <PasswordField
          label="New password"
          name="password"
          autoComplete="new-password"
          required
          minLength={10}
          autoFocus
          description="At least 10 characters."
          error={fieldError(failure?.fieldErrors, "password")}
        />
        <Button type="submit" size="lg" className="w-full" pending={pending} pendingLabel="Saving…">
          Set password and log in
        </Button>
      </Form>
    </AuthLayout>
  );
}
