// The interview's sandbox workspace, once the web app has told the room which one it is.
import { createSandboxClient, SandboxRequestError, type SandboxClient } from "@interviewlm/sandbox/client";

export interface SandboxRef {
  client: SandboxClient;
  workspaceId: string;
}

export function createSandboxRef(baseUrl: string, secret: string, sessionId: string, workspaceId: string): SandboxRef {
  // workerd has a global WebSocket; the token is limited to this workspace.
  return { client: createSandboxClient({ baseUrl, auth: { secret, subject: `room:${sessionId}`, workspaceId } }), workspaceId };
}

/** A request the sandbox refused for good (bad path, too large, gone): retrying cannot help. */
export function isPermanentSandboxError(error: unknown): boolean {
  return error instanceof SandboxRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof SandboxRequestError && error.status === 404;
}
