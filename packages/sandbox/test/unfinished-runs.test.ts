// A run the service stops is never complete, whatever the runner reported before the stop:
// in the real sandbox, a Python run (pytest reports per test) and a TypeScript run (node:test
// reports per file) killed at the time limit both list every injected test, and the tests
// that never reported a result are errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DID_NOT_RUN_MESSAGE } from "../src/results/unfinished-run.ts";
import { startLocalProvider } from "./helpers.ts";

let target: Awaited<ReturnType<typeof startLocalProvider>>;

beforeAll(async () => {
  target = await startLocalProvider();
}, 120_000);

afterAll(async () => {
  await target?.cleanup();
}, 60_000);

async function runStopped(language: "python" | "typescript", files: { path: string; content: string }[], hiddenTests: { path: string; content: string }[]) {
  const { provider } = target;
  const workspace = await provider.createWorkspace({ language, files, label: "unfinished run" });
  try {
    return await provider.runTests(workspace.id, { hiddenTests, timeoutMs: 3_000 });
  } finally {
    await provider.destroyWorkspace(workspace.id);
  }
}

describe("a run stopped at the time limit", () => {
  it("Python: the tests after the one that hung are errors, so the run cannot look complete", async () => {
    const hidden = {
      path: "tests/test_hidden.py",
      content: "from work import spin\n\ndef test_a():\n    assert True\n\ndef test_b():\n    spin()\n\ndef test_c():\n    assert True\n",
    };
    const result = await runStopped("python", [{ path: "work.py", content: "def spin():\n    while True:\n        pass\n" }], [hidden]);
    expect(result.status).toBe("timeout");
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ["test_a", "passed"],
      ["test_b", "error"],
      ["test_c", "error"],
    ]);
    expect(result.tests.find((t) => t.name === "test_c")?.message).toBe(DID_NOT_RUN_MESSAGE);
    expect(result.totals).toMatchObject({ total: 3, passed: 1, errored: 2 });
  }, 60_000);

  it("TypeScript: every declared test is listed, the unreported ones as errors", async () => {
    const hidden = {
      path: "src/work.hidden.test.ts",
      content: 'import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { spin } from "./work";\n\ntest("a", () => assert.ok(true));\ntest("b", () => spin());\ntest("c", () => assert.ok(true));\n',
    };
    const result = await runStopped("typescript", [{ path: "src/work.ts", content: "export function spin(): void {\n  for (;;);\n}\n" }], [hidden]);
    expect(result.status).toBe("timeout");
    expect(result.tests.map((t) => t.name).sort()).toEqual(["a", "b", "c"]);
    expect(result.tests.find((t) => t.name === "b")?.status).toBe("error");
    expect(result.totals.passed + result.totals.errored).toBe(3);
    expect(result.totals.errored).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
