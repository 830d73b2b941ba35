// The replay's correctness check shared by every end-to-end test that records an interview:
// the files the replay shows at the end of the session equal, byte for byte, every file the
// candidate's sandbox workspace holds then — the same set of paths, the same bytes.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createSandboxClient } from "@interviewlm/sandbox/client";
import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
// The room's own rule for which workspace files the editor holds (and so the recording):
// tool caches and dependencies, binary files and files over the editor's limit are not code.
import { isEditorCandidate } from "../../../../../party/src/editor/workspace-paths.ts";
import { E2E_SECRETS } from "./app-server.ts";
import type { Stack } from "./stack.ts";

type Files = Record<string, string>;

/** A tRPC query over HTTP as the reviewer's browser session (its cookies), superjson-encoded. */
async function query<T>(reviewer: BrowserContext, baseUrl: string, path: string, input: unknown): Promise<T> {
  const url = `${baseUrl}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await reviewer.request.get(url);
  const body = (await response.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (!body.result) throw new Error(`${path} answered ${response.status()}: ${JSON.stringify(body.error)}`);
  return body.result.data.json;
}

/** The files the replay page shows at the very end of the session's timeline. */
export async function replayedFilesAtEnd(reviewer: BrowserContext, baseUrl: string, sessionId: string): Promise<Files> {
  const summary = await query<{ durationMs: number }>(reviewer, baseUrl, "replay.summary", { sessionId });
  const frame = await query<{ files: { path: string; content: string }[] }>(reviewer, baseUrl, "replay.frame", { sessionId, t: summary.durationMs });
  return Object.fromEntries(frame.files.map((f) => [f.path, Buffer.from(f.content, "utf8").toString("base64")]));
}

/** The session's workspace, found by the label the web app gives it (`session:<id>`, start-interview.ts). */
async function workspaceOfSession(sandboxDataDir: string, sessionId: string): Promise<string> {
  const dir = join(sandboxDataDir, "workspaces");
  const matches: { id: string; createdAt: string }[] = [];
  for (const id of await readdir(dir)) {
    const meta = JSON.parse(await readFile(join(dir, id, "meta.json"), "utf8").catch(() => "{}")) as { label?: string | null; createdAt?: string };
    if (meta.label === `session:${sessionId}`) matches.push({ id, createdAt: meta.createdAt ?? "" });
  }
  const newest = matches.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  if (!newest) throw new Error(`no sandbox workspace is labelled session:${sessionId}`);
  return newest.id;
}

/**
 * Every file of the workspace, as base64 of its bytes. Files the editor never holds by design
 * (isEditorCandidate: caches, dependencies, over 512 KiB) are left out and returned apart, so a
 * test can see what the comparison did not cover; a non-UTF-8 file is kept (and must then be
 * missing from the replay, which is a failure worth seeing).
 */
export async function workspaceFiles(stack: Stack, sessionId: string): Promise<{ files: Files; notEditable: string[] }> {
  const sandbox = createSandboxClient({ baseUrl: stack.sandbox.url, auth: { secret: E2E_SECRETS.SANDBOX_SERVICE_SECRET, subject: "e2e replay check" } });
  const workspaceId = await workspaceOfSession(stack.sandbox.dataDir, sessionId);
  const files: Files = {};
  const notEditable: string[] = [];
  for (const entry of await sandbox.listFiles(workspaceId)) {
    if (entry.type !== "file") continue;
    if (!isEditorCandidate(entry)) {
      notEditable.push(entry.path);
      continue;
    }
    const file = await sandbox.readFile(workspaceId, entry.path);
    files[entry.path] = file.encoding === "base64" ? file.content : Buffer.from(file.content, "utf8").toString("base64");
  }
  return { files, notEditable: notEditable.sort() };
}

/** Paths whose bytes differ or that only one side has; empty when the replay ends as the workspace does. */
function differences(replayed: Files, workspace: Files): string[] {
  const paths = [...new Set([...Object.keys(replayed), ...Object.keys(workspace)])].sort();
  return paths.flatMap((path) => {
    if (!(path in replayed)) return [`${path}: in the workspace, not in the replay`];
    if (!(path in workspace)) return [`${path}: in the replay, not in the workspace`];
    if (replayed[path] === workspace[path]) return [];
    const [a, b] = [Buffer.from(replayed[path]!, "base64"), Buffer.from(workspace[path]!, "base64")];
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    return [`${path}: differs at byte ${at} (replay ${a.length} bytes, workspace ${b.length} bytes)`];
  });
}

/**
 * The replay at the end of the session shows exactly the workspace's files. Both sides settle
 * on their own (the room writes edits to the sandbox after a pause, and flushes the recording
 * about once a second), so this waits for them to agree and reports what still differs.
 * Returns the paths compared.
 */
export async function expectReplayEndsAsWorkspace(stack: Stack, reviewer: BrowserContext, sessionId: string): Promise<string[]> {
  let last: string[] = [];
  let compared: string[] = [];
  await expect
    .poll(
      async () => {
        const [replayed, workspace] = await Promise.all([replayedFilesAtEnd(reviewer, stack.web.url, sessionId), workspaceFiles(stack, sessionId)]);
        compared = Object.keys(workspace.files).sort();
        last = differences(replayed, workspace.files);
        return last;
      },
      { timeout: 60_000, interval: 1000, message: "the replay's files at the end should equal the workspace's files" },
    )
    .toEqual([]);
  expect(compared.length, `no files compared (${last.join("; ")})`).toBeGreaterThan(0);
  return compared;
}

/** The id of the candidate's session, from the "Replay" link of the candidates list (as a reviewer reaches it). */
export async function sessionIdOfCandidate(reviewer: BrowserContext, baseUrl: string, candidateName: string): Promise<string> {
  const page = await reviewer.newPage();
  try {
    await page.goto(`${baseUrl}/app/candidates`);
    await page.getByRole("link", { name: `Replay ${candidateName}'s interview` }).click();
    await page.waitForURL(/\/app\/sessions\/[^/]+\/replay/);
    return decodeURIComponent(new URL(page.url()).pathname.split("/")[3]!);
  } finally {
    await page.close();
  }
}
