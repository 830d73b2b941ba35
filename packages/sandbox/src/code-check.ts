import type { CodeCheckResult, LanguageId } from "./api/schemas.ts";
import { isSandboxError } from "./errors.ts";
import type { SandboxProvider } from "./provider.ts";

// "Can code run here right now?", answered by doing it: a throwaway workspace with a known-good
// test for the language, one test run, then the workspace is destroyed. The candidate's system
// check and "Start the interview" ask this before the clock starts; a health flag alone would
// miss a full disk, a broken toolchain or a data directory the sandbox user cannot reach.

const PROBES: Record<LanguageId, { path: string; content: string }[]> = {
  python: [
    { path: "probe.py", content: "def answer():\n    return 42\n" },
    { path: "test_probe.py", content: "from probe import answer\n\n\ndef test_answer():\n    assert answer() == 42\n" },
  ],
  typescript: [
    { path: "probe.ts", content: "export const answer = (): number => 42;\n" },
    { path: "probe.test.ts", content: "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { answer } from './probe';\ntest('answer', () => assert.equal(answer(), 42));\n" },
  ],
  javascript: [
    { path: "probe.js", content: "export const answer = () => 42;\n" },
    { path: "probe.test.js", content: "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\nimport { answer } from './probe.js';\ntest('answer', () => assert.equal(answer(), 42));\n" },
  ],
  go: [
    { path: "go.mod", content: "module probe\n\ngo 1.19\n" },
    { path: "probe.go", content: "package probe\n\nfunc Answer() int { return 42 }\n" },
    { path: "probe_test.go", content: "package probe\n\nimport \"testing\"\n\nfunc TestAnswer(t *testing.T) {\n\tif Answer() != 42 {\n\t\tt.Fatal(\"wrong answer\")\n\t}\n}\n" },
  ],
  java: [
    { path: "Probe.java", content: "public class Probe {\n    public static int answer() {\n        return 42;\n    }\n}\n" },
    { path: "ProbeTest.java", content: "import static org.junit.jupiter.api.Assertions.assertEquals;\n\nimport org.junit.jupiter.api.Test;\n\nclass ProbeTest {\n    @Test\n    void answer() {\n        assertEquals(42, Probe.answer());\n    }\n}\n" },
  ],
  ruby: [
    { path: "probe.rb", content: "def answer\n  42\nend\n" },
    { path: "probe_test.rb", content: "require \"minitest/autorun\"\nrequire_relative \"probe\"\n\nclass ProbeTest < Minitest::Test\n  def test_answer\n    assert_equal 42, answer\n  end\nend\n" },
  ],
  cpp: [
    { path: "probe.hpp", content: "#pragma once\n\nint answer();\n" },
    { path: "probe.cpp", content: "#include \"probe.hpp\"\n\nint answer() { return 42; }\n" },
    { path: "probe_test.cpp", content: "#include <gtest/gtest.h>\n\n#include \"probe.hpp\"\n\nTEST(Probe, Answer) { EXPECT_EQ(42, answer()); }\n" },
  ],
  rust: [
    { path: "Cargo.toml", content: "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2021\"\n" },
    { path: "src/lib.rs", content: "pub fn answer() -> i32 {\n    42\n}\n" },
    { path: "tests/probe.rs", content: "#[test]\nfn answer() {\n    assert_eq!(probe::answer(), 42);\n}\n" },
  ],
};

const PROBE_TIMEOUT_MS = 30_000;

export async function checkCodeRuns(provider: SandboxProvider, language: LanguageId): Promise<CodeCheckResult> {
  const started = performance.now();
  const result = (ok: boolean, code: string | null, problem: string | null): CodeCheckResult => ({
    language,
    ok,
    code,
    problem,
    durationMs: Math.round(performance.now() - started),
    checkedAt: new Date().toISOString(),
  });
  let workspaceId: string | null = null;
  try {
    workspaceId = (await provider.createWorkspace({ language, files: PROBES[language], label: "code-check" })).id;
    const run = await provider.runTests(workspaceId, { timeoutMs: PROBE_TIMEOUT_MS });
    if (run.status !== "passed") return result(false, "CHECK_FAILED", `a known-good ${language} test run ended "${run.status}": ${run.summary}`);
    return result(true, null, null);
  } catch (error) {
    return result(false, isSandboxError(error) ? error.code : "PROVIDER_FAILURE", isSandboxError(error) ? error.detail : String((error as Error)?.message ?? error));
  } finally {
    if (workspaceId) await provider.destroyWorkspace(workspaceId).catch(() => undefined);
  }
}
