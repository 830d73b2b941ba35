// CSRF defence for every state-changing request: the browser sets Origin (and Referer)
// itself and a page on another site cannot forge them. SameSite=Lax on the session cookie
// already blocks most cross-site POSTs; this check covers what Lax lets through (e.g. a
// sibling subdomain, which counts as same-site) and older browsers.

export type OriginCheck = { ok: true } | { ok: false; reason: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    // Opaque origins (file:, data:, sandboxed frames) serialise as "null".
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Mutations (anything but GET/HEAD/OPTIONS) must come from one of `allowedOrigins`
 * (e.g. ["https://app.interviewlm.com"]), judged by Origin, or by Referer when a browser
 * omitted Origin. A request with neither is refused: every browser we support sends one.
 */
export function checkRequestOrigin(request: Request, allowedOrigins: string[]): OriginCheck {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true };
  const allowed = new Set(allowedOrigins.map(originOf).filter((o): o is string => o !== null));

  const originHeader = request.headers.get("Origin");
  if (originHeader !== null) {
    const origin = originOf(originHeader);
    if (origin === null) return { ok: false, reason: `Origin ${JSON.stringify(originHeader)} is not allowed` };
    return allowed.has(origin) ? { ok: true } : { ok: false, reason: `Origin ${origin} is not allowed` };
  }

  const referer = request.headers.get("Referer");
  if (referer !== null) {
    const origin = originOf(referer);
    if (origin !== null && allowed.has(origin)) return { ok: true };
    return { ok: false, reason: `Referer origin ${origin ?? "(invalid)"} is not allowed` };
  }

  return { ok: false, reason: "Request has neither an Origin nor a Referer header" };
}
