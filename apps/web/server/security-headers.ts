// Security headers of every response (helmet), with a Content-Security-Policy whose scripts
// must carry a nonce minted for the request: an injected <script> — from a bug in the
// Markdown sanitiser, say — does not run. The nonce reaches Remix through the load context
// (entry.server passes it to <RemixServer>, React's renderer and <Scripts>/<ScrollRestoration>).
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import helmet from "helmet";

export interface SecurityHeaderOptions {
  /** The app's public URL (APP_URL). */
  appUrl: string;
  /** Where browsers reach the live rooms (ROOM_PUBLIC_URL): editor, terminal and presence sockets. */
  roomPublicUrl: string;
}

/** http(s) and ws(s) forms of an origin: sockets are judged by connect-src under their own scheme. */
export function socketAndFetchOrigins(url: string): string[] {
  const origin = new URL(url).origin;
  const secure = origin.startsWith("https:");
  const socket = origin.replace(/^https?:/, secure ? "wss:" : "ws:");
  return [origin, socket];
}

export function cspNonceOf(res: ServerResponse): string {
  return (res as ServerResponse & { locals?: { cspNonce?: string } }).locals?.cspNonce ?? "";
}

/** The directives, exported so tests and the decision record read the same policy. */
export function contentSecurityPolicyDirectives(options: SecurityHeaderOptions) {
  const https = options.appUrl.startsWith("https:");
  return {
    "default-src": ["'self'"],
    // No 'unsafe-inline' and no hosts: only our own modules and the nonced inline scripts.
    "script-src": ["'self'", (_req: IncomingMessage, res: ServerResponse) => `'nonce-${cspNonceOf(res)}'`],
    // Inline styles stay allowed: Radix positions popovers with style attributes, and CodeMirror
    // and xterm insert <style> elements at run time. Styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": [
      "'self'",
      // 'self' covers same-origin WebSockets in CSP 3 only; name them for older engines. In
      // development Vite's HMR socket is one of them (it shares the app's port, see index.ts).
      ...socketAndFetchOrigins(options.appUrl).slice(1),
      ...socketAndFetchOrigins(options.roomPublicUrl),
    ],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
}

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler[] {
  const mintNonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  return [
    mintNonce,
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives(options) },
      xFrameOptions: { action: "deny" },
      // Candidate links carry their token in the path: other sites get our origin, never the path.
      referrerPolicy: { policy: "strict-origin-when-cross-origin" },
      // Browsers ignore HSTS over http; sending it on a plain-http localhost only confuses.
      strictTransportSecurity: options.appUrl.startsWith("https:") ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    }),
  ];
}
