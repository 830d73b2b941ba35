import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { Button, FormError, TextField } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { fieldError, useIsPending } from "~/lib/forms";
import { serverApi, toActionFailure } from "~/.server/api";
import { formValues } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Reset your password · InterviewLM" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await serverApi(request, context);
  const values = formValues(await request.formData());
  try {
    await api.auth.requestPasswordReset({ email: values.email ?? "" });
    return { ok: true as const, email: values.email ?? "" };
  } catch (error) {
    return { ...toActionFailure(error), email: values.email ?? "" };
  }
}

export default function ForgotPasswordPage() {
  const result = useActionData<typeof action>();
  const pending = useIsPending();
  if (result?.ok) {
    return (
      <AuthLayout title="Check your inbox" subtitle={`If ${result.email} has an account, a reset link is on its way. It works once, for one hour.`}>
        <Link to="/login">Back to log in</Link>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Reset your password"
      subtitle="Enter your email and we will send you a link to choose a new password."
      footer={<Link to="/login">Back to log in</Link>}
    >
      <Form method="post" className="space-y-4" noValidate>
        <FormError>{result && !result.ok && !result.fieldErrors ? result.message : null}</FormError>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          autoFocus
          defaultValue={result?.email}
          error={result && !result.ok ? fieldError(result.fieldErrors, "email") : undefined}
        />
        <Button type="submit" size="lg" className="w-full" pending={pending} pendingLabel="Sending…">
          Send reset link
        </Button>
      </Form>
    </AuthLayout>
  );
}
