// File operations on the shared workspace map. Creating, renaming and deleting a file is an
// edit of `files`; the room mirrors it to the sandbox. Y types cannot be moved between keys,
// so a rename copies the text into a new Y.Text inside one transaction (one update).
import * as Y from "yjs";

export const MAX_PATH_LENGTH = 1024;

/** A reason the path cannot be used, or null when it can. Paths are relative, "/"-separated. */
export function pathProblem(path: string, existing: Iterable<string>): string | null {
  if (!path) return "Enter a file name.";
  if (path.length > MAX_PATH_LENGTH) return `Keep the path under ${MAX_PATH_LENGTH} characters.`;
  if (path.startsWith("/")) return "Use a path inside the workspace (no leading /).";
  if (path.endsWith("/")) return "End the path with a file name.";
  if (path.includes("\\")) return "Use / between folders.";
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return "The name contains a control character.";
  const segments = path.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return "Folders cannot be empty, . or ..";
  if (segments[0] === ".git") return "The .git folder is managed by git.";
  const lower = path.toLowerCase();
  for (const other of existing) {
    if (other === path) return "A file with that name already exists.";
    if (other.startsWith(`${path}/`)) return "A folder with that name already exists.";
    if (path.startsWith(`${other}/`)) return `${other} is a file, not a folder.`;
    // Sandboxes may run on case-insensitive filesystems (macOS dev machines).
    if (other.toLowerCase() === lower) return `That name differs from ${other} only by case.`;
  }
  return null;
}

/** Trims spaces around the name and around each "/" (a common typo: "src/ main.py"). */
export function normalizePath(input: string): string {
  return input
    .split("/")
    .map((segment) => segment.trim())
    .join("/")
    .replace(/^\.\//, "");
}

export function createFile(files: Y.Map<Y.Text>, path: string, content = ""): void {
  files.set(path, new Y.Text(content));
}

export function renameFile(files: Y.Map<Y.Text>, from: string, to: string): void {
  const text = files.get(from);
  if (!text || from === to) return;
  const run = () => {
    const content = text.toString();
    files.delete(from);
    files.set(to, new Y.Text(content));
  };
  if (files.doc) files.doc.transact(run);
  else run();
}

export function deleteFile(files: Y.Map<Y.Text>, path: string): void {
  files.delete(path);
}

/** Paths sorted as a tree reads: folders' contents together, case-insensitively. */
export function sortedPaths(paths: Iterable<string>): string[] {
  return [...paths].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base", numeric: true }));
}
