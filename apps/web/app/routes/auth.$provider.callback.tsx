// Finishes an OAuth sign-in: checks state, exchanges the code, fetches the profile,
// then logs in / links / creates the account.
import { OAuthError, readCookie, serializeCookie, serializeSessionCookie } from "@interviewlm/auth";
import { DomainError } from "@interviewlm/core";
import { signInWithOAuth } from "@interviewlm/core/accounts";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { isOAuthProviderId, OAUTH_COOKIE, oauthProvider } from "~/.server/oauth";
import { safeRedirectPath } from "~/.server/session";

const StoredState = z.object({ state: z.string(), codeVerifier: z.string().nullable(), redirectTo: z.string() });

function readStoredState(request: Request) {
  const raw = readCookie(request.headers.get("cookie"), OAUTH_COOKIE);
  if (!raw) return null;
  try {
    return StoredState.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { env, deps } = context.services;
  const provider = isOAuthProviderId(params.provider) ? oauthProvider(env, params.provider) : null;
  if (!provider) throw new Response(`Sign-in with "${params.provider}" is not configured.`, { status: 404 });

  const headers = new Headers();
  headers.append("Set-Cookie", serializeCookie(OAUTH_COOKIE, "", { maxAgeSeconds: 0, secure: deps.secureCookies, httpOnly: true, sameSite: "Lax", path: "/auth" }));
  // Only codes travel in the URL: the login page maps them to its own wording, so a
  // crafted link cannot put arbitrary text on our page.
  const fail = (reason: "state_mismatch" | "cancelled" | "failed" | "no_verified_email") =>
    redirect(`/login?error=${reason}`, { headers });

  const url = new URL(request.url);
  if (url.searchParams.get("error")) return fail("cancelled");
  const stored = readStoredState(request);
  try {
    const profile = await provider.handleCallback({
      code: url.searchParams.get("code") ?? "",
      state: url.searchParams.get("state") ?? "",
      storedState: stored?.state ?? null,
      codeVerifier: stored?.codeVerifier ?? null,
    });
    const issued = await signInWithOAuth(deps, profile, {
      userAgent: request.headers.get("user-agent"),
      ipAddress: context.clientIp,
    });
    headers.append("Set-Cookie", serializeSessionCookie(issued.token, issued.expiresAt, { secure: deps.secureCookies }));
    return redirect(safeRedirectPath(context, stored?.redirectTo), { headers });
  } catch (error) {
    if (error instanceof OAuthError) {
      if (error.code === "state_mismatch") return fail("state_mismatch");
      if (error.code === "no_verified_email") return fail("no_verified_email");
      context.log.warn("oauth.callback_failed", { provider: provider.id, code: error.code, message: error.message });
      return fail("failed");
    }
    // The only refusal signInWithOAuth has: the provider vouches for no email address.
    if (error instanceof DomainError) return fail("no_verified_email");
    throw error;
  }
}
