import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Button, FormError, PasswordField, TextField } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { OAuthButtons } from "~/features/auth/oauth-buttons";
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, redirectIfSignedIn, redirectWith, safeRedirectPath } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Log in · InterviewLM" }];

const oauthErrors: Record<string, string> = {
  state_mismatch: "That sign-in attempt expired or was tampered with. Please try again.",
  cancelled: "Sign-in was cancelled.",
  failed: "We could not sign you in with that provider. Please try again.",
  no_verified_email:
    "That account has no verified email address. Verify one with the provider, or sign up with email and password.",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await redirectIfSignedIn(request, context);
  const error = new URL(request.url).searchParams.get("error");
  return {
    providers: await api.auth.providers(),
    oauthError: error ? (oauthErrors[error] ?? oauthErrors.failed) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, resHeaders } = await redirectIfSignedIn(request, context);
  const values = formValues(await request.formData());
  try {
    await api.auth.logIn({ email: values.email ?? "", password: values.password ?? "" });
  } catch (error) {
    return { ...toActionFailure(error), email: values.email ?? "" };
  }
  return redirectWith(safeRedirectPath(context, values.redirectTo), resHeaders);
}

export default function LoginPage() {
  const { providers, oauthError } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const pending = useIsPending();
  const signupHref = redirectTo ? `/signup?redirectTo=${encodeURIComponent(redirectTo)}` : "/signup";

  return (
    <AuthLayout
      title="Log in"
      subtitle="Welcome back to InterviewLM."
      footer={
        <p>
          New here? <Link to={signupHref}>Create an account</Link>
        </p>
      }
    >
      <OAuthButtons providers={providers} redirectTo={redirectTo} />
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError>{failure?.fieldErrors ? null : (failure?.message ?? oauthError)}</FormError>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={failure?.email}
          error={fieldError(failure?.fieldErrors, "email")}
          autoFocus
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          error={fieldError(failure?.fieldErrors, "password")}
        />
        <div className="flex items-center justify-between">
          <Link to="/forgot-password" className="text-sm">
            Forgot your password?
          </Link>
          <Button type="submit" pending={pending} pendingLabel="Logging in…">
            Log in
          </Button>
        </div>
      </Form>
    </AuthLayout>
  );
}
