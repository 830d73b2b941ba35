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


const goTestFile = (body: string, imports = '"testing"') => `package sum\n\nimport (\n\t${imports}\n)\n\n${body}\n`;

export const GO_RUN_FIXTURE: LanguageRunFixture = {
  language: "go",
  // go test compiles and links the test binary first.
  buildAllowanceMs: 10_000,
  files: [
    { path: "go.mod", content: "module example.com/sum\n\ngo 1.19\n" },
    { path: "sum.go", content: "package sum\n\n// Sum adds up xs.\nfunc Sum(xs []int) int {\n\ttotal := 0\n\tfor _, x := range xs {\n\t\ttotal += x\n\t}\n\treturn total\n}\n" },
    {
      path: "sum_test.go",
      content: goTestFile(
        [
          "func TestSumsAList(t *testing.T) {\n\tif got := Sum([]int{1, 2, 3}); got != 6 {\n\t\tt.Errorf(\"Sum = %d, want 6\", got)\n\t}\n}",
          // A table-driven test reads per case: TestCases/empty is one result.
          "func TestCases(t *testing.T) {\n\tfor _, c := range []struct {\n\t\tname string\n\t\tin   []int\n\t\twant int\n\t}{{\"empty\", nil, 0}, {\"wrong on purpose\", []int{2, 2}, 5}} {\n\t\tc := c\n\t\tt.Run(c.name, func(t *testing.T) {\n\t\t\tif got := Sum(c.in); got != c.want {\n\t\t\t\tt.Fatalf(\"Sum(%v) = %d, expected %d on purpose\", c.in, got, c.want)\n\t\t\t}\n\t\t})\n\t}\n}",
        ].join("\n\n"),
      ),
    },
  ],
  passingTest: "TestSumsAList",
  failingTest: "TestCases/wrong_on_purpose",
  failureMessage: "expected 5 on purpose",
  hidden: [{ path: "sum_hidden_test.go", content: goTestFile("func TestHiddenNegatives(t *testing.T) {\n\tif Sum([]int{-1, 1}) != 0 {\n\t\tt.Fatal(\"want 0\")\n\t}\n}") }],
  hiddenTest: "TestHiddenNegatives",
  broken: { path: "sum.go", content: "package sum\n\nfunc Sum(xs []int) int {\n\treturn xs +\n}\n" },
  compileMarker: /sum\.go:\d+:\d+/,
  hanging: { path: "sum_test.go", content: goTestFile("func TestNeverEnds(t *testing.T) {\n\tfor {\n\t}\n}") },
  memoryBomb: {
    path: "sum_test.go",
    content: goTestFile("func TestEatsMemory(t *testing.T) {\n\tvar kept [][]byte\n\tfor {\n\t\tb := make([]byte, 8<<20)\n\t\tfor i := 0; i < len(b); i += 4096 {\n\t\t\tb[i] = 1\n\t\t}\n\t\tkept = append(kept, b)\n\t}\n}"),
  },
  forkBomb: {
    path: "sum_test.go",
    content: goTestFile('func TestForksForever(t *testing.T) {\n\tfor {\n\t\t_ = exec.Command("/bin/sh", "-c", "sleep 30").Start()\n\t}\n}', '"os/exec"\n\t"testing"'),
  },
  versionCommand: "go version",
  versionPattern: /go version go1\.\d+/,
  terminalTest: { command: "go test ./...", pattern: /FAIL\s+example\.com\/sum/ },
};

const javaTestFile = (body: string, imports = "") =>
  `import static org.junit.jupiter.api.Assertions.assertEquals;\n\n${imports}import org.junit.jupiter.api.Test;\n${body.includes("@ParameterizedTest") ? "import org.junit.jupiter.params.ParameterizedTest;\nimport org.junit.jupiter.params.provider.CsvSource;\n" : ""}\n${body}\n`;

export const JAVA_RUN_FIXTURE: LanguageRunFixture = {
  language: "java",
  // javac, then a second JVM.
  buildAllowanceMs: 8_000,
  files: [
    { path: "Sum.java", content: "public class Sum {\n    /** Adds up xs. */\n    public static int sum(int[] xs) {\n        int total = 0;\n        for (int x : xs) {\n            total += x;\n        }\n        return total;\n    }\n}\n" },
    {
      path: "SumTest.java",
      content: javaTestFile(
        [
          "class SumTest {",
          "    @Test",
          "    void sumsAList() {",
          "        assertEquals(6, Sum.sum(new int[] {1, 2, 3}));",
          "    }",
          "",
          // A parameterised test reads per case: SumTest.cases[2] is one result.
          "    @ParameterizedTest",
          '    @CsvSource({"0, 0", "4, 5"})',
          "    void cases(int twice, int expected) {",
          '        assertEquals(expected, Sum.sum(new int[] {twice / 2, twice / 2}), "expected " + expected + " on purpose");',
          "    }",
          "}",
        ].join("\n"),
      ),
    },
  ],
  passingTest: "SumTest.sumsAList",
  failingTest: "SumTest.cases[2]",
  failureMessage: "expected 5 on purpose",
  hidden: [{ path: "SumHiddenTest.java", content: javaTestFile("class SumHiddenTest {\n    @Test\n    void hiddenNegatives() {\n        assertEquals(0, Sum.sum(new int[] {-1, 1}));\n    }\n}") }],
  hiddenTest: "SumHiddenTest.hiddenNegatives",
  broken: { path: "Sum.java", content: "public class Sum {\n    public static int sum(int[] xs) {\n        return xs +\n    }\n}\n" },
  compileMarker: /Sum\.java:\d+: error/,
  hanging: { path: "SumTest.java", content: javaTestFile("class SumTest {\n    @Test\n    void neverEnds() {\n        for (;;) {\n        }\n    }\n}") },
  memoryBomb: {
    path: "SumTest.java",
    content: javaTestFile(
      "class SumTest {\n    @Test\n    void eatsMemory() {\n        List<byte[]> kept = new ArrayList<>();\n        for (;;) {\n            byte[] b = new byte[8 << 20];\n            for (int i = 0; i < b.length; i += 4096) {\n                b[i] = 1;\n            }\n            kept.add(b);\n        }\n    }\n}",
      "import java.util.ArrayList;\nimport java.util.List;\n",
    ),
  },
  forkBomb: {
    path: "SumTest.java",
    content: javaTestFile(
      'class SumTest {\n    @Test\n    void forksForever() {\n        for (;;) {\n            try {\n                new ProcessBuilder("/bin/sh", "-c", "sleep 30").start();\n            } catch (IOException e) {\n                // the pids limit: keep trying\n            }\n        }\n    }\n}',
      "import java.io.IOException;\n",
    ),
  },
  versionCommand: "javac -version",
  versionPattern: /javac 17\.\d+/,
  // JUnit is on the terminal's CLASSPATH; compiled classes go to /tmp, not the workspace.
  terminalTest: {
    command: "javac -d /tmp/classes *.java && java org.junit.platform.console.ConsoleLauncher --class-path /tmp/classes --scan-class-path --disable-banner",
    pattern: /2 tests successful/,
  },
};

const rubyTestFile = (className: string, body: string, requires = "") =>
  `require "minitest/autorun"\n${requires}require_relative "sum"\n\nclass ${className} < Minitest::Test\n${body}\nend\n`;

export const RUBY_RUN_FIXTURE: LanguageRunFixture = {
  language: "ruby",
  files: [
    { path: "sum.rb", content: "# Adds up xs.\ndef sum(xs)\n  xs.reduce(0, :+)\nend\n" },
    {
      path: "sum_test.rb",
      content: rubyTestFile(
        "SumTest",
        [
          "  def test_sums_a_list",
          "    assert_equal 6, sum([1, 2, 3])",
          "  end",
          "",
          "  def test_sums_nothing_to_zero",
          "    assert_equal 0, sum([])",
          "  end",
          "",
          "  def test_is_wrong_on_purpose",
          '    assert_equal 5, sum([2, 2]), "expected 5 on purpose"',
          "  end",
        ].join("\n"),
      ),
    },
  ],
  passingTest: "SumTest#test_sums_a_list",
  failingTest: "SumTest#test_is_wrong_on_purpose",
  failureMessage: "expected 5 on purpose",
  hidden: [{ path: "sum_hidden_test.rb", content: rubyTestFile("SumHiddenTest", "  def test_hidden_negatives\n    assert_equal 0, sum([-1, 1])\n  end") }],
  hiddenTest: "SumHiddenTest#test_hidden_negatives",
  broken: { path: "sum.rb", content: "def sum(xs)\n  xs.reduce(0, :+) +\nend\n" },
  compileMarker: /sum\.rb:\d+: syntax error/,
  hanging: { path: "sum_test.rb", content: rubyTestFile("SumTest", "  def test_never_ends\n    loop {}\n  end") },
  memoryBomb: { path: "sum_test.rb", content: rubyTestFile("SumTest", '  def test_eats_memory\n    kept = []\n    loop { kept << ("x" * (8 << 20)) }\n  end') },
  forkBomb: {
    path: "sum_test.rb",
    content: rubyTestFile("SumTest", '  def test_forks_forever\n    loop do\n      spawn("/bin/sh", "-c", "sleep 30")\n    rescue SystemCallError\n      # the pids limit: keep trying\n    end\n  end'),
  },
  versionCommand: "ruby --version",
  versionPattern: /ruby 3\.\d+/,
  // Minitest's own way, typed in the terminal: nothing is written to the workspace.
  terminalTest: { command: "ruby -I. sum_test.rb", pattern: /3 runs, 3 assertions, 1 failures/ },
};
const cppTestFile = (body: string, includes = "") => `#include <gtest/gtest.h>\n${includes}\n#include "sum.hpp"\n\n${body}\n`;

export const CPP_RUN_FIXTURE: LanguageRunFixture = {
  language: "cpp",
  // g++ compiles the tests against GoogleTest first.
  buildAllowanceMs: 15_000,
  files: [
    { path: "sum.hpp", content: "#pragma once\n\n#include <vector>\n\n// Adds up xs.\nint sum(const std::vector<int>& xs);\n" },
    { path: "sum.cpp", content: '#include "sum.hpp"\n\nint sum(const std::vector<int>& xs) {\n    int total = 0;\n    for (int x : xs) total += x;\n    return total;\n}\n' },
    {
      path: "sum_test.cpp",
      content: cppTestFile(
        [
          "TEST(Sum, SumsAList) { EXPECT_EQ(6, sum({1, 2, 3})); }",
          "",
          // A value-parameterised test reads per case: Halves/SumTwice.Doubles/1 is one result.
          "class SumTwice : public ::testing::TestWithParam<int> {};",
          'TEST_P(SumTwice, Doubles) { EXPECT_EQ(GetParam() == 2 ? 5 : 0, sum({GetParam() / 2, GetParam() / 2})) << "expected " << (GetParam() == 2 ? 5 : 0) << " on purpose"; }',
          "INSTANTIATE_TEST_SUITE_P(Halves, SumTwice, ::testing::Values(0, 2));",
        ].join("\n"),
      ),
    },
  ],
  passingTest: "Sum.SumsAList",
  failingTest: "Halves/SumTwice.Doubles/1",
  failureMessage: "expected 5 on purpose",
  hidden: [{ path: "sum_hidden_test.cpp", content: cppTestFile("TEST(SumHidden, Negatives) { EXPECT_EQ(0, sum({-1, 1})); }") }],
  hiddenTest: "SumHidden.Negatives",
  broken: { path: "sum.cpp", content: '#include "sum.hpp"\n\nint sum(const std::vector<int>& xs) {\n    return xs +;\n}\n' },
  compileMarker: /sum\.cpp:4:\d+: error/,
  hanging: { path: "sum_test.cpp", content: cppTestFile("TEST(Sum, NeverEnds) {\n    for (volatile int i = 0;; i = i + 1) {\n    }\n}") },
  memoryBomb: {
    path: "sum_test.cpp",
    content: cppTestFile(
      "TEST(Sum, EatsMemory) {\n    std::vector<std::vector<char>> kept;\n    for (;;) kept.emplace_back(8 << 20, 1);\n}",
      "#include <vector>\n",
    ),
  },
  forkBomb: {
    path: "sum_test.cpp",
    content: cppTestFile(
      "TEST(Sum, ForksForever) {\n    for (;;) {\n        // Failed forks (the pids limit) return -1: keep trying.\n        if (fork() == 0) {\n            sleep(30);\n            _exit(0);\n        }\n    }\n}",
      "#include <unistd.h>\n",
    ),
  },
  // A pack of four million indices: g++ runs out of the address space run-tests.sh gives it
  // (below the sandbox's memory limit) and says so, as a compile error.
  compileBomb: {
    path: "sum.cpp",
    content:
      '#include <utility>\n\n#include "sum.hpp"\n\ntemplate <std::size_t... I>\nconstexpr std::size_t total(std::index_sequence<I...>) { return (I + ... + 0); }\n\nint sum(const std::vector<int>& xs) {\n    int total = static_cast<int>(::total(std::make_index_sequence<1 << 22>{}) * 0);\n    for (int x : xs) total += x;\n    return total;\n}\n',
    marker: /memory/,
  },
  versionCommand: "g++ --version",
  versionPattern: /g\+\+ \(Debian 12\.\d/,
  // GoogleTest's own way, typed in the terminal: the binary goes to /tmp, not the workspace.
  terminalTest: { command: "g++ -std=c++17 *.cpp -lgtest_main -lgtest -pthread -o /tmp/tests && /tmp/tests", pattern: /1 FAILED TEST/ },
};
const CARGO_TOML = '[package]\nname = "sum"\nversion = "0.1.0"\nedition = "2021"\n';
// What cargo writes beside Cargo.toml on the first build: kept in the workspace like a real
// crate's, so a `cargo test` in the terminal leaves the workspace as it was.
const CARGO_LOCK = '# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 3\n\n[[package]]\nname = "sum"\nversion = "0.1.0"\n';
const rustTestFile = (body: string) => `use sum::sum;\n\n${body}\n`;

export const RUST_RUN_FIXTURE: LanguageRunFixture = {
  language: "rust",
  // cargo builds the crate and its test binaries first.
  buildAllowanceMs: 20_000,
  files: [
    { path: "Cargo.toml", content: CARGO_TOML },
    { path: "Cargo.lock", content: CARGO_LOCK },
    { path: "src/lib.rs", content: "/// Adds up xs.\npub fn sum(xs: &[i32]) -> i32 {\n    xs.iter().sum()\n}\n" },
    {
      path: "tests/sum_test.rs",
      content: rustTestFile(
        [
          "#[test]",
          "fn sums_a_list() {",
          "    assert_eq!(sum(&[1, 2, 3]), 6);",
          "}",
          "",
          // A test in a module reads with its path: sum_test::cases::is_wrong_on_purpose.
          "mod cases {",
          "    use super::sum;",
          "",
          "    #[test]",
          "    fn sums_nothing_to_zero() {",
          "        assert_eq!(sum(&[]), 0);",
          "    }",
          "",
          "    #[test]",
          "    fn is_wrong_on_purpose() {",
          '        assert_eq!(sum(&[2, 2]), 5, "expected 5 on purpose");',
          "    }",
          "}",
        ].join("\n"),
      ),
    },
  ],
  passingTest: "sum_test::sums_a_list",
  failingTest: "sum_test::cases::is_wrong_on_purpose",
  failureMessage: "expected 5 on purpose",
  hidden: [{ path: "tests/sum_hidden.rs", content: rustTestFile("#[test]\nfn hidden_negatives() {\n    assert_eq!(sum(&[-1, 1]), 0);\n}") }],
  hiddenTest: "sum_hidden::hidden_negatives",
  broken: { path: "src/lib.rs", content: "pub fn sum(xs: &[i32]) -> i32 {\n    xs.iter().sum() +\n}\n" },
  compileMarker: /error[\s\S]*--> src\/lib\.rs:\d+:\d+/,
  hanging: { path: "tests/sum_test.rs", content: rustTestFile("#[test]\nfn never_ends() {\n    let _ = sum(&[]);\n    loop {}\n}") },
  memoryBomb: {
    path: "tests/sum_test.rs",
    content: rustTestFile(
      "#[test]\nfn eats_memory() {\n    let _ = sum(&[]);\n    let mut kept = Vec::new();\n    loop {\n        let mut b = vec![0u8; 8 << 20];\n        for i in (0..b.len()).step_by(4096) {\n            b[i] = 1;\n        }\n        kept.push(b);\n    }\n}",
    ),
  },
  forkBomb: {
    path: "tests/sum_test.rs",
    content: rustTestFile(
      '#[test]\nfn forks_forever() {\n    let _ = sum(&[]);\n    loop {\n        // the pids limit: spawn fails, keep trying\n        let _ = std::process::Command::new("/bin/sh").args(["-c", "sleep 30"]).spawn();\n    }\n}',
    ),
  },
  versionCommand: "rustc --version",
  versionPattern: /rustc 1\.\d+\.\d+/,
  // cargo's own way, typed in the terminal: offline, build output in /tmp (toolchain-env.ts).
  terminalTest: { command: "cargo test", pattern: /2 passed; 1 failed; 0 ignored/ },
};
export const LANGUAGE_RUN_FIXTURES: readonly LanguageRunFixture[] = [JAVASCRIPT_RUN_FIXTURE, GO_RUN_FIXTURE, JAVA_RUN_FIXTURE, RUBY_RUN_FIXTURE, CPP_RUN_FIXTURE, RUST_RUN_FIXTURE];
