import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormError, buttonClasses } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { useIsPending } from "~/lib/forms";
import { serverApi, toActionFailure } from "~/.server/api";
import { requireAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Invitation · InterviewLM" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const { api, auth } = await serverApi(request, context);
  try {
    const invitation = await api.members.previewInvitation({ token });
    return { ok: true as const, token, invitation, signedInAs: auth?.user.email ?? null };
  } catch (error) {
    return { ok: false as const, message: toActionFailure(error).message };
  }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireAuth(request, context);
  try {
    await api.members.acceptInvitation({ token: params.token ?? "" });
  } catch (error) {
    return toActionFailure(error);
  }
  return redirect("/app");
}

const stateText = {
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  accepted: "This invitation was already used.",
} as const;

export default function InvitationPage() {
  const data = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const pending = useIsPending();
  if (!data.ok) {
    return (
      <AuthLayout title="Invitation not found" subtitle={data.message}>
        <Link to="/">Go to the home page</Link>
      </AuthLayout>
    );
  }
  const { invitation, token, signedInAs } = data;
  const here = `/invitations/${encodeURIComponent(token)}`;
  return (
    <AuthLayout
      title={`Join ${invitation.organizationName}`}
      subtitle={`${invitation.inviterName ?? "A teammate"} invited ${invitation.email} as ${invitation.role.toLowerCase()}.`}
    >
      {invitation.state !== "pending" ? (
        <FormError>{stateText[invitation.state]}</FormError>
      ) : signedInAs === invitation.email ? (
        <Form method="post" className="space-y-4">
          <FormError>{failure?.message}</FormError>
          <Button type="submit" size="lg" className="w-full" pending={pending} pendingLabel="Joining…">
            Accept and join {invitation.organizationName}
          </Button>
        </Form>
      ) : signedInAs ? (
        <div className="space-y-3 text-sm">
          <FormError>
            You are signed in as {signedInAs}, but this invitation is for {invitation.email}.
          </FormError>
          <Form method="post" action="/logout">
            <Button type="submit" variant="secondary">Log out and switch account</Button>
          </Form>
        </div>
      ) : (
        <div className="grid gap-2">
          <Link
            to={`/signup?invitation=${encodeURIComponent(token)}&redirectTo=/app`}
            className={buttonClasses({ variant: "primary", size: "lg", className: "w-full" })}
          >
            Create an account to join
          </Link>
          <Link
            to={`/login?redirectTo=${encodeURIComponent(here)}`}
            className={buttonClasses({ variant: "secondary", size: "lg", className: "w-full" })}
          >
            I already have an account
          </Link>
        </div>
      )}
    </AuthLayout>
  );
}
