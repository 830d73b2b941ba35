import { describe, expect, it } from "vitest";
import { goDeclaredTests } from "../secret-tests/go-declared-tests.ts";
import { goTestEventsToRunnerEvents } from "./go-test-json.ts";
import { parseRunnerEvents } from "./test-events.ts";

const ev = (action: string, test: string | undefined, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Action: action, Package: "example.com/m/pkg", ...(test ? { Test: test } : {}), ...extra });

describe("goTestEventsToRunnerEvents", () => {
  const stream = [
    "#gomodule example.com/m",
    "#gotest pkg TestAdd pkg/add_test.go",
    "#gotest pkg TestTable pkg/table_test.go",
    "#gotest pkg TestPanics pkg/add_test.go",
    ev("run", "TestAdd"),
    ev("output", "TestAdd", { Output: "=== RUN   TestAdd\n" }),
    ev("output", "TestAdd", { Output: "printed by the code\n" }),
    ev("output", "TestAdd", { Output: "    add_test.go:9: Add(2, 2) = 5, want 4\n" }),
    ev("output", "TestAdd", { Output: "        more detail\n" }),
    ev("output", "TestAdd", { Output: "--- FAIL: TestAdd (0.25s)\n" }),
    ev("fail", "TestAdd", { Elapsed: 0.25 }),
    ev("run", "TestTable"),
    ev("run", "TestTable/empty"),
    ev("output", "TestTable/empty", { Output: "    --- PASS: TestTable/empty (0.00s)\n" }),
    ev("pass", "TestTable/empty", { Elapsed: 0 }),
    ev("skip", "TestTable/later", { Elapsed: 0 }),
    ev("pass", "TestTable", { Elapsed: 0.01 }),
    ev("run", "TestPanics"),
    ev("output", "TestPanics", { Output: "panic: runtime error: index out of range [3] with length 3\n" }),
    ev("output", undefined, { Output: "FAIL\texample.com/m/pkg\t0.01s\n" }),
    "not json {",
  ].join("\n");
  const { tests, ended } = parseRunnerEvents(goTestEventsToRunnerEvents(stream));

  it("reports leaf tests with status, duration, file, message and output apart", () => {
    expect(ended).toBe(true);
    expect(tests.map((t) => [t.name, t.status, t.file])).toEqual([
      ["TestAdd", "failed", "pkg/add_test.go"],
      ["TestTable/empty", "passed", "pkg/table_test.go"],
      ["TestTable/later", "skipped", "pkg/table_test.go"],
      ["TestPanics", "error", "pkg/add_test.go"],
    ]);
    const add = tests[0]!;
    expect(add.durationMs).toBe(250);
    expect(add.message).toBe("add_test.go:9: Add(2, 2) = 5, want 4\nmore detail");
    expect(add.output).toBe("printed by the code\n");
  });

  it("gives a test that never finished the end of its output as the message", () => {
    expect(tests[3]!.message).toContain("panic: runtime error");
  });

  it("reads nothing from an empty stream but still ends", () => {
    expect(parseRunnerEvents(goTestEventsToRunnerEvents(""))).toEqual({ tests: [], collectErrors: [], ended: true });
  });
});

describe("goDeclaredTests", () => {
  const source = [
    "package m",
    'import "testing"',
    "func TestAdd(t *testing.T) {}",
    "func TestTable(tt *testing.T) { tt.Run(\"case\", func(t *testing.T) {}) }",
    "func helper(t *testing.T) {}",
    "func BenchmarkAdd(b *testing.B) {}",
    "// func TestInComment(t *testing.T) {}",
    "func TestAdd(t *testing.T) {}",
  ].join("\n");
  const declared = goDeclaredTests("m/add_test.go", source);

  it("declares each top-level Test function once, with its file", () => {
    expect(declared.map((t) => [t.name, t.file])).toEqual([
      ["TestAdd", "m/add_test.go"],
      ["TestTable", "m/add_test.go"],
    ]);
  });

  it("stands for its subtests but not for a test that only shares a prefix", () => {
    const table = declared[1]!;
    expect(table.matches("TestTable")).toBe(true);
    expect(table.matches("TestTable/case")).toBe(true);
    expect(table.matches("TestTableTwo")).toBe(false);
  });
});
