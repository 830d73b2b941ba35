import type { LanguageRunFixture } from "./language-run-contract.ts";

// One fixture per language for the per-language test-run contract (language-run-contract.ts).

const nodeTest = (body: string) => `import { test } from "node:test";\nimport assert from "node:assert/strict";\nimport { sum } from "./sum.js";\n${body}\n`;

export const JAVASCRIPT_RUN_FIXTURE: LanguageRunFixture = {
  language: "javascript",
  files: [
    { path: "src/sum.js", content: "export function sum(xs) {\n  return xs.reduce((a, b) => a + b, 0);\n}\n" },
    {
      path: "src/sum.test.js",
      content: nodeTest(
        [
          'test("sums a list", () => assert.equal(sum([1, 2, 3]), 6));',
          'test("sums nothing to zero", () => assert.equal(sum([]), 0));',
          'test("is wrong on purpose", () => assert.equal(sum([2, 2]), 5, "expected 5 on purpose"));',
        ].join("\n"),
      ),
    },
  ],
  passingTest: "sums a list",
  failingTest: "is wrong on purpose",
  failureMessage: "expected 5 on purpose",
  hidden: [{ path: "src/sum.hidden.test.js", content: nodeTest('test("hidden negatives", () => assert.equal(sum([-1, 1]), 0));') }],
  hiddenTest: "hidden negatives",
  broken: { path: "src/sum.js", content: "export function sum(xs) {\n  return xs.reduce((a, b) => a + , 0);\n}\n" },
  compileMarker: /src\/sum\.js:2/,
  hanging: { path: "src/sum.test.js", content: nodeTest('test("never ends", () => { for (;;) {} });') },
  memoryBomb: { path: "src/sum.test.js", content: nodeTest('test("eats memory", () => { const kept = []; for (;;) kept.push(Buffer.alloc(8 * 1024 * 1024, 1)); });') },
  forkBomb: {
    path: "src/sum.test.js",
    content: `import { spawn } from "node:child_process";\n${nodeTest('test("forks forever", async () => { for (;;) { try { spawn("/bin/sh", ["-c", "sleep 30"]); } catch {} await new Promise((r) => setImmediate(r)); } });')}`,
  },
  versionCommand: "node --version",
  versionPattern: /v\d+\.\d+\.\d+/,
};
export const LANGUAGE_RUN_FIXTURES: readonly LanguageRunFixture[] = [JAVASCRIPT_RUN_FIXTURE];
