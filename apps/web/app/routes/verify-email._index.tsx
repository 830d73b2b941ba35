import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, FormError } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { useIsPending } from "~/lib/forms";
import { toActionFailure } from "~/.server/api";
import { requireAuth } from "~/.server/session";

export const meta: MetaFunction = () => [{ title: "Verify your email · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { auth } = await requireAuth(request, context);
  if (auth.user.emailVerifiedAt) throw redirect("/app");
  return { email: auth.user.email, devMailbox: context.services.devMailbox };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireAuth(request, context);
  try {
    await api.auth.resendVerification();
    return { ok: true as const, message: "We sent a new link. It is valid for 24 hours." };
  } catch (error) {
    return toActionFailure(error);
  }
}

export default function CheckInboxPage() {
  const { email, devMailbox } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const pending = useIsPending();
  return (
    <AuthLayout
      title="Check your inbox"
      subtitle={`We sent a verification link to ${email}. Open it to start using your organization.`}
      footer={
        <Form method="post" action="/logout">
          <button type="submit" className="underline">Use a different account</button>
        </Form>
      }
    >
      <div className="space-y-4">
        {result?.ok ? <p role="status" className="text-sm text-success">{result.message}</p> : null}
        <FormError>{result && !result.ok ? result.message : null}</FormError>
        {devMailbox ? (
          <p className="text-sm text-fg-muted">
            Running locally without an email provider? Read the message in the{" "}
            <Link to={`/dev/mailbox?to=${encodeURIComponent(email)}`}>dev mailbox</Link>.
          </p>
        ) : null}
        <Form method="post">
          <Button type="submit" variant="secondary" pending={pending} pendingLabel="Sending…">
            Send the link again
          </Button>
        </Form>
      </div>
    </AuthLayout>
  );
}
