import { describe, expect, it } from "vitest";
import { python } from "../languages/python.ts";
import { typescript } from "../languages/typescript.ts";
import { interpretTestRun, type RawTestRun } from "./interpret-test-run.ts";
import { DID_NOT_RUN_MESSAGE, withUnreportedTests } from "./unfinished-run.ts";

const encode = (text: string) => new TextEncoder().encode(text);
const line = (event: object) => `${JSON.stringify(event)}\n`;
const raw = (over: Partial<RawTestRun>): RawTestRun => ({
  exitCode: null,
  termination: "timeout",
  stdout: "",
  stderr: "",
  events: "",
  durationMs: 10_000,
  timeoutMs: 10_000,
  memoryLimitBytes: null,
  outputLimitBytes: 1024 * 1024,
  hiddenFiles: new Set(["tests/test_hidden.py", "hidden.test.ts"]),
  ...over,
});

const pythonHidden = { path: "tests/test_hidden.py", content: encode("def test_a():\n    pass\n\ndef test_b():\n    pass\n\ndef test_slow():\n    pass\n") };
const typescriptHidden = { path: "hidden.test.ts", content: encode('import { test } from "node:test";\ntest("a", () => {});\ntest("b", () => {});\ntest("slow", () => {});\n') };

describe("a run the service stopped", () => {
  it("counts the Python tests that never reported as errors, so a timed-out run is never complete", async () => {
    // pytest reported two passes before the CPU limit killed it in the third test.
    const events = ["test_a", "test_b"].map((name) => line({ event: "test", name, file: "tests/test_hidden.py", status: "passed", durationMs: 1 })).join("");
    const result = await withUnreportedTests(python, [pythonHidden], interpretTestRun(python, raw({ events })));
    expect(result.status).toBe("timeout");
    expect(result.totals).toEqual({ total: 3, passed: 2, failed: 0, errored: 1, skipped: 0 });
    expect(result.tests.at(-1)).toMatchObject({ name: "test_slow", status: "error", message: DID_NOT_RUN_MESSAGE, hidden: true });
  });

  it("counts every TypeScript test as an error when the killed runner reported none", async () => {
    const result = await withUnreportedTests(typescript, [typescriptHidden], interpretTestRun(typescript, raw({ termination: "oom" })));
    expect(result.status).toBe("oom");
    expect(result.totals).toEqual({ total: 3, passed: 0, failed: 0, errored: 3, skipped: 0 });
    expect(result.tests.map((t) => t.name)).toEqual(["a", "b", "slow"]);
  });

  it("applies to output-limit and CPU-limit stops too", async () => {
    for (const termination of ["output_limit", "cpu_time_limit", "killed"] as const) {
      const result = await withUnreportedTests(python, [pythonHidden], interpretTestRun(python, raw({ termination })));
      expect(result.totals.errored, termination).toBe(3);
    }
  });

  it("counts the tests after a test process that exited part-way by itself as errors", async () => {
    // Code under test called os._exit(0) in the second test: exit code 0, no end of the run.
    const events = line({ event: "test", name: "test_a", file: "tests/test_hidden.py", status: "passed", durationMs: 1 });
    const result = await withUnreportedTests(python, [pythonHidden], interpretTestRun(python, raw({ termination: "exited", exitCode: 0, events })));
    expect(result.status).toBe("error");
    expect(result.totals).toEqual({ total: 3, passed: 1, failed: 0, errored: 2, skipped: 0 });
  });

  it("leaves a run that finished by itself as the runner reported it", async () => {
    const events = line({ event: "test", name: "test_a", file: "tests/test_hidden.py", status: "passed", durationMs: 1 }) + line({ event: "end", exitstatus: 0 });
    const finished = interpretTestRun(python, raw({ termination: "exited", exitCode: 0, events }));
    expect(await withUnreportedTests(python, [pythonHidden], finished)).toBe(finished);
  });
});
