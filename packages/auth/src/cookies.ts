// Set-Cookie strings by hand: the cookie surface is tiny, and owning it keeps the session
// cookie's attributes (HttpOnly, SameSite=Lax, Path=/, Secure) in one reviewed place
// rather than spread across framework helpers.
import { InvalidCookieError } from "./errors.ts";
import { SESSION_COOKIE_NAME } from "./sessions.ts";

export interface CookieOptions {
  maxAgeSeconds?: number;
  /** Absolute expiry; ignored by browsers when maxAgeSeconds is also given. */
  expires?: Date;
  /** false only on plain-http localhost: browsers drop Secure cookies there. */
  secure: boolean;
  httpOnly?: boolean;
  sameSite?: "Lax" | "Strict" | "None";
  path?: string;
}

// RFC 6265 token characters for cookie names.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  if (!COOKIE_NAME.test(name)) throw new InvalidCookieError(`Invalid cookie name: ${JSON.stringify(name)}`);
  const sameSite = opts.sameSite ?? "Lax";
  if (sameSite === "None" && !opts.secure) {
    // Browsers reject SameSite=None without Secure; fail loudly instead of silently losing the cookie.
    throw new InvalidCookieError(`Cookie ${name}: SameSite=None requires Secure`);
  }
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (opts.httpOnly ?? true) parts.push("HttpOnly");
  parts.push(`SameSite=${sameSite}`);
  parts.push(`Path=${opts.path ?? "/"}`);
  if (opts.secure) parts.push("Secure");
  if (opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, Math.floor(opts.maxAgeSeconds))}`);
  if (opts.expires) parts.push(`Expires=${opts.expires.toUTCString()}`);
  return parts.join("; ");
}

/** The session cookie, expiring with the session (pass session.expiresAt). */
export function serializeSessionCookie(token: string, expiresAt: Date, opts: { secure: boolean }): string {
  return serializeCookie(SESSION_COOKIE_NAME, token, { expires: expiresAt, secure: opts.secure, httpOnly: true, sameSite: "Lax" });
}

/** Clears the session cookie (log out, or a cookie that no longer validates). */
export function serializeBlankSessionCookie(opts: { secure: boolean }): string {
  return serializeCookie(SESSION_COOKIE_NAME, "", {
    maxAgeSeconds: 0,
    expires: new Date(0),
    secure: opts.secure,
    httpOnly: true,
    sameSite: "Lax",
  });
}

/** The first cookie called `name` in a Cookie request header, URL-decoded; null if absent. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(";")) {
    const eq = pair.indexOf("=");
    if (eq === -1) continue;
    if (pair.slice(0, eq).trim() !== name) continue;
    let value = pair.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      // A value we did not write (bad %-escape): treat it as absent rather than throw.
      return null;
    }
  }
  return null;
}
