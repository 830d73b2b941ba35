import { describe, expect, it } from "vitest";
import { rustDeclaredTests } from "../secret-tests/rust-declared-tests.ts";
import { libtestEventsToRunnerEvents, splitPanic } from "./rust-libtest-json.ts";
import { parseRunnerEvents } from "./test-events.ts";

const ev = (fields: Record<string, unknown>) => JSON.stringify({ type: "test", ...fields });

describe("libtestEventsToRunnerEvents", () => {
  const stream = [
    "    Finished test [unoptimized + debuginfo] target(s) in 0.02s",
    "     Running unittests src/lib.rs (/tmp/interviewlm-rust-7/target/debug/deps/sum-4a148bd774a76539)",
    '{ "type": "suite", "event": "started", "test_count": 1 }',
    ev({ event: "started", name: "tests::unit" }),
    ev({ event: "ok", name: "tests::unit", exec_time: 0.25 }),
    "     Running tests/sum_test.rs (/tmp/interviewlm-rust-7/target/debug/deps/sum_test-00cdffc2b421a3e2)",
    ev({ event: "started", name: "cases::wrong" }),
    ev({
      event: "failed",
      name: "cases::wrong",
      exec_time: 0.001,
      stdout: "printed by the code\nthread 'cases::wrong' panicked at 'assertion failed: `(left == right)`\n  left: `4`,\n right: `5`: expected 5', tests/sum_test.rs:18:9\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
    }),
    ev({ event: "ignored", name: "later" }),
    ev({ event: "failed", name: "returns_err", stdout: "Error: \"bad input\"\n" }),
    "error: test failed, to rerun pass `--test sum_test`",
    "     Running tests/deep.rs (/tmp/interviewlm-rust-7/target/debug/deps/deep-0123456789abcdef)",
    ev({ event: "started", name: "recurses" }),
    "",
    "thread 'recurses' has overflowed its stack",
    "fatal runtime error: stack overflow",
    "error: test failed, to rerun pass `--test deep`",
    "",
    "Caused by:",
    "  process didn't exit successfully: `/tmp/x/deep-0123456789abcdef --format json` (signal: 6, SIGABRT: process abort signal)",
    "not json {",
    "#rustend",
  ].join("\n");
  const { tests, ended } = parseRunnerEvents(libtestEventsToRunnerEvents(stream));

  it("names each test after its target, with its file, status and duration", () => {
    expect(ended).toBe(true);
    expect(tests.map((t) => [t.name, t.file, t.status])).toEqual([
      ["sum::tests::unit", "src/lib.rs", "passed"],
      ["sum_test::cases::wrong", "tests/sum_test.rs", "failed"],
      ["sum_test::later", "tests/sum_test.rs", "skipped"],
      ["sum_test::returns_err", "tests/sum_test.rs", "failed"],
      ["deep::recurses", "tests/deep.rs", "error"],
    ]);
    expect(tests[0]!.durationMs).toBe(250);
  });

  it("gives the panic message with its file:line, and the test's own output apart", () => {
    expect(tests[1]!.message).toBe("tests/sum_test.rs:18:9: assertion failed: `(left == right)`\n  left: `4`,\n right: `5`: expected 5");
    expect(tests[1]!.output).toBe("printed by the code\n");
  });

  it("falls back to what a failed test printed when it did not panic", () => {
    expect(tests[3]!.message).toBe('Error: "bad input"');
  });

  it("says why a test binary ended before its test finished", () => {
    expect(tests[4]!.message).toContain("has overflowed its stack");
    expect(tests[4]!.message).toContain("SIGABRT");
  });

  it("has no end without cargo's end, so a stopped run reads as unfinished", () => {
    expect(parseRunnerEvents(libtestEventsToRunnerEvents(stream.replace("#rustend", ""))).ended).toBe(false);
    expect(parseRunnerEvents(libtestEventsToRunnerEvents(""))).toEqual({ tests: [], collectErrors: [], ended: false });
  });
});

describe("splitPanic", () => {
  it("reads the panic line of Rust 1.73 and later too", () => {
    const stdout = "before\nthread 'adds' panicked at src/lib.rs:3:5:\nassertion `left == right` failed: expected 5\n  left: 4\n right: 5\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n";
    expect(splitPanic(stdout)).toEqual({ message: "src/lib.rs:3:5: assertion `left == right` failed: expected 5\n  left: 4\n right: 5", output: "before\n" });
  });

  it("keeps a message that quotes and spans lines", () => {
    const stdout = "thread 'q' panicked at 'it's 'odd',\nreally', tests/q.rs:2:5\n";
    expect(splitPanic(stdout)).toEqual({ message: "tests/q.rs:2:5: it's 'odd',\nreally", output: "" });
  });
});

describe("rustDeclaredTests", () => {
  const source = [
    "use sum::sum;",
    "#[test]",
    "fn adds() {}",
    "#[test]",
    "#[should_panic(expected = \"empty\")]",
    "fn panics_on_empty() {}",
    "fn helper() {}",
    "mod cases {",
    "    #[test]",
    "    #[ignore]",
    "    pub fn later() {}",
    "}",
    "#[test]",
    "fn adds() {}",
  ].join("\n");
  const declared = rustDeclaredTests("tests/sum-cases.rs", source);

  it("declares each #[test] function once, named after the file's crate", () => {
    expect(declared.map((t) => [t.name, t.file])).toEqual([
      ["sum_cases::adds", "tests/sum-cases.rs"],
      ["sum_cases::panics_on_empty", "tests/sum-cases.rs"],
      ["sum_cases::later", "tests/sum-cases.rs"],
    ]);
  });

  it("stands for the function in any module of the file, and nothing that only shares a prefix", () => {
    const [adds, , later] = declared;
    expect(adds!.matches("sum_cases::adds")).toBe(true);
    expect(later!.matches("sum_cases::cases::later")).toBe(true);
    expect(adds!.matches("sum_cases::adds_more")).toBe(false);
    expect(adds!.matches("other::adds")).toBe(false);
  });
});
