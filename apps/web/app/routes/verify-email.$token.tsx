import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClasses } from "@interviewlm/ui";
import { AuthLayout } from "~/components/auth-layout";
import { serverApi, toActionFailure } from "~/.server/api";

export const meta: MetaFunction = () => [{ title: "Email verification · InterviewLM" }];

// Verifying on GET keeps the email link one click; the token is single-use and
// only ever marks the address it was sent to as verified.
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, auth } = await serverApi(request, context);
  try {
    await api.auth.verifyEmail({ token: params.token ?? "" });
    return { ok: true as const, signedIn: Boolean(auth) };
  } catch (error) {
    const failure = toActionFailure(error);
    // A mail scanner may have opened the link first: if the address is verified, say so.
    const alreadyVerified = Boolean(auth?.user.emailVerifiedAt);
    return { ok: alreadyVerified, signedIn: Boolean(auth), message: failure.message };
  }
}

export default function VerifyEmailPage() {
  const result = useLoaderData<typeof loader>();
  const next = result.signedIn ? "/app" : "/login";
  return (
    <AuthLayout
      title={result.ok ? "Email verified" : "This link did not work"}
      subtitle={result.ok ? "Your address is confirmed. Your organization is ready." : ("message" in result ? result.message : undefined)}
    >
      <div className="flex gap-2">
        <Link to={result.ok ? next : result.signedIn ? "/verify-email" : "/login"} className={buttonClasses({ variant: "primary", size: "lg" })}>
          {result.ok ? (result.signedIn ? "Continue to InterviewLM" : "Log in") : result.signedIn ? "Request a new link" : "Log in"}
        </Link>
      </div>
    </AuthLayout>
  );
}
