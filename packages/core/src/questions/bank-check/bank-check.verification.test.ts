// Keeps the curated bank's tests honest, in the real sandbox: every hand-written wrong solution
// (`wrong/<name>/`) must fail at least one hidden test, and a deterministic sample of mechanical
// mutants of each reference must be caught (score ≥ 95 % of the non-equivalent, loadable ones).
// The sample size is BANK_MUTANTS_PER_QUESTION (default below; "all" runs every mutant, which
// takes far longer — run it when a question's tests change; BANK_CHECK_ONLY=<slug prefix> narrows it). Needs bubblewrap and pytest
// (scripts/system-packages.sh), like question-bank.verification.test.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalProvider } from "@interviewlm/sandbox";
import { LANGUAGE_RUN_FIXTURES } from "@interviewlm/sandbox/language-fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_QUESTION_BANK_DIR, loadQuestionBank } from "../load-question-bank.ts";
import { mutantVariant, readMutationConfig, referenceMutants, wrongSolutions, type Variant } from "./variants.ts";
import { mutationScore, runPool, runVariant, wrongSolutionCaught, type VariantOutcome } from "./check-variants.ts";
import { sampleMutants } from "./mutants.ts";

// Sandbox runs are slow on a shared 2-core machine: two at a time, and a sample per question.
const CONCURRENCY = 2;
const DEFAULT_MUTANTS_PER_QUESTION = 3;
// A variant still running after this is stopped, which counts as failing (a run that did not
// finish never passes); it keeps quadratic wrong solutions from holding CI for the CPU limit.
const RUN_TIMEOUT_MS = 20_000;
// Compiled languages build before any test runs: their limit adds the sandbox contract's build
// allowance, so it ends in the tests — a run cut short in the compiler would list every test as
// failing and count a wrong solution as caught without having run it.
const runTimeoutMs = (language: string) => RUN_TIMEOUT_MS + (LANGUAGE_RUN_FIXTURES.find((fixture) => fixture.language === language)?.buildAllowanceMs ?? 0);
const MIN_SCORE = 0.95;
const SAMPLE_SEED = "bank-check-1";

const perQuestion = process.env.BANK_MUTANTS_PER_QUESTION === "all" ? Number.POSITIVE_INFINITY : Number(process.env.BANK_MUTANTS_PER_QUESTION ?? DEFAULT_MUTANTS_PER_QUESTION);
// BANK_CHECK_ONLY=<slug prefix> checks some questions only (while writing one); CI checks all.
const only = process.env.BANK_CHECK_ONLY ?? "";
const bank = loadQuestionBank().filter((question) => question.slug.startsWith(only)).map((question) => {
  const dir = join(DEFAULT_QUESTION_BANK_DIR, question.slug);
  const { equivalent } = readMutationConfig(dir);
  const all = referenceMutants(question);
  const equivalentIds = new Set(equivalent.map((e) => e.id));
  const candidates = all.filter((m) => !equivalentIds.has(m.id));
  const sample = Number.isFinite(perQuestion) ? sampleMutants(candidates, perQuestion, `${SAMPLE_SEED}:${question.slug}`) : candidates;
  const variants: Variant[] = [...wrongSolutions(question, dir), ...sample.map((m) => mutantVariant(question, m))];
  return { question, equivalent, staleEquivalents: [...equivalentIds].filter((id) => !all.some((m) => m.id === id)), totalMutants: all.length, variants };
});
const outcomes = new Map<string, VariantOutcome[]>();
let provider: LocalProvider | undefined;
let dataDir: string | undefined;
let totalMs = 0;

function printReport(): void {
  const rows = bank.map(({ question, variants, totalMutants, equivalent }) => {
    const results = outcomes.get(question.slug) ?? [];
    const score = mutationScore(results);
    const wrong = results.filter((o) => o.variant.kind === "wrong");
    return [
      question.slug,
      `${score.killed}/${score.run - score.stillborn}`,
      `${(score.score * 100).toFixed(0)}%`,
      `${score.run} of ${totalMutants} (${equivalent.length} equivalent, ${score.stillborn} stillborn)`,
      `${wrong.filter(wrongSolutionCaught).length}/${variants.filter((v) => v.kind === "wrong").length}`,
    ];
  });
  const header = ["question", "killed", "score", "mutants run", "wrong caught"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  const runs = bank.reduce((sum, q) => sum + q.variants.length, 0);
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), `${runs} sandbox runs (concurrency ${CONCURRENCY}) in ${(totalMs / 1000).toFixed(1)}s`].join("\n"));
}

describe("curated bank: wrong solutions and mutants are caught", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "interviewlm-bank-check-"));
    provider = await LocalProvider.start({
      dataDir,
      allowWeakIsolation: process.env.SANDBOX_ALLOW_WEAK_ISOLATION === "1",
      logger: { info: () => undefined, warn: (message) => console.warn(message) },
    });
    const sandbox = provider;
    const jobs = bank.flatMap(({ question, variants }) => variants.map((variant) => ({ question, variant })));
    const started = Date.now();
    await runPool(jobs, CONCURRENCY, async ({ question, variant }) => {
      const outcome = await runVariant(sandbox, question, variant, runTimeoutMs(question.language));
      outcomes.set(question.slug, [...(outcomes.get(question.slug) ?? []), outcome]);
    });
    totalMs = Date.now() - started;
    printReport();
  }, 1_500_000);

  afterAll(async () => {
    await provider?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe.each(bank.map((entry) => [entry.question.slug, entry] as const))("%s", (slug, entry) => {
    it("has at least two wrong solutions, each failing a hidden test", () => {
      const wrong = (outcomes.get(slug) ?? []).filter((o) => o.variant.kind === "wrong");
      expect(wrong.length).toBeGreaterThanOrEqual(2);
      const passing = wrong.filter((o) => !wrongSolutionCaught(o)).map((o) => `${o.variant.id}: ${o.status}, hidden failures ${o.failedHidden.length}`);
      expect(passing).toEqual([]);
    });

    it(`catches at least ${MIN_SCORE * 100}% of the sampled mutants of its reference`, () => {
      const score = mutationScore(outcomes.get(slug) ?? []);
      expect(score.run).toBe(entry.variants.filter((v) => v.kind === "mutant").length);
      expect(score.score, `surviving mutants (list an equivalent one in mutation.json with the reason):\n${score.survivors.join("\n")}`).toBeGreaterThanOrEqual(MIN_SCORE);
    });

    it("lists only equivalent mutants that still exist", () => {
      expect(entry.staleEquivalents).toEqual([]);
    });
  });
});
