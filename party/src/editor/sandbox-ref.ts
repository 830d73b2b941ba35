// The interview's sandbox workspace, once the web app has told the room which one it is, and
// what the room makes of the sandbox's errors.
import { createSandboxClient, SandboxRequestError, type LanguageId, type SandboxClient } from "@interviewlm/sandbox/client";

export interface SandboxRef {
  client: SandboxClient;
  workspaceId: string;
  /** The session's language: a lost workspace is recreated with it. */
  language: LanguageId;
}

export function createSandboxRef(baseUrl: string, secret: string, sessionId: string, workspaceId: string, language: LanguageId): SandboxRef {
  // workerd has a global WebSocket; the token is limited to this workspace.
  return { client: createSandboxClient({ baseUrl, auth: { secret, subject: `room:${sessionId}`, workspaceId } }), workspaceId, language };
}

/** The sandbox no longer has the workspace (wiped data, a remote sandbox that expired): the room recreates it. */
export function isWorkspaceLost(error: unknown): boolean {
  return error instanceof SandboxRequestError && error.code === "WORKSPACE_NOT_FOUND";
}

/** A request the sandbox refused for good (bad path, too large, gone): retrying cannot help. A lost workspace is recreated, so its writes are retried. */
export function isPermanentSandboxError(error: unknown): boolean {
  return error instanceof SandboxRequestError && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429 && !isWorkspaceLost(error);
}

export function isNotFound(error: unknown): boolean {
  return error instanceof SandboxRequestError && error.status === 404;
}

const SAFE = "Your files are safe in the editor.";

/**
 * What the candidate reads when the sandbox fails the terminal or a test run: what is wrong
 * and what to do. The room keeps retrying in every case; the words say whether waiting helps.
 */
export function describeSandboxProblem(error: unknown, what: "terminal" | "tests"): string {
  const subject = what === "terminal" ? "The terminal" : "The tests";
  if (isWorkspaceLost(error)) return `The sandbox lost your workspace; it is being restored from your saved files. ${subject === "The tests" ? "Run the tests again in a moment." : "The terminal comes back by itself."}`;
  if (error instanceof SandboxRequestError) {
    switch (error.code) {
      case "ISOLATION_UNAVAILABLE":
      case "TOOLCHAIN_UNAVAILABLE":
        return `${subject} cannot run: the sandbox cannot run code right now. ${SAFE} Retrying by itself; if it does not come back within a few minutes, tell the company that invited you.`;
      case "LIMIT_REACHED":
        return `${subject} cannot start: too much is already running in your workspace. Stop a running command (Ctrl-C), then try again.`;
      case "WORKSPACE_FULL":
        return `${subject} cannot start: your workspace's disk is full. Delete large files you do not need, then try again.`;
    }
    if (error.status >= 500) return `${subject} hit a sandbox error (${error.code}). ${SAFE} Retrying by itself.`;
  }
  // fetch() rejecting, or workerd's "Network connection lost": the service is not answering.
  return `${subject} cannot reach the sandbox service. ${SAFE} Retrying by itself; if this lasts more than a few minutes, tell the company that invited you.`;
}
