// Where a user may be sent after signing in, signing up, switching organisation… when the
// destination came from the request (`redirectTo`, a form field, an OAuth state cookie).
//
// String tests such as "starts with / but not //" are not enough: browsers strip tabs and
// newlines from URLs and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" become
// "//evil.example" — another site. The destination is therefore parsed the way a browser
// parses a Location header (WHATWG URL, resolved against the app's own URL) and accepted
// only when it stays on the app's origin.

/**
 * The same-origin path (with query and fragment) that `to` points at once resolved against
 * `appUrl`, or `fallback` when it is missing, malformed, absolute, or leads anywhere else.
 */
export function safeRedirectPath(to: unknown, appUrl: string, fallback = "/app"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let app: URL;
  let target: URL;
  try {
    app = new URL(appUrl);
    target = new URL(to, app);
  } catch {
    return fallback;
  }
  if (target.origin !== app.origin) return fallback;
  // A path that normalises to "//x" (e.g. "/.//evil.example") would be read as a host again.
  if (target.pathname.startsWith("//")) return fallback;
  return `${target.pathname}${target.search}${target.hash}`;
}
