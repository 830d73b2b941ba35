import {
  CodeCheckRequestSchema,
  CreateWorkspaceRequestSchema,
  ExecRequestSchema,
  RenameFileRequestSchema,
  RestoreSnapshotRequestSchema,
  RunTestsRequestSchema,
  SandboxError,
  type SandboxProvider,
  WriteFileRequestSchema,
  decodeFileInput,
  encodeFileContent,
} from "@interviewlm/sandbox";
import type { CodeChecks } from "../code-checks.ts";
import type { ServiceMetrics } from "../metrics.ts";

// HTTP adapters: parse with the shared schema, call the provider, return the result.

export interface RouteContext {
  workspaceId: string;
  query: URLSearchParams;
  body(): Promise<unknown>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** A workspace the request created, to start tracking its activity. */
  createdWorkspaceId?: string;
}

export interface Route {
  method: string;
  /** Matched against the path; the named group "id" is the workspace. */
  pattern: RegExp;
  handle(context: RouteContext): Promise<RouteResult>;
}

const ok = (body: unknown): RouteResult => ({ status: 200, body });
const created = (body: unknown): RouteResult => ({ status: 201, body });
const noContent: RouteResult = { status: 204 };
const ws = (suffix: string) => new RegExp(`^/v1/workspaces/(?<id>[^/]+)${suffix}$`);

function requiredPath(query: URLSearchParams): string {
  const path = query.get("path");
  if (path === null) throw new SandboxError("INVALID_REQUEST", "query parameter 'path' is required");
  return path;
}

export function sandboxRoutes(provider: SandboxProvider, metrics: ServiceMetrics, apiFileBytes: number, codeChecks: CodeChecks): Route[] {
  return [
    {
      method: "POST",
      pattern: /^\/v1\/checks\/code$/,
      handle: async (c) => ok(await codeChecks.run(CodeCheckRequestSchema.parse(await c.body()).language)),
    },
    {
      method: "POST",
      pattern: /^\/v1\/workspaces$/,
      handle: async (c) => {
        const workspace = await provider.createWorkspace(CreateWorkspaceRequestSchema.parse(await c.body()));
        return { ...created(workspace), createdWorkspaceId: workspace.id };
      },
    },
    {
      method: "PUT",
      pattern: ws(""),
      handle: async (c) => {
        const workspace = await provider.createWorkspace(CreateWorkspaceRequestSchema.parse(await c.body()), { id: c.workspaceId });
        return { ...created(workspace), createdWorkspaceId: workspace.id };
      },
    },
    { method: "GET", pattern: ws(""), handle: async (c) => ok(await provider.getWorkspace(c.workspaceId)) },
    { method: "DELETE", pattern: ws(""), handle: async (c) => (await provider.destroyWorkspace(c.workspaceId), noContent) },
    { method: "POST", pattern: ws("/resume"), handle: async (c) => ok(await provider.resumeWorkspace(c.workspaceId)) },
    { method: "POST", pattern: ws("/suspend"), handle: async (c) => (await provider.suspendWorkspace(c.workspaceId), noContent) },
    { method: "POST", pattern: ws("/snapshots"), handle: async (c) => created(await provider.snapshotWorkspace(c.workspaceId)) },
    {
      method: "POST",
      pattern: ws("/restore"),
      handle: async (c) => ok(await provider.restoreWorkspace(c.workspaceId, RestoreSnapshotRequestSchema.parse(await c.body()).snapshotId)),
    },
    { method: "GET", pattern: ws("/files"), handle: async (c) => ok({ files: await provider.listFiles(c.workspaceId) }) },
    {
      method: "GET",
      pattern: ws("/file"),
      handle: async (c) => {
        const { content, entry } = await provider.readFile(c.workspaceId, requiredPath(c.query));
        return ok({ path: entry.path, ...encodeFileContent(content), size: entry.size, mtimeMs: entry.mtimeMs });
      },
    },
    {
      method: "PUT",
      pattern: ws("/file"),
      handle: async (c) => {
        const file = decodeFileInput(WriteFileRequestSchema.parse(await c.body()), apiFileBytes);
        return ok(await provider.writeFile(c.workspaceId, file.path, file.content));
      },
    },
    { method: "DELETE", pattern: ws("/file"), handle: async (c) => (await provider.deleteFile(c.workspaceId, requiredPath(c.query)), noContent) },
    {
      method: "POST",
      pattern: ws("/rename"),
      handle: async (c) => {
        const { from, to } = RenameFileRequestSchema.parse(await c.body());
        await provider.renameFile(c.workspaceId, from, to);
        return noContent;
      },
    },
    {
      method: "POST",
      pattern: ws("/exec"),
      handle: async (c) => {
        const request = ExecRequestSchema.parse(await c.body());
        return ok(await metrics.countRun("exec", () => provider.exec(c.workspaceId, request)));
      },
    },
    {
      method: "POST",
      pattern: ws("/tests"),
      handle: async (c) => {
        const request = RunTestsRequestSchema.parse(await c.body());
        return ok(await metrics.countRun("tests", () => provider.runTests(c.workspaceId, request)));
      },
    },
  ];
}
