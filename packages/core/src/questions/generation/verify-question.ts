// One round of verification in the real sandbox (docs/decisions/0151), with the evaluation's
// view of the tests (visible in the workspace, hidden injected) as the curated bank's checks:
// the wrong solutions and mutants go through bank-check's runVariant / mutationScore, the
// reference and starter through the same workspace files the bank's verification test uses.
// A later check is skipped when an earlier one already failed in a way that makes it
// meaningless (mutants of a broken reference say nothing about the tests).
import { mutantVariant, referenceMutants, type Variant } from "../bank-check/variants.ts";
import { mutationScore, runPool, runVariant, wrongSolutionCaught, type VariantSandbox } from "../bank-check/check-variants.ts";
import { sampleMutants } from "../bank-check/mutants.ts";
import type { QuestionDefinition, QuestionFile } from "../schemas.ts";
import { questionTestFiles, questionWorkspaceFiles, referenceWorkspaceFiles } from "../workspace-files.ts";
import { scanTestsForNondeterminism } from "./determinism-scan.ts";
import { InvalidAnswerError } from "./model-call.ts";
import type { CheckResult, FailingTest, RunSummary, VariantSummary } from "./verification-report.ts";

/** The sandbox as the generator uses it: bank-check's variant sandbox, with messages and outputs read when present. */
export interface GenerationSandbox extends VariantSandbox {
  runTests(
    workspaceId: string,
    request: { hiddenTests: QuestionFile[]; timeoutMs?: number },
  ): Promise<{
    status: string;
    summary: string;
    durationMs?: number;
    compileOutput?: string | null;
    stderr?: string;
    tests: { name: string; file: string | null; status: string; hidden: boolean; message?: string | null }[];
  }>;
}

export interface VerifyOptions {
  sandbox: GenerationSandbox;
  /** A run still going after this is stopped and counts as failed: the question's time limit. */
  runTimeoutMs: number;
  /** Mechanical mutants sampled per round (deterministic per seed). */
  mutantsPerRound: number;
  /** The kill rate floor over the non-stillborn mutants (every wrong solution must be caught regardless). */
  killRateFloor: number;
  concurrency: number;
  seed: string;
  /** Called before each stage; throws to stop (cancellation). */
  beforeStage: (stage: string, detail: string) => Promise<void>;
  /** Called with each finished check. */
  afterCheck: (check: CheckResult) => Promise<void>;
}

export const REFERENCE_RUNS = 3;

export async function verifyQuestion(
  options: VerifyOptions,
  question: QuestionDefinition,
  wrong: readonly { name: string; files: QuestionFile[] }[],
  independentSolve: (() => Promise<QuestionFile[]>) | null,
): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  const record = async (check: CheckResult) => {
    checks.push(check);
    await options.afterCheck(check);
  };
  const skip = (check: CheckResult["check"], why: string): CheckResult => ({ check, status: "skipped", summary: why, evidence: [] });

  await options.beforeStage("determinism-scan", "Scanning the tests for network, clock and randomness");
  const findings = scanTestsForNondeterminism(question.language, [...question.visibleTests, ...question.hiddenTests]);
  await record({
    check: "determinism-scan",
    status: findings.length === 0 ? "passed" : "failed",
    summary: findings.length === 0 ? "No network, clock or unseeded randomness in the tests." : `${findings.length} nondeterministic call(s) in the tests.`,
    evidence: findings.map((f) => `Nondeterministic test: ${f.file}:${f.line} uses ${f.what}: \`${f.text}\`. Tests must depend only on the candidate's code.`),
    findings,
  });

  await options.beforeStage("reference", `Running the reference solution ${REFERENCE_RUNS} times`);
  const hiddenTests = questionTestFiles(question, "VISIBLE", { includeHidden: true });
  const referenceRuns: RunSummary[] = [];
  const perTest: Map<string, string>[] = [];
  for (let run = 1; run <= REFERENCE_RUNS; run++) {
    const { summary, statuses } = await runOnce(options, question, referenceWorkspaceFiles(question), hiddenTests, `reference run ${run}`);
    referenceRuns.push(summary);
    perTest.push(statuses);
  }
  const flaky = flakyTests(perTest);
  const referenceEvidence = [
    ...referenceRuns.filter((r) => r.status !== "passed").flatMap((r) => failureEvidence("The reference solution", r)),
    ...flaky.map((f) => `Flaky test: ${f.name} gave ${f.results.join(" / ")} in ${REFERENCE_RUNS} runs of the same reference solution. Tests must give the same result every run.`),
  ];
  const referenceOk = referenceRuns.every((r) => r.status === "passed" && r.total > 0) && flaky.length === 0;
  const reference: CheckResult = {
    check: "reference",
    status: referenceOk ? "passed" : "failed",
    summary: referenceOk
      ? `Passed ${referenceRuns[0]!.total} tests in each of ${REFERENCE_RUNS} runs with identical results.`
      : flaky.length > 0
        ? `Flaky: ${flaky.length} test(s) changed result between runs.`
        : `Failed: ${referenceRuns.map((r) => `${r.passed}/${r.total}`).join(", ")} passed.`,
    evidence: referenceEvidence.length > 0 ? referenceEvidence : referenceOk ? [] : ["The reference solution's run found no tests."],
    runs: referenceRuns,
  };
  await record(reference);

  await options.beforeStage("starter", "Running the starter code");
  const starter = (await runOnce(options, question, questionWorkspaceFiles(question, "VISIBLE"), hiddenTests, "starter")).summary;
  const starterOk = starter.status !== "passed";
  await record({
    check: "starter",
    status: starterOk ? "passed" : "failed",
    summary: starterOk ? `The starter fails (${starter.passed}/${starter.total} tests pass).` : "The starter already passes every test.",
    evidence: starterOk ? [] : ["The starter files already pass every visible and hidden test: the starter must not be a solution."],
    runs: [starter],
  });

  if (!referenceOk) {
    await record(skip("wrong-solutions", "Skipped: mutants of a reference that fails its own tests say nothing about the tests."));
    await record(skip("independent-solve", "Skipped until the reference passes."));
    return checks;
  }

  const mutants = sampleMutants(referenceMutants(question), options.mutantsPerRound, options.seed);
  await options.beforeStage("wrong-solutions", `Running ${wrong.length} wrong solutions and ${mutants.length} mutants of the reference`);
  const variants: Variant[] = [
    ...wrong.map((w) => ({ kind: "wrong" as const, id: w.name, files: overlay(referenceWorkspaceFiles(question), w.files) })),
    ...mutants.map((m) => mutantVariant(question, m)),
  ];
  const outcomes = new Map<string, Awaited<ReturnType<typeof runVariant>>>();
  await runPool(variants, options.concurrency, async (variant) => {
    outcomes.set(`${variant.kind}:${variant.id}`, await runVariant(options.sandbox, question, variant, options.runTimeoutMs));
  });
  const ordered = variants.map((v) => outcomes.get(`${v.kind}:${v.id}`)!);
  const score = mutationScore(ordered);
  const wrongOutcomes = ordered.filter((o) => o.variant.kind === "wrong");
  const wrongMissed = wrongOutcomes.filter((o) => !wrongSolutionCaught(o));
  const killOk = wrongMissed.length === 0 && score.score >= options.killRateFloor;
  const summaries: VariantSummary[] = ordered.map((o) => ({
    kind: o.variant.kind,
    id: o.variant.id,
    status: o.status,
    caught: o.variant.kind === "wrong" ? wrongSolutionCaught(o) : o.killed && !o.stillborn,
    stillborn: o.stillborn,
    failedHidden: o.failedHidden,
  }));
  const wrongById = new Map(wrong.map((w) => [w.name, w]));
  await record({
    check: "wrong-solutions",
    status: killOk ? "passed" : "failed",
    summary: `Wrong solutions caught ${wrongOutcomes.length - wrongMissed.length}/${wrongOutcomes.length}; mutants killed ${score.killed}/${score.run - score.stillborn} (${Math.round(score.score * 100)} %, floor ${Math.round(options.killRateFloor * 100)} %).`,
    evidence: [
      ...wrongMissed.map((o) => `Weak tests: the wrong solution "${o.variant.id}" (${o.status}) failed no hidden test. Its files:\n${(wrongById.get(o.variant.id)?.files ?? []).map((f) => `--- ${f.path}\n${f.content}`).join("\n")}`),
      ...(score.score < options.killRateFloor ? score.survivors.map((id) => `Weak tests: the mutant ${id} of the reference passed every hidden test.`) : []),
    ],
    variants: summaries,
    killRate: { mutantsRun: score.run, mutantsKilled: score.killed, stillborn: score.stillborn, score: score.score, floor: options.killRateFloor, wrongCaught: wrongOutcomes.length - wrongMissed.length, wrongTotal: wrongOutcomes.length },
  });

  if (!independentSolve) {
    await record(skip("independent-solve", "Skipped: a recruiter's edit is checked against the sandbox only."));
    return checks;
  }
  if (checks.some((c) => c.status === "failed")) {
    await record(skip("independent-solve", "Skipped until the other checks pass (it costs a model call)."));
    return checks;
  }
  await options.beforeStage("independent-solve", "A fresh model solves the question from the statement alone");
  let solution: QuestionFile[];
  try {
    solution = await independentSolve();
  } catch (error) {
    if (!(error instanceof InvalidAnswerError)) throw error;
    await record({ check: "independent-solve", status: "failed", summary: "The independent solver never answered in the expected form.", evidence: [`The independent solve could not be checked: ${error.problem}`] });
    return checks;
  }
  const solved = (await runOnce(options, question, overlay(questionWorkspaceFiles(question, "VISIBLE"), solution), hiddenTests, "independent solve")).summary;
  const solveOk = solved.status === "passed";
  await record({
    check: "independent-solve",
    status: solveOk ? "passed" : "failed",
    summary: solveOk ? "A solution written from the statement alone passes every hidden test." : `Ambiguous statement: a solution written from the statement alone passed ${solved.passed}/${solved.total}.`,
    evidence: solveOk ? [] : failureEvidence("Ambiguous statement: a solution written from the statement, starter and visible tests alone (not your reference)", solved),
    runs: [solved],
  });
  return checks;
}

async function runOnce(options: VerifyOptions, question: QuestionDefinition, files: QuestionFile[], hiddenTests: QuestionFile[], label: string): Promise<{ summary: RunSummary; statuses: Map<string, string> }> {
  const workspace = await options.sandbox.createWorkspace({ language: question.language, files, label: `${question.slug} ${label}` });
  try {
    const run = await options.sandbox.runTests(workspace.id, { hiddenTests, timeoutMs: options.runTimeoutMs });
    const failing: FailingTest[] = run.tests.filter((t) => t.status !== "passed").map((t) => ({ name: t.name, hidden: t.hidden, status: t.status, message: t.message?.slice(0, 800) ?? null }));
    return {
      summary: {
        label,
        status: run.status,
        summary: run.summary,
        passed: run.tests.filter((t) => t.status === "passed").length,
        total: run.tests.length,
        durationMs: Math.round(run.durationMs ?? 0),
        failing,
        output: (run.compileOutput || run.stderr || "").slice(0, 2000),
      },
      statuses: new Map(run.tests.map((t) => [`${t.file ?? ""}::${t.name}`, t.status])),
    };
  } finally {
    await options.sandbox.destroyWorkspace(workspace.id);
  }
}

/** Tests whose result differs between runs of the same code (a test missing from a run counts as "missing"). */
function flakyTests(runs: readonly Map<string, string>[]): { name: string; results: string[] }[] {
  const names = new Set(runs.flatMap((r) => [...r.keys()]));
  return [...names]
    .map((name) => ({ name: name.split("::").pop()!, results: runs.map((r) => r.get(name) ?? "missing") }))
    .filter((t) => new Set(t.results).size > 1);
}

function failureEvidence(who: string, run: RunSummary): string[] {
  if (run.failing.length === 0) return [`${who} did not pass (${run.status}): ${run.summary}${run.output ? `\n${run.output}` : ""}`];
  return run.failing.map((t) => `${who} failed ${t.hidden ? "hidden" : "visible"} test ${t.name} (${t.status})${t.message ? `: ${t.message}` : ""}`);
}

function overlay(base: readonly QuestionFile[], over: readonly QuestionFile[]): QuestionFile[] {
  const byPath = new Map(base.map((file) => [file.path, file]));
  for (const file of over) byPath.set(file.path, file);
  return [...byPath.values()];
}
