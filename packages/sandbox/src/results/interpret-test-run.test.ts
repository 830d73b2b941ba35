import { describe, expect, it } from "vitest";
import { python } from "../languages/python.ts";
import { typescript } from "../languages/typescript.ts";
import { interpretTestRun, type RawTestRun } from "./interpret-test-run.ts";

const base: RawTestRun = {
  exitCode: 0,
  termination: "exited",
  stdout: "",
  stderr: "",
  events: "",
  durationMs: 100,
  timeoutMs: 10_000,
  memoryLimitBytes: 512 * 1024 * 1024,
  outputLimitBytes: 1024 * 1024,
  hiddenFiles: new Set(["tests/test_hidden.py"]),
};
const line = (event: object) => `${JSON.stringify(event)}\n`;
const passed = line({ event: "test", name: "test_a", file: "tests/test_a.py", status: "passed", durationMs: 1.5, output: "hi\n" });
const failed = line({ event: "test", name: "test_b", file: "tests/test_hidden.py", status: "failed", durationMs: 2, message: "assert 1 == 2" });

describe("interpreting a test run", () => {
  it("reports per-test results, totals and which tests were hidden", () => {
    const result = interpretTestRun(python, { ...base, exitCode: 1, events: passed + failed + line({ event: "end", exitstatus: 1 }) });
    expect(result.status).toBe("failed");
    expect(result.summary).toBe("1 passed, 1 failed");
    expect(result.totals).toEqual({ total: 2, passed: 1, failed: 1, errored: 0, skipped: 0 });
    expect(result.tests[0]).toMatchObject({ name: "test_a", output: "hi\n", hidden: false });
    expect(result.tests[1]).toMatchObject({ message: "assert 1 == 2", hidden: true });
  });

  it("says passed only when every test passed and the runner exited cleanly", () => {
    expect(interpretTestRun(python, { ...base, events: passed + line({ event: "end", exitstatus: 0 }) }).status).toBe("passed");
    expect(interpretTestRun(python, { ...base, exitCode: 3, events: passed }).status).toBe("error");
  });

  it("says error when the test process ended without reporting the end of the run, even with exit code 0", () => {
    // Code under test called os._exit(0) / process.exit(0): the tests after it never ran.
    expect(interpretTestRun(python, { ...base, events: passed })).toMatchObject({
      status: "error",
      summary: "1 passed, then the test process ended before the run finished (exit code 0); did the code under test exit the process?",
    });
    expect(interpretTestRun(typescript, { ...base, events: "" })).toMatchObject({ status: "error", summary: expect.stringMatching(/^the test process ended before the run finished/) });
    expect(interpretTestRun(typescript, { ...base, events: line({ event: "end" }) }).status).toBe("no_tests");
  });

  it("tells compile errors, timeouts, memory and output limits apart", () => {
    const collect = line({ event: "collect_error", nodeid: "tests/test_a.py", message: "SyntaxError: invalid syntax" });
    expect(interpretTestRun(python, { ...base, exitCode: 2, events: collect })).toMatchObject({ status: "compile_error", compileOutput: "SyntaxError: invalid syntax" });
    expect(interpretTestRun(typescript, { ...base, exitCode: 100, stderr: "src/a.ts:1:5: ERROR: Expected ';'" })).toMatchObject({ status: "compile_error", compileOutput: "src/a.ts:1:5: ERROR: Expected ';'" });
    expect(interpretTestRun(python, { ...base, exitCode: null, termination: "timeout", events: passed })).toMatchObject({ status: "timeout", summary: "timed out after 10 s", tests: [{ name: "test_a" }] });
    expect(interpretTestRun(python, { ...base, termination: "cpu_time_limit" }).status).toBe("timeout");
    expect(interpretTestRun(python, { ...base, exitCode: 137, termination: "oom" })).toMatchObject({ status: "oom", summary: "ran out of memory (limit 512 MB)" });
    expect(interpretTestRun(python, { ...base, termination: "output_limit" }).status).toBe("output_limit");
    expect(interpretTestRun(python, { ...base, exitCode: 5 }).status).toBe("no_tests");
    expect(interpretTestRun(typescript, { ...base, exitCode: 101 }).status).toBe("no_tests");
  });

  it("ignores lines that are not runner events, such as candidate output on the result channel", () => {
    const result = interpretTestRun(python, { ...base, events: `garbage\n{"event":"test"}\n{not json\n${passed}${line({ event: "end", exitstatus: 0 })}` });
    expect(result.tests).toHaveLength(1);
  });
});
