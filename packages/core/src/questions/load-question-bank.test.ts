import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_QUESTION_BANK_DIR, loadQuestion, loadQuestionBank, QuestionBankError } from "./load-question-bank.ts";
import type { QuestionDefinition, QuestionFile } from "./schemas.ts";

const bank = loadQuestionBank();

/** Test functions written in a file (a parametrised test counts once). */
function countTests(question: QuestionDefinition, files: readonly QuestionFile[]): number {
  const pattern =
    question.language === "python"
      ? /^\s*def test_\w+\(/gm
      : question.language === "go"
        ? /^func Test\w*\(|^\s*t\.Run\(/gm
        : question.language === "java"
          ? /^\s*@(?:Test|ParameterizedTest|RepeatedTest)\b/gm
          : question.language === "ruby"
            ? /^\s*def test_\w+/gm
            : question.language === "cpp"
              ? /^\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST)\s*\(/gm
              : question.language === "rust"
                ? /^\s*#\[test\]/gm
                : /^\s*(?:it|test)\(\s*["'`]/gm;
  return files.reduce((sum, file) => sum + (file.content.match(pattern)?.length ?? 0), 0);
}

describe("the curated question bank", () => {
  it("parses every folder into a valid question", () => {
    expect(bank.length).toBeGreaterThanOrEqual(16);
    expect(new Set(bank.map((q) => q.slug)).size).toBe(bank.length);
  });

  it("has at least 8 Python and 8 TypeScript questions, each language at every difficulty", () => {
    for (const language of ["python", "typescript"] as const) {
      const questions = bank.filter((q) => q.language === language);
      expect(questions.length, language).toBeGreaterThanOrEqual(8);
      expect(new Set(questions.map((q) => q.difficulty)), language).toEqual(new Set(["EASY", "MEDIUM", "HARD"]));
    }
  });

  it("spreads over the topics an interview needs", () => {
    const topics = new Set(bank.flatMap((q) => q.topics));
    for (const topic of ["strings", "arrays", "hashing", "graphs", "dynamic-programming", "parsing", "real-world", "bug-fix"]) {
      expect(topics, topic).toContain(topic);
    }
  });

  it.each(bank.map((q) => [q.slug, q] as const))("%s has at least 3 visible and 3 hidden tests and a real statement", (_slug, question) => {
    expect(countTests(question, question.visibleTests)).toBeGreaterThanOrEqual(3);
    expect(countTests(question, question.hiddenTests)).toBeGreaterThanOrEqual(3);
    expect(question.statement).toMatch(/^# /);
    expect(question.statement).toContain("## ");
  });

  it("hashes content deterministically", () => {
    const again = loadQuestionBank();
    expect(again.map((q) => q.contentHash)).toEqual(bank.map((q) => q.contentHash));
    expect(new Set(bank.map((q) => q.contentHash)).size).toBe(bank.length);
  });
});

describe("loadQuestion", () => {
  const scratch = mkdtempSync(join(tmpdir(), "interviewlm-question-loader-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  /** A copy of a real question to break in one way. */
  function copyOf(slug: string): string {
    const target = join(scratch, `${slug}-${Math.random().toString(36).slice(2)}`);
    cpSync(join(DEFAULT_QUESTION_BANK_DIR, slug), target, { recursive: true });
    return target;
  }

  it("changes the hash when any file changes", () => {
    const folder = copyOf("python-run-length-encoding");
    const before = loadQuestion(folder, "python-run-length-encoding").contentHash;
    writeFileSync(join(folder, "tests", "hidden", "test_rle_hidden.py"), "def test_x():\n    assert True\n", { flag: "a" });
    expect(loadQuestion(folder, "python-run-length-encoding").contentHash).not.toBe(before);
  });

  it("ignores caches left by running the tests locally", () => {
    const folder = copyOf("python-run-length-encoding");
    const before = loadQuestion(folder, "python-run-length-encoding");
    mkdirSync(join(folder, "solution", "__pycache__"));
    writeFileSync(join(folder, "solution", "__pycache__", "rle.cpython-311.pyc"), "bytecode");
    writeFileSync(join(folder, "tests", "visible", ".DS_Store"), "finder");
    expect(loadQuestion(folder, "python-run-length-encoding").contentHash).toBe(before.contentHash);
  });

  it("names the question and the problem when question.json is invalid", () => {
    const folder = copyOf("typescript-slugify");
    writeFileSync(join(folder, "question.json"), JSON.stringify({ title: "X", language: "cobol" }));
    expect(() => loadQuestion(folder, "typescript-slugify")).toThrow(QuestionBankError);
    expect(() => loadQuestion(folder, "typescript-slugify")).toThrow(/typescript-slugify.*question\.json is invalid/s);
  });

  it("rejects a missing part", () => {
    const folder = copyOf("typescript-slugify");
    rmSync(join(folder, "tests", "hidden"), { recursive: true });
    expect(() => loadQuestion(folder, "typescript-slugify")).toThrow(/tests\/hidden is missing/);
  });

  it("rejects test files the runner would not pick up", () => {
    const folder = copyOf("typescript-slugify");
    writeFileSync(join(folder, "tests", "hidden", "src", "more-checks.ts"), "export {};\n");
    expect(() => loadQuestion(folder, "typescript-slugify")).toThrow(/more-checks\.ts is not a typescript test file/);
  });

  it("rejects tests in the starter and hidden tests that would overwrite workspace files", () => {
    const starterTest = copyOf("python-group-anagrams");
    writeFileSync(join(starterTest, "starter", "test_extra.py"), "def test_x():\n    pass\n");
    expect(() => loadQuestion(starterTest, "python-group-anagrams")).toThrow(/test_extra\.py is a test file/);

    const clash = copyOf("python-group-anagrams");
    cpSync(join(clash, "tests", "visible", "test_anagrams.py"), join(clash, "tests", "hidden", "test_anagrams.py"));
    expect(() => loadQuestion(clash, "python-group-anagrams")).toThrow(/same path as a workspace file/);
  });
});
