import type { IncomingMessage } from "node:http";
import { SandboxError, type ServiceTokenClaims, verifyServiceToken } from "@interviewlm/sandbox";
import type { KeyInput } from "@interviewlm/tokens";

/** Checks the service token (Authorization: Bearer, or ?access_token= for WebSockets). */
export async function requireServiceToken(request: IncomingMessage, url: URL, secret: KeyInput, workspaceId: string | null): Promise<ServiceTokenClaims> {
  const header = request.headers.authorization;
  const token = header?.startsWith("Bearer ") ? header.slice("Bearer ".length).trim() : url.searchParams.get("access_token");
  if (!token) throw new SandboxError("UNAUTHORIZED", "missing service token (Authorization: Bearer <token>)");
  const claims = await verifyServiceToken(token, secret);
  if (claims.ws && claims.ws !== workspaceId) {
    throw new SandboxError("FORBIDDEN", `this token is limited to workspace ${claims.ws}`);
  }
  return claims;
}
