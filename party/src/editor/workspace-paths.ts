// Which sandbox files belong in the editor. Tool output (caches, dependencies, VCS metadata)
// would flood the file tree and the recording, and binary or very large files cannot be
// edited as text.
import type { FileEntry } from "@interviewlm/sandbox/client";
import { MAX_EDITOR_FILE_BYTES } from "../limits.ts";

const IGNORED_SEGMENTS = new Set([".git", "node_modules", "__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", ".venv", "venv", ".cache", ".npm"]);

export function isIgnoredPath(path: string): boolean {
  return path.split("/").some((segment) => IGNORED_SEGMENTS.has(segment));
}

export function isEditorCandidate(entry: Pick<FileEntry, "path" | "type" | "size">): boolean {
  return entry.type === "file" && entry.size <= MAX_EDITOR_FILE_BYTES && !isIgnoredPath(entry.path);
}
