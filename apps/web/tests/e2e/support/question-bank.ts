// Reads the curated bank from disk, so a test can act on whichever question it was served.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bankDir = fileURLToPath(new URL("../../../../../prisma/seed/questions", import.meta.url));

export interface BankQuestion {
  slug: string;
  title: string;
  /** The reference solution's files (workspace-relative path → content). */
  solution: { path: string; content: string }[];
}

function filesUnder(dir: string, prefix = ""): { path: string; content: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`)
      : [{ path: `${prefix}${entry.name}`, content: readFileSync(join(dir, entry.name), "utf8") }],
  );
}

export function questionByTitle(title: string): BankQuestion {
  for (const slug of readdirSync(bankDir)) {
    const meta = JSON.parse(readFileSync(join(bankDir, slug, "question.json"), "utf8")) as { title: string };
    if (meta.title === title) return { slug, title, solution: filesUnder(join(bankDir, slug, "solution")) };
  }
  throw new Error(`No question titled "${title}" in the bank`);
}
