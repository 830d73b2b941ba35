import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormError, PasswordField, TextField } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { OAuthButtons } from "~/features/auth/oauth-buttons";
import { fieldError, useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { formValues, redirectIfSignedIn, redirectWith, safeRedirectPath } from "~/.server/session";

export const meta: MetaFunction = () => [
  { title: "Create your account · InterviewLM" },
  { name: "description", content: "Start running AI-native technical interviews with InterviewLM." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await redirectIfSignedIn(request, context);
  const url = new URL(request.url);
  const invitationToken = url.searchParams.get("invitation");
  let invitation = null;
  if (invitationToken) {
    invitation = await api.members.previewInvitation({ token: invitationToken }).catch(() => null);
  }
  return {
    providers: invitation ? [] : await api.auth.providers(),
    invitation: invitation && invitationToken ? { ...invitation, token: invitationToken } : null,
    redirectTo: url.searchParams.get("redirectTo") ?? "",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, resHeaders } = await redirectIfSignedIn(request, context);
  const values = formValues(await request.formData());
  try {
    await api.auth.signUp({
      name: values.name ?? "",
      email: values.email ?? "",
      password: values.password ?? "",
      organizationName: values.organizationName?.trim() ? values.organizationName : undefined,
      invitationToken: values.invitationToken || undefined,
    });
  } catch (error) {
    return { ...toActionFailure(error), values: { name: values.name, email: values.email, organizationName: values.organizationName } };
  }
  // Invited teammates are verified by the invitation itself; everyone else checks their inbox.
  const next = values.invitationToken ? safeRedirectPath(context, values.redirectTo) : "/verify-email";
  return redirectWith(next, resHeaders);
}

export default function SignupPage() {
  const { providers, invitation, redirectTo } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useIsPending();
  const usable = invitation?.state === "pending";

  return (
    <AuthLayout
      title={usable ? `Join ${invitation.organizationName}` : "Create your account"}
      subtitle={
        usable
          ? `${invitation.inviterName ?? "A teammate"} invited you as ${invitation.role.toLowerCase()}.`
          : "Run your first AI-native interview in minutes."
      }
      footer={
        <p>
          Already have an account? <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}>Log in</Link>
        </p>
      }
    >
      {invitation && !usable ? (
        <FormError>This invitation is {invitation.state}. You can still create your own account below.</FormError>
      ) : null}
      <OAuthButtons providers={providers} />
      <Form method="post" className="space-y-4" noValidate>
        {usable ? <input type="hidden" name="invitationToken" value={invitation.token} /> : null}
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <FormError>{failure?.fieldErrors ? null : failure?.message}</FormError>
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          defaultValue={failure?.values?.name}
          error={fieldError(failure?.fieldErrors, "name")}
          autoFocus
        />
        <TextField
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          required
          readOnly={usable}
          defaultValue={usable ? invitation.email : failure?.values?.email}
          description={usable ? "Invitations are tied to the address they were sent to." : undefined}
          error={fieldError(failure?.fieldErrors, "email")}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          required
          minLength={10}
          description="At least 10 characters."
          error={fieldError(failure?.fieldErrors, "password")}
        />
        {usable ? null : (
          <TextField
            label="Organization name"
            name="organizationName"
            autoComplete="organization"
            maxLength={80}
            description="Optional — you can rename it later."
            defaultValue={failure?.values?.organizationName}
            error={fieldError(failure?.fieldErrors, "organizationName")}
          />
        )}
        <Button type="submit" size="lg" className="w-full" pending={pending} pendingLabel="Creating your account…">
          {usable ? "Create account and join" : "Create account"}
        </Button>
      </Form>
    </AuthLayout>
  );
}
