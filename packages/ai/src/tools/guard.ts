// What the agent must never reach: the question's secret (injected) test files. They are never
// listed, read or written through the tools — a secret path answers exactly like a missing one —
// and their paths and content are cut out of anything a command or test run prints. In the room
// the files never enter the workspace at all (docs/decisions/0030); this is the second wall.
import { normalizeWorkspacePath } from "./paths.ts";

export const WITHHELD = "[withheld]";

/** Lines shorter than this are too common ("}", "import pytest") to withhold without mangling output. */
const MIN_WITHHELD_LINE = 12;

export interface SecretFile {
  path: string;
  content: string;
}

export class SecretGuard {
  private readonly paths: Set<string>;
  private readonly lines: string[];

  constructor(secrets: readonly SecretFile[]) {
    this.paths = new Set(secrets.map((file) => normalizeWorkspacePath(file.path) ?? file.path));
    const lines = new Set<string>();
    for (const file of secrets) {
      for (const raw of file.content.split("\n")) {
        const line = raw.trim();
        if (line.length >= MIN_WITHHELD_LINE) lines.add(line);
      }
    }
    // Longest first, so a line containing a shorter one is withheld whole.
    this.lines = [...lines].sort((a, b) => b.length - a.length);
  }

  isSecret(path: string): boolean {
    return this.paths.has(path);
  }

  /** Removes secret paths (and their file names) and secret lines from text. */
  redact(text: string): string {
    let out = text;
    for (const line of this.lines) if (out.includes(line)) out = out.split(line).join(WITHHELD);
    for (const path of this.paths) {
      for (const needle of new Set([path, path.split("/").pop()!])) {
        if (needle.length >= 4 && out.includes(needle)) out = out.split(needle).join(WITHHELD);
      }
    }
    return out;
  }
}
