import type { QuestionDefinition, QuestionFile } from "../schemas.ts";
import { questionTestFiles } from "../workspace-files.ts";
import type { Variant } from "./variants.ts";

// Runs variants of a question (wrong solutions, mutants) in a sandbox with the evaluation's
// view — visible tests in the workspace, hidden tests injected — and says which were caught.

/** What the check needs from a sandbox; structural, so core does not depend on the sandbox package. */
export interface VariantSandbox {
  createWorkspace(request: { language: QuestionDefinition["language"]; files: QuestionFile[]; label?: string }): Promise<{ id: string }>;
  runTests(workspaceId: string, request: { hiddenTests: QuestionFile[]; timeoutMs?: number }): Promise<{
    status: string;
    summary: string;
    tests: { name: string; file: string | null; status: string; hidden: boolean }[];
  }>;
  destroyWorkspace(workspaceId: string): Promise<unknown>;
}

export interface VariantOutcome {
  variant: Pick<Variant, "kind" | "id">;
  status: string;
  /** The run failed: some test did not pass, or the run did not finish. */
  killed: boolean;
  /** The variant did not even load (compile or collection error): says nothing about the tests. */
  stillborn: boolean;
  /** Hidden tests that did not pass (the sandbox lists tests a stopped run never reached as errors). */
  failedHidden: string[];
  failedVisible: string[];
}

export async function runVariant(sandbox: VariantSandbox, question: QuestionDefinition, variant: Variant, timeoutMs: number): Promise<VariantOutcome> {
  const hiddenTests = questionTestFiles(question, "VISIBLE", { includeHidden: true }).map(({ path, content }) => ({ path, content }));
  const hiddenPaths = new Set(question.hiddenTests.map((f) => f.path));
  const workspace = await sandbox.createWorkspace({ language: question.language, files: variant.files, label: `${question.slug} ${variant.kind}` });
  try {
    const run = await sandbox.runTests(workspace.id, { hiddenTests, timeoutMs });
    const failing = run.tests.filter((t) => t.status !== "passed");
    const failedHidden = failing.filter((t) => t.file !== null && hiddenPaths.has(t.file)).map((t) => t.name);
    return {
      variant: { kind: variant.kind, id: variant.id },
      status: run.status,
      killed: run.status !== "passed",
      stillborn: run.status === "compile_error",
      failedHidden,
      failedVisible: failing.filter((t) => !(t.file !== null && hiddenPaths.has(t.file))).map((t) => t.name),
    };
  } finally {
    await sandbox.destroyWorkspace(workspace.id);
  }
}

export interface MutationScore {
  run: number;
  stillborn: number;
  killed: number;
  survivors: string[];
  /** Killed / (run − stillborn); 1 when nothing countable ran. */
  score: number;
}

export function mutationScore(outcomes: readonly VariantOutcome[]): MutationScore {
  const mutants = outcomes.filter((o) => o.variant.kind === "mutant");
  const counted = mutants.filter((o) => !o.stillborn);
  const killed = counted.filter((o) => o.killed).length;
  return {
    run: mutants.length,
    stillborn: mutants.length - counted.length,
    killed,
    survivors: counted.filter((o) => !o.killed).map((o) => o.variant.id),
    score: counted.length === 0 ? 1 : killed / counted.length,
  };
}

/** A wrong solution is caught when the run says so AND at least one hidden test failed. */
export function wrongSolutionCaught(outcome: VariantOutcome): boolean {
  return outcome.killed && !outcome.stillborn && outcome.failedHidden.length > 0;
}

export { runPool } from "../../shared/pool.ts";
