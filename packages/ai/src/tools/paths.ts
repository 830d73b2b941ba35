// Tool paths are the model's input: only plain workspace-relative paths are accepted.

/** "./src//a.py" → "src/a.py"; null for absolute paths, "..", NUL, backslashes or empty. */
export function normalizeWorkspacePath(raw: string): string | null {
  if (raw.includes("\0") || raw.includes("\\") || raw.startsWith("/") || raw.startsWith("~")) return null;
  const parts: string[] = [];
  for (const part of raw.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") return null;
    parts.push(part);
  }
  return parts.length === 0 ? null : parts.join("/");
}
