// A run that did not finish is never complete, whatever the runner reported before it ended:
// in the real sandbox, runs of every language killed at the time limit (pytest reports per test,
// node:test per file, go test only when it exits) list every injected test, and the tests that
// never reported a result are errors. The same holds for a test process that exits part-way by
// itself (os._exit / process.exit with status 0).
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

async function runStopped(language: "python" | "typescript" | "javascript" | "go" | "cpp", files: { path: string; content: string }[], hiddenTests: { path: string; content: string }[], timeoutMs = 3_000) {
  const { provider } = target;
  const workspace = await provider.createWorkspace({ language, files, label: "unfinished run" });
  try {
    return await provider.runTests(workspace.id, { hiddenTests, timeoutMs });
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

  it("JavaScript: every declared test is listed, the unreported ones as errors", async () => {
    const hidden = {
      path: "src/work.hidden.test.js",
      content: 'import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { spin } from "./work.js";\n\ntest("a", () => assert.ok(true));\ntest("b", () => spin());\ntest("c", () => assert.ok(true));\n',
    };
    const result = await runStopped("javascript", [{ path: "src/work.js", content: "export function spin() {\n  for (;;);\n}\n" }], [hidden]);
    expect(result.status).toBe("timeout");
    expect(result.tests.map((t) => t.name).sort()).toEqual(["a", "b", "c"]);
    expect(result.tests.find((t) => t.name === "b")?.status).toBe("error");
    expect(result.totals.passed + result.totals.errored).toBe(3);
    expect(result.totals.errored).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it("Go: every declared test is listed, the unreported ones as errors", async () => {
    // go test -json's events are read after go exits, so a stopped Go run reports none itself.
    const hidden = {
      path: "work_hidden_test.go",
      content: "package work\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n\nfunc TestB(t *testing.T) { Spin() }\n\nfunc TestC(t *testing.T) {}\n",
    };
    const files = [
      { path: "go.mod", content: "module example.com/work\n\ngo 1.19\n" },
      { path: "work.go", content: "package work\n\n// Spin never returns.\nfunc Spin() {\n\tfor {\n\t}\n}\n" },
    ];
    const result = await runStopped("go", files, [hidden]);
    expect(result.status).toBe("timeout");
    expect(result.tests.map((t) => t.name).sort()).toEqual(["TestA", "TestB", "TestC"]);
    expect(result.tests.find((t) => t.name === "TestB")).toMatchObject({ status: "error", message: DID_NOT_RUN_MESSAGE });
    expect(result.totals.passed).toBe(0);
  }, 60_000);
});

// A run can also end early without any limit: code under test that exits the process with
// status 0 (os._exit, process.exit) stops the runner before it reports the remaining tests or
// its end. Such a run did not finish either: it must not read as "passed" with fewer tests.
describe("a run whose process exits in the middle of the tests", () => {
  it("Python: os._exit(0) in a test is an error, and the tests after it are listed as errors", async () => {
    const hidden = {
      path: "tests/test_hidden.py",
      content: "from work import leave\n\ndef test_a():\n    assert True\n\ndef test_b():\n    leave()\n\ndef test_c():\n    assert False\n",
    };
    const result = await runStopped("python", [{ path: "work.py", content: "import os\n\ndef leave():\n    os._exit(0)\n" }], [hidden], 30_000);
    expect(result.status).toBe("error");
    expect(result.tests.map((t) => [t.name, t.status])).toEqual([
      ["test_a", "passed"],
      ["test_b", "error"],
      ["test_c", "error"],
    ]);
    expect(result.tests.find((t) => t.name === "test_c")?.message).toBe(DID_NOT_RUN_MESSAGE);
  }, 60_000);

  it("TypeScript: process.exit(0) in a test is an error, and the tests after it are listed as errors", async () => {
    const hidden = {
      path: "src/work.hidden.test.ts",
      content: 'import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { leave } from "./work";\n\ntest("a", () => assert.ok(true));\ntest("b", () => leave());\ntest("c", () => assert.fail("never reached"));\n',
    };
    const result = await runStopped("typescript", [{ path: "src/work.ts", content: "export function leave(): void {\n  process.exit(0);\n}\n" }], [hidden], 30_000);
    expect(result.status).toBe("error");
    expect(result.tests.map((t) => t.name).sort()).toEqual(["a", "b", "c"]);
    expect(result.tests.find((t) => t.name === "c")).toMatchObject({ status: "error", message: DID_NOT_RUN_MESSAGE });
    expect(result.totals.passed).toBeLessThanOrEqual(1);
  }, 60_000);

  it("JavaScript: process.exit(0) in a test is an error, and the tests after it are listed as errors", async () => {
    const hidden = {
      path: "src/work.hidden.test.js",
      content: 'import assert from "node:assert/strict";\nimport { test } from "node:test";\nimport { leave } from "./work.js";\n\ntest("a", () => assert.ok(true));\ntest("b", () => leave());\ntest("c", () => assert.fail("never reached"));\n',
    };
    const result = await runStopped("javascript", [{ path: "src/work.js", content: "export function leave() {\n  process.exit(0);\n}\n" }], [hidden], 30_000);
    expect(result.status).toBe("error");
    expect(result.tests.map((t) => t.name).sort()).toEqual(["a", "b", "c"]);
    expect(result.tests.find((t) => t.name === "c")).toMatchObject({ status: "error", message: DID_NOT_RUN_MESSAGE });
    expect(result.totals.passed).toBeLessThanOrEqual(1);
  }, 60_000);

  it("Go: os.Exit(0) in a test fails the run (go test itself reports it), never a pass", async () => {
    const hidden = {
      path: "work_hidden_test.go",
      content: "package work\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n\nfunc TestB(t *testing.T) { Leave() }\n\nfunc TestC(t *testing.T) {}\n",
    };
    const files = [
      { path: "go.mod", content: "module example.com/work\n\ngo 1.19\n" },
      { path: "work.go", content: "package work\n\nimport \"os\"\n\n// Leave exits the process.\nfunc Leave() {\n\tos.Exit(0)\n}\n" },
    ];
    // Compiling the test binary takes a while on a loaded machine: a long limit, so it ends by itself.
    const result = await runStopped("go", files, [hidden], 90_000);
    expect(["failed", "error"]).toContain(result.status);
    expect(result.tests.find((t) => t.name === "TestB")?.status).not.toBe("passed");
    expect(result.totals.passed).toBeLessThan(result.totals.total);
  }, 120_000);

  it("C++: a crash or exit(100) in a test ends the run unfinished, every declared test listed as an error", async () => {
    const files = [
      { path: "work.hpp", content: "#pragma once\n\nvoid crash();\nvoid leave();\n" },
      { path: "work.cpp", content: '#include "work.hpp"\n\n#include <cstdlib>\n\nvoid crash() {\n    volatile int* p = nullptr;\n    *p = 1;\n}\n\nvoid leave() {\n    std::exit(100);\n}\n' },
    ];
    const hidden = (call: string) => ({
      path: "work_hidden_test.cpp",
      content: `#include <gtest/gtest.h>\n\n#include "work.hpp"\n\nTEST(Work, A) {}\nTEST(Work, B) { ${call}(); }\nTEST(Work, C) {}\n`,
    });
    // Compiling against gtest.h takes a while on a loaded machine: a long limit, so it ends by itself.
    const crashed = await runStopped("cpp", files, [hidden("crash")], 90_000);
    expect(crashed.status).toBe("error");
    expect(crashed.stderr).toContain("SIGSEGV");
    expect(crashed.stdout).toMatch(/\[ RUN {6}\] Work\.B\s*$/);
    expect(crashed.tests.map((t) => [t.name, t.status])).toEqual([
      ["Work.A", "error"],
      ["Work.B", "error"],
      ["Work.C", "error"],
    ]);
    // exit(100) is the code under test's, not the runner's "did not compile".
    const exited = await runStopped("cpp", files, [hidden("leave")], 90_000);
    expect(exited.status).toBe("error");
    expect(exited.tests.find((t) => t.name === "Work.C")).toMatchObject({ status: "error", message: DID_NOT_RUN_MESSAGE });
  }, 240_000);
});
