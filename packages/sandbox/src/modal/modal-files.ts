import type { Sandbox } from "modal";
import type { FileEntry } from "../api/schemas.ts";
import { SandboxError } from "../errors.ts";
import { normalizeWorkspacePath } from "../workspace-path.ts";
import { fromModalError } from "./modal-errors.ts";

// Workspace files in a Modal sandbox, through Modal's filesystem API plus `find`/`mv` where
// the API has no equivalent (recursive listing with sizes and mtimes, rename). Links inside a
// Modal sandbox can only reach the sandbox's own filesystem, so following them leaks nothing.

export const WORKSPACE_ROOT = "/workspace";
const decoder = new TextDecoder();

const absolute = (path: string) => `${WORKSPACE_ROOT}/${normalizeWorkspacePath(path)}`;

export async function listModalFiles(sandbox: Sandbox): Promise<FileEntry[]> {
  const process = await sandbox.exec(["find", WORKSPACE_ROOT, "-mindepth", "1", "-printf", "%y\\t%s\\t%T@\\t%P\\0"], { mode: "binary" });
  const [output, exitCode] = await Promise.all([process.stdout.readBytes(), process.wait()]);
  if (exitCode !== 0) throw new SandboxError("PROVIDER_FAILURE", `listing files failed: ${decoder.decode(await process.stderr.readBytes())}`);
  const entries: FileEntry[] = [];
  for (const record of decoder.decode(output).split("\0")) {
    const [kind, size, mtime, path] = record.split("\t");
    if (!kind || path === undefined || path === "") continue;
    const type = kind === "d" ? "directory" : kind === "l" ? "symlink" : "file";
    entries.push({ path, type, size: type === "directory" ? 0 : Number(size), mtimeMs: Math.round(Number(mtime) * 1000) });
  }
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export async function readModalFile(sandbox: Sandbox, path: string, maxBytes: number): Promise<{ content: Uint8Array; entry: FileEntry }> {
  const target = absolute(path);
  const normalized = normalizeWorkspacePath(path);
  try {
    const info = await sandbox.filesystem.stat(target);
    if (info.type === "directory") throw new SandboxError("NOT_A_FILE", `"${normalized}" is a directory`);
    if (info.size > maxBytes) throw new SandboxError("FILE_TOO_LARGE", `"${normalized}" is ${info.size} bytes; the file API reads at most ${maxBytes}`);
    const content = await sandbox.filesystem.readBytes(target);
    return { content, entry: { path: normalized, type: "file", size: content.byteLength, mtimeMs: info.modifiedTime * 1000 } };
  } catch (error) {
    throw fromModalError(error, normalized);
  }
}

export async function writeModalFile(sandbox: Sandbox, path: string, content: Uint8Array, maxBytes: number): Promise<FileEntry> {
  const normalized = normalizeWorkspacePath(path);
  if (content.byteLength > maxBytes) throw new SandboxError("FILE_TOO_LARGE", `"${normalized}" is ${content.byteLength} bytes; the file API accepts at most ${maxBytes}`);
  try {
    await sandbox.filesystem.writeBytes(content, absolute(normalized));
    const info = await sandbox.filesystem.stat(absolute(normalized));
    return { path: normalized, type: "file", size: info.size, mtimeMs: info.modifiedTime * 1000 };
  } catch (error) {
    throw fromModalError(error, normalized);
  }
}

export async function deleteModalFile(sandbox: Sandbox, path: string): Promise<void> {
  const normalized = normalizeWorkspacePath(path);
  try {
    await sandbox.filesystem.remove(absolute(normalized), { recursive: true });
  } catch (error) {
    throw fromModalError(error, normalized);
  }
}

export async function renameModalFile(sandbox: Sandbox, from: string, to: string): Promise<void> {
  const source = absolute(from);
  const target = absolute(to);
  if (`${target}/`.startsWith(`${source}/`)) throw new SandboxError("INVALID_PATH", `cannot move "${from}" into itself`);
  const script = '[ -e "$1" ] || [ -L "$1" ] || exit 3; [ -e "$2" ] || [ -L "$2" ] && exit 4; mkdir -p "$(dirname "$2")" && mv -T -- "$1" "$2"';
  const process = await sandbox.exec(["/bin/sh", "-c", script, "rename", source, target]);
  const exitCode = await process.wait();
  if (exitCode === 3) throw new SandboxError("FILE_NOT_FOUND", `"${normalizeWorkspacePath(from)}" does not exist`);
  if (exitCode === 4) throw new SandboxError("ALREADY_EXISTS", `"${normalizeWorkspacePath(to)}" already exists`);
  if (exitCode !== 0) throw new SandboxError("PROVIDER_FAILURE", `rename failed: ${await process.stderr.readText()}`);
}
