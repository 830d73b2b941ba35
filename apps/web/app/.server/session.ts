import { safeRedirectPath as safeRedirectPathFor } from "@interviewlm/auth/redirects";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { serverApi } from "./api.ts";

/**
 * Where to send the user next when the destination came from the request (`redirectTo`):
 * only a path that stays on APP_URL's origin once parsed like a browser would, else `fallback`.
 */
export function safeRedirectPath(context: AppLoadContext, to: FormDataEntryValue | string | null | undefined, fallback = "/app"): string {
  return safeRedirectPathFor(to, context.services.env.APP_URL, fallback);
}

export function loginUrl(request: Request): string {
  const url = new URL(request.url);
  return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The signed-in user, or a redirect to the login page that comes back here afterwards. */
export async function requireAuth(request: Request, context: AppLoadContext) {
  const server = await serverApi(request, context);
  if (!server.auth) throw redirect(loginUrl(request));
  return { ...server, auth: server.auth };
}

/** Signed in AND email verified — what the organisation area needs. */
export async function requireVerifiedAuth(request: Request, context: AppLoadContext) {
  const server = await requireAuth(request, context);
  if (!server.auth.user.emailVerifiedAt) throw redirect("/verify-email");
  return server;
}

/** For pages only anonymous visitors need (login, sign-up): signed-in users go to the app. */
export async function redirectIfSignedIn(request: Request, context: AppLoadContext, to = "/app") {
  const server = await serverApi(request, context);
  if (server.auth) throw redirect(to);
  return server;
}

/** A redirect that carries the cookies an API call set (log-in, log-out). */
export function redirectWith(to: string, resHeaders: Headers): Response {
  return redirect(to, { headers: resHeaders });
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}
