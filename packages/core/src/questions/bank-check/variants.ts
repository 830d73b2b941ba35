import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { QuestionDefinition, QuestionFile } from "../schemas.ts";
import { referenceWorkspaceFiles } from "../workspace-files.ts";
import { mutantsOf, type Mutant } from "./mutants.ts";

// The variants a question's tests must reject: plausible-but-wrong solutions written by hand
// (`wrong/<name>/`, beside `solution/`, laid over the solved workspace: a file with the same
// path replaces the reference's) and mechanical mutants of the reference. Questions generated
// later bring their own wrong solutions in the same shape.

export interface Variant {
  kind: "wrong" | "mutant";
  /** The wrong solution's folder name, or the mutant's id. */
  id: string;
  /** The whole workspace of this variant (starter + reference + visible tests, with the change). */
  files: QuestionFile[];
}

export interface EquivalentMutant {
  id: string;
  reason: string;
}

/** `mutation.json` beside `question.json`: mutants that cannot be told apart from the reference. */
export const MutationConfigSchema = z.strictObject({
  equivalent: z.array(z.strictObject({ id: z.string().min(1), reason: z.string().min(10, "Say why the mutant behaves like the reference.") })).default([]),
});

export function readMutationConfig(questionDir: string): { equivalent: EquivalentMutant[] } {
  const path = join(questionDir, "mutation.json");
  if (!existsSync(path)) return { equivalent: [] };
  const parsed = MutationConfigSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success) throw new Error(`${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Hand-written wrong solutions under `<questionDir>/wrong/<name>/`, each as a whole workspace. */
export function wrongSolutions(question: QuestionDefinition, questionDir: string): Variant[] {
  const root = join(questionDir, "wrong");
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ kind: "wrong" as const, id: name, files: overlay(referenceWorkspaceFiles(question), readFiles(join(root, name))) }));
}

/** Every mechanical mutant of the reference solution's files. */
export function referenceMutants(question: QuestionDefinition): Mutant[] {
  return question.referenceSolution.flatMap((file) => mutantsOf(question.language, file.path, file.content));
}

export function mutantVariant(question: QuestionDefinition, mutant: Mutant): Variant {
  return { kind: "mutant", id: mutant.id, files: overlay(referenceWorkspaceFiles(question), [{ path: mutant.path, content: mutant.content }]) };
}

function overlay(base: readonly QuestionFile[], over: readonly QuestionFile[]): QuestionFile[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const file of over) byPath.set(file.path, file);
  return [...byPath.values()];
}

function readFiles(root: string): QuestionFile[] {
  const files: QuestionFile[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "__pycache__") continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (statSync(join(dir, entry.name)).isDirectory()) walk(join(dir, entry.name), path);
      else files.push({ path, content: readFileSync(join(dir, entry.name), "utf8") });
    }
  };
  walk(root, "");
  return files;
}
