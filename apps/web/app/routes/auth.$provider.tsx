// Starts an OAuth sign-in: remembers state (+ PKCE verifier) in a short-lived
// HttpOnly cookie and sends the browser to the provider.
import { OAUTH_STATE_MAX_AGE_SECONDS, serializeCookie } from "@interviewlm/auth";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isOAuthProviderId, OAUTH_COOKIE, oauthProvider } from "~/.server/oauth";
import { safeRedirectPath } from "~/.server/session";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env, deps } = context.services;
  const provider = isOAuthProviderId(params.provider) ? oauthProvider(env, params.provider) : null;
  if (!provider) throw new Response(`Sign-in with "${params.provider}" is not configured.`, { status: 404 });

  const authorization = provider.createAuthorization();
  const redirectTo = safeRedirectPath(context, new URL(request.url).searchParams.get("redirectTo"));
  const payload = JSON.stringify({ state: authorization.state, codeVerifier: authorization.codeVerifier, redirectTo });
  return redirect(authorization.url.toString(), {
    headers: {
      "Set-Cookie": serializeCookie(OAUTH_COOKIE, Buffer.from(payload).toString("base64url"), {
        maxAgeSeconds: OAUTH_STATE_MAX_AGE_SECONDS,
        secure: deps.secureCookies,
        httpOnly: true,
        sameSite: "Lax",
        path: "/auth",
      }),
    },
  });
}
