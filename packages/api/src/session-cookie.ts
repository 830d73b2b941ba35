import { serializeBlankSessionCookie, serializeSessionCookie } from "@interviewlm/auth";
import type { IssuedSession } from "@interviewlm/core/accounts";
import type { ApiContext } from "./context.ts";

export function setSessionCookie(ctx: ApiContext, issued: Pick<IssuedSession, "token" | "expiresAt">): void {
  ctx.resHeaders.append("Set-Cookie", serializeSessionCookie(issued.token, issued.expiresAt, { secure: ctx.deps.secureCookies }));
}

export function clearSessionCookie(ctx: ApiContext): void {
  ctx.resHeaders.append("Set-Cookie", serializeBlankSessionCookie({ secure: ctx.deps.secureCookies }));
}
