import type { HttpMethod } from "@interviewlm/infra/http";
import { newRequestId } from "@interviewlm/infra/log";
import type { z } from "zod";
import { ROUTES } from "../api/routes.ts";
import {
  CodeCheckResultSchema,
  ExecResultSchema,
  FileContentSchema,
  FileEntrySchema,
  HealthResponseSchema,
  ListFilesResponseSchema,
  MetricsResponseSchema,
  SnapshotInfoSchema,
  TestRunResultSchema,
  WorkspaceInfoSchema,
  type CodeCheckRequest,
  type CodeCheckResult,
  type CreateWorkspaceRequest,
  type ExecRequest,
  type ExecResult,
  type FileContent,
  type FileEntry,
  type HealthResponse,
  type MetricsResponse,
  type RunTestsRequest,
  type SnapshotInfo,
  type TestRunResult,
  type WorkspaceInfo,
} from "../api/schemas.ts";
import { signServiceToken } from "../auth/service-token.ts";
import { toBase64 } from "../file-content.ts";
import { requestJson, type RequestContext } from "./http.ts";
import { connectSocket, type WebSocketConstructor } from "./socket.ts";
import { attachFileEvents, attachTerminal, type FileEventsConnection, type TerminalConnection } from "./terminal.ts";

// Typed client of the sandbox service. Only fetch, WebSocket and Web Crypto: runs in Node 20
// (pass WebSocket from "ws"), browsers and Cloudflare workerd (the PartyKit room).

export { ROUTES } from "../api/routes.ts";
export * from "../api/schemas.ts";
export { signServiceToken, verifyServiceToken, type ServiceTokenClaims } from "../auth/service-token.ts";
export { SandboxError, isSandboxError, type SandboxErrorCode } from "../errors.ts";
export { encodeFileContent } from "../file-content.ts";
export { SandboxRequestError } from "./http.ts";
export type { WebSocketConstructor, WebSocketLike } from "./socket.ts";
export type { FileEventsConnection, TerminalConnection } from "./terminal.ts";

export type SandboxClientAuth =
  /** The client signs its own short-lived tokens with the shared SANDBOX_SERVICE_SECRET. */
  | { secret: string; subject: string; workspaceId?: string; ttlSeconds?: number }
  /** Or hands out tokens minted elsewhere. */
  | { token: () => string | Promise<string> };

export interface SandboxClientOptions {
  /** e.g. "http://127.0.0.1:4100" */
  baseUrl: string;
  auth: SandboxClientAuth;
  fetch?: typeof fetch;
  /**
   * The id of the request being served, so the sandbox service's log lines match the caller's
   * (the web app passes the current request's); without one each call gets a fresh id.
   */
  requestId?: () => string | undefined;
  /** Required for terminals and file events where there is no global WebSocket (Node 20). */
  WebSocket?: WebSocketConstructor;
}

export interface SandboxClient {
  health(): Promise<HealthResponse>;
  metrics(): Promise<MetricsResponse>;
  createWorkspace(request: CreateWorkspaceRequest): Promise<WorkspaceInfo>;
  /** Creates a workspace under a known id — one the sandbox lost; ALREADY_EXISTS (409) if it exists. */
  recreateWorkspace(workspaceId: string, request: CreateWorkspaceRequest): Promise<WorkspaceInfo>;
  getWorkspace(workspaceId: string): Promise<WorkspaceInfo>;
  resumeWorkspace(workspaceId: string): Promise<WorkspaceInfo>;
  suspendWorkspace(workspaceId: string): Promise<void>;
  destroyWorkspace(workspaceId: string): Promise<void>;
  snapshotWorkspace(workspaceId: string): Promise<SnapshotInfo>;
  restoreWorkspace(workspaceId: string, snapshotId: string): Promise<WorkspaceInfo>;
  listFiles(workspaceId: string): Promise<FileEntry[]>;
  /** Content is UTF-8 text, or base64 when the file is not valid UTF-8 (see `encoding`). */
  readFile(workspaceId: string, path: string): Promise<FileContent>;
  writeFile(workspaceId: string, path: string, content: string | Uint8Array): Promise<FileEntry>;
  deleteFile(workspaceId: string, path: string): Promise<void>;
  renameFile(workspaceId: string, from: string, to: string): Promise<void>;
  exec(workspaceId: string, request: ExecRequest): Promise<ExecResult>;
  runTests(workspaceId: string, request?: RunTestsRequest): Promise<TestRunResult>;
  /** Opens a terminal, or reattaches to `ptyId` (output written while detached is replayed). */
  openTerminal(workspaceId: string, options: { cols: number; rows: number; ptyId?: string }): Promise<TerminalConnection>;
  /** Change stream: batches of { path, kind: created | modified | deleted }. */
  watchFiles(workspaceId: string): Promise<FileEventsConnection>;
  /** Runs a known-good test of `language` in a throwaway workspace: can code run now? */
  checkCodeRuns(request: CodeCheckRequest): Promise<CodeCheckResult>;
}

/**
 * Exec, test runs and workspace lifecycle calls wait for candidate code (up to the 120 s run
 * limit) or for a provider to start a machine; everything else answers in well under a second.
 */
const SLOW_CALL_TIMEOUT_MS = 180_000;

export function createSandboxClient(options: SandboxClientOptions): SandboxClient {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const context: RequestContext = {
    baseUrl: options.baseUrl,
    fetch: fetchImpl,
    token: tokenSource(options.auth),
    requestId: () => options.requestId?.() ?? newRequestId(),
  };
  const call = <S extends z.ZodType>(method: HttpMethod, path: string, request: Parameters<typeof requestJson<S>>[3]) => requestJson<S>(context, method, path, request);
  const slow = { timeoutMs: SLOW_CALL_TIMEOUT_MS };

  const socketUrl = async (path: string, query: Record<string, string>) => {
    const url = new URL(path, options.baseUrl);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    url.searchParams.set("access_token", await context.token());
    return url.toString();
  };
  const WebSocketImpl = (): WebSocketConstructor => {
    const impl = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!impl) throw new Error("no WebSocket implementation: pass { WebSocket } from the 'ws' package");
    return impl;
  };

  return {
    health: () => call("GET", ROUTES.health, { schema: HealthResponseSchema, auth: false }),
    metrics: () => call("GET", ROUTES.metrics, { schema: MetricsResponseSchema }),
    createWorkspace: (request) => call("POST", ROUTES.workspaces, { body: request, schema: WorkspaceInfoSchema, ...slow }),
    recreateWorkspace: (id, request) => call("PUT", ROUTES.workspace(id), { body: request, schema: WorkspaceInfoSchema, ...slow }),
    getWorkspace: (id) => call("GET", ROUTES.workspace(id), { schema: WorkspaceInfoSchema }),
    resumeWorkspace: (id) => call("POST", ROUTES.resume(id), { schema: WorkspaceInfoSchema, ...slow }),
    suspendWorkspace: async (id) => void (await call("POST", ROUTES.suspend(id), { schema: null, ...slow })),
    destroyWorkspace: async (id) => void (await call("DELETE", ROUTES.workspace(id), { schema: null, ...slow })),
    snapshotWorkspace: (id) => call("POST", ROUTES.snapshots(id), { schema: SnapshotInfoSchema, ...slow }),
    restoreWorkspace: (id, snapshotId) => call("POST", ROUTES.restore(id), { body: { snapshotId }, schema: WorkspaceInfoSchema, ...slow }),
    listFiles: async (id) => (await call("GET", ROUTES.files(id), { schema: ListFilesResponseSchema })).files,
    readFile: (id, path) => call("GET", ROUTES.file(id), { query: { path }, schema: FileContentSchema }),
    writeFile: (id, path, content) =>
      call("PUT", ROUTES.file(id), {
        body: typeof content === "string" ? { path, content, encoding: "utf8" } : { path, content: toBase64(content), encoding: "base64" },
        schema: FileEntrySchema,
      }),
    deleteFile: async (id, path) => void (await call("DELETE", ROUTES.file(id), { query: { path }, schema: null })),
    renameFile: async (id, from, to) => void (await call("POST", ROUTES.rename(id), { body: { from, to }, schema: null })),
    exec: (id, request) => call("POST", ROUTES.exec(id), { body: request, schema: ExecResultSchema, ...slow }),
    runTests: (id, request = {}) => call("POST", ROUTES.tests(id), { body: request, schema: TestRunResultSchema, ...slow }),
    openTerminal: async (id, { cols, rows, ptyId }) => {
      const query: Record<string, string> = { cols: String(cols), rows: String(rows), ...(ptyId ? { ptyId } : {}) };
      return attachTerminal(connectSocket(WebSocketImpl(), await socketUrl(ROUTES.pty(id), query)));
    },
    watchFiles: async (id) => attachFileEvents(connectSocket(WebSocketImpl(), await socketUrl(ROUTES.events(id), {}))),
    checkCodeRuns: (request) => call("POST", ROUTES.codeCheck, { body: request, schema: CodeCheckResultSchema, ...slow }),
  };
}

/** Signs tokens lazily and reuses each until most of its lifetime has passed. */
function tokenSource(auth: SandboxClientAuth): () => Promise<string> {
  if ("token" in auth) return async () => auth.token();
  const ttlSeconds = auth.ttlSeconds ?? 300;
  let cached: { token: string; renewAt: number } | null = null;
  return async () => {
    if (!cached || Date.now() >= cached.renewAt) {
      const token = await signServiceToken({ secret: auth.secret, subject: auth.subject, workspaceId: auth.workspaceId, ttlSeconds });
      cached = { token, renewAt: Date.now() + ttlSeconds * 800 };
    }
    return cached.token;
  };
}
