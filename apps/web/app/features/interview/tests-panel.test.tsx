// @vitest-environment jsdom
import "./dom-test-setup";
import type { TestRunView } from "@interviewlm/realtime";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { TestsPanel } from "./tests-panel";
import { useTestRunRequest } from "./use-test-run-request";

/** The candidate's wiring: the panel with the shared request state (button and shortcut). */
function CandidateTests({ runs, send, lastErrorAt = null }: { runs: TestRunView[]; send: () => boolean; lastErrorAt?: number | null }) {
  const testRun = useTestRunRequest(runs, send, lastErrorAt);
  return (
    <>
      <button type="button" onClick={testRun.request}>shortcut</button>
      <TestsPanel runs={runs} canRun connected pending={testRun.pending} onRun={testRun.request} />
    </>
  );
}

const result = (failed: boolean): NonNullable<TestRunView["result"]> => ({
  status: failed ? "failed" : "passed",
  summary: "",
  tests: [
    { name: "test_empty", file: "test_a.py", status: "passed", durationMs: 3, message: null, details: null, output: "", hidden: false },
    {
      name: "test_cycle",
      file: "test_a.py",
      status: failed ? "failed" : "passed",
      durationMs: 1200,
      message: failed ? "AssertionError: expected CycleError" : null,
      details: failed ? "Traceback (most recent call last): ..." : null,
      output: "",
      hidden: false,
    },
  ],
  totals: { total: 2, passed: failed ? 1 : 2, failed: failed ? 1 : 0, errored: 0, skipped: 0 },
  compileOutput: null,
  exitCode: failed ? 1 : 0,
  termination: "exited",
  durationMs: 1500,
  stdout: "",
  stderr: "",
});
const run = (runId: string, status: TestRunView["status"], failed = true): TestRunView => ({
  runId,
  startedAt: Date.UTC(2026, 0, 1, 10, 0, 0),
  questionPosition: 0,
  status,
  result: status === "done" ? result(failed) : null,
  error: null,
});

describe("TestsPanel", () => {
  it("runs the tests and stays pending until the room reports the run; the shortcut cannot start a second run", async () => {
    const send = vi.fn(() => true);
    const view = render(<CandidateTests runs={[]} send={send} />);
    await userEvent.click(screen.getByRole("button", { name: /run tests/i }));
    expect(send).toHaveBeenCalledTimes(1);
    const button = screen.getByRole("button", { name: /running/i });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole("button", { name: "shortcut" }));
    expect(send).toHaveBeenCalledTimes(1);

    view.rerender(<CandidateTests runs={[run("r1", "running")]} send={send} />);
    expect((screen.getByRole("button", { name: /running/i }) as HTMLButtonElement).disabled).toBe(true);
    const liveRegion = () => view.container.querySelector('[aria-live="polite"]')?.textContent;
    expect(liveRegion()).toBe("Running tests…");

    view.rerender(<CandidateTests runs={[run("r1", "done")]} send={send} />);
    expect((screen.getByRole("button", { name: /run tests/i }) as HTMLButtonElement).disabled).toBe(false);
    expect(liveRegion()).toBe("Tests finished: 1 of 2 passed, 1 failed.");
    await userEvent.click(screen.getByRole("button", { name: "shortcut" }));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("does not look pending when the request could not be sent, nor after the room refuses it", async () => {
    const view = render(<CandidateTests runs={[]} send={() => false} />);
    await userEvent.click(screen.getByRole("button", { name: /run tests/i }));
    expect((screen.getByRole("button", { name: /run tests/i }) as HTMLButtonElement).disabled).toBe(false);

    view.rerender(<CandidateTests runs={[]} send={() => true} />);
    await userEvent.click(screen.getByRole("button", { name: /run tests/i }));
    expect(screen.getByRole("button", { name: /running/i })).toBeTruthy();
    view.rerender(<CandidateTests runs={[]} send={() => true} lastErrorAt={99} />);
    expect((screen.getByRole("button", { name: /run tests/i }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows each test with its status, message, duration and details", () => {
    render(<TestsPanel runs={[run("r1", "done")]} canRun={false} connected />);
    const list = screen.getByRole("list", { name: "Test results" });
    expect(list.textContent).toContain("test_emptyPassed3 ms");
    expect(list.textContent).toContain("test_cycleAssertionError: expected CycleErrorFailed1.20 s");
    expect(screen.getByText(/Traceback/)).toBeTruthy();
    expect(screen.getByText("Some tests failed")).toBeTruthy();
    // Reviewers watch: no Run button.
    expect(screen.queryByRole("button", { name: /run tests/i })).toBeNull();
  });

  it("shows the current question's latest run, keeping earlier questions' runs in the history", () => {
    const earlier = { ...run("r1", "done", false), questionPosition: 0 };
    render(<TestsPanel runs={[earlier]} canRun connected questionPosition={1} />);
    expect(screen.getByText(/No runs yet/)).toBeTruthy();
    expect(screen.getByRole("list", { name: "Test run history" }).textContent).toContain("Q1");
  });

  it("keeps a history of runs and shows an older one on request", async () => {
    render(<TestsPanel runs={[run("r1", "done", true), run("r2", "done", false)]} canRun={false} connected />);
    expect(screen.getByText("All tests passed")).toBeTruthy();
    const history = screen.getByRole("list", { name: "Test run history" });
    const [newest, older] = Array.from(history.querySelectorAll("button"));
    expect(newest?.getAttribute("aria-current")).toBe("true");
    await userEvent.click(older!);
    expect(screen.getByText("Some tests failed")).toBeTruthy();
  });
});
