// Verification by execution: every curated question runs in the real local sandbox.
// The starter must fail its tests (otherwise the question is solved before it starts) and
// the reference solution must pass the visible and the hidden tests (otherwise the question
// is wrong). Needs bubblewrap and python3-pytest (scripts/system-packages.sh).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LocalProvider, type TestRunResult } from "@interviewlm/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runPool } from "../shared/pool.ts";
import { loadQuestionBank } from "./load-question-bank.ts";
import type { QuestionDefinition } from "./schemas.ts";
import { questionTestFiles, questionWorkspaceFiles, referenceWorkspaceFiles } from "./workspace-files.ts";

// Each run is limited to one core; three at once keep a 2-core CI machine busy without
// starving the performance-sensitive hidden tests.
const CONCURRENCY = 3;
const RUN_TIMEOUT_MS = 60_000;

interface Verdict {
  starter: TestRunResult;
  reference: TestRunResult;
  wallMs: number;
}

// BANK_CHECK_ONLY=<slug prefix> verifies some questions only (while writing one), as the bank check; CI verifies all.
const bank = loadQuestionBank().filter((question) => question.slug.startsWith(process.env.BANK_CHECK_ONLY ?? ""));
const verdicts = new Map<string, Verdict>();
let provider: LocalProvider | undefined;
let dataDir: string | undefined;
let totalMs = 0;

async function runQuestion(question: QuestionDefinition): Promise<Verdict> {
  const sandbox = provider!;
  const started = Date.now();
  // The evaluation's view: visible tests in the workspace, hidden ones injected per run.
  const hiddenTests = questionTestFiles(question, "VISIBLE", { includeHidden: true });
  const run = async (files: { path: string; content: string }[], label: string) => {
    const workspace = await sandbox.createWorkspace({ language: question.language, files, label: `${question.slug} ${label}` });
    try {
      return await sandbox.runTests(workspace.id, { hiddenTests, timeoutMs: RUN_TIMEOUT_MS });
    } finally {
      await sandbox.destroyWorkspace(workspace.id);
    }
  };
  const [starter, reference] = await Promise.all([
    run(questionWorkspaceFiles(question, "VISIBLE"), "starter"),
    run(referenceWorkspaceFiles(question), "reference"),
  ]);
  return { starter, reference, wallMs: Date.now() - started };
}

function printTable(): void {
  const rows = bank.map((q) => {
    const v = verdicts.get(q.slug);
    if (!v) return [q.slug, q.language, q.difficulty, "-", "-", "not run", "not run", "-"];
    const visible = v.reference.tests.filter((t) => !t.hidden).length;
    const hidden = v.reference.tests.filter((t) => t.hidden).length;
    return [
      q.slug,
      q.language,
      q.difficulty,
      String(visible),
      String(hidden),
      `${v.reference.status} ${v.reference.totals.passed}/${v.reference.totals.total}`,
      `${v.starter.status} ${v.starter.totals.passed}/${v.starter.totals.total}`,
      `${(v.wallMs / 1000).toFixed(1)}s`,
    ];
  });
  const header = ["question", "language", "difficulty", "visible", "hidden", "reference", "starter", "time"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log([line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), `${bank.length} questions in ${(totalMs / 1000).toFixed(1)}s`].join("\n"));
}

describe("question bank verification in the sandbox", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "interviewlm-question-bank-"));
    provider = await LocalProvider.start({
      dataDir,
      allowWeakIsolation: process.env.SANDBOX_ALLOW_WEAK_ISOLATION === "1",
      logger: { info: () => undefined, warn: (message) => console.warn(message) },
    });
    const started = Date.now();
    await runPool(bank, CONCURRENCY, async (question) => {
      verdicts.set(question.slug, await runQuestion(question));
    });
    totalMs = Date.now() - started;
    printTable();
  }, 600_000);

  afterAll(async () => {
    await provider?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  describe.each(bank.map((q) => [q.slug, q] as const))("%s", (slug, question) => {
    it("starter code fails the tests (and they all load)", () => {
      const { starter, reference } = verdicts.get(slug)!;
      const failing = starter.tests.filter((t) => t.status !== "passed").map((t) => t.name);
      expect(starter.status, `${starter.summary}\n${starter.compileOutput ?? ""}${starter.stderr}`).toBe("failed");
      expect(failing.length).toBeGreaterThan(0);
      // A test file that cannot even import the starter would hide whether the tests mean anything.
      expect(starter.totals.total).toBe(reference.totals.total);
    });

    it("reference solution passes every visible and hidden test", () => {
      const { reference } = verdicts.get(slug)!;
      const broken = reference.tests.filter((t) => t.status !== "passed").map((t) => `${t.name}: ${t.message ?? t.status}`);
      expect(broken, reference.compileOutput ?? reference.stderr).toEqual([]);
      expect(reference.status).toBe("passed");
      expect(reference.totals.passed).toBe(reference.totals.total);
      const visible = reference.tests.filter((t) => !t.hidden);
      const hidden = reference.tests.filter((t) => t.hidden);
      expect(visible.length).toBeGreaterThanOrEqual(3);
      expect(hidden.length).toBeGreaterThanOrEqual(3);
      // Every test file contributed, and hidden results come only from hidden files.
      expect(new Set(visible.map((t) => t.file))).toEqual(new Set(question.visibleTests.map((f) => f.path)));
      expect(new Set(hidden.map((t) => t.file))).toEqual(new Set(question.hiddenTests.map((f) => f.path)));
    });
  });
});
