import type { ExecResult, MetricsResponse, TestRunResult } from "@interviewlm/sandbox";

/** Counters behind GET /v1/metrics. */
export class ServiceMetrics {
  private readonly startedAt = Date.now();
  private exec = 0;
  private tests = 0;
  private running = 0;
  private failedRequests = 0;
  private timeouts = 0;
  private oom = 0;
  private outputLimit = 0;
  reaped = 0;

  async countRun<T extends ExecResult | TestRunResult>(kind: "exec" | "tests", run: () => Promise<T>): Promise<T> {
    if (kind === "exec") this.exec += 1;
    else this.tests += 1;
    this.running += 1;
    try {
      const result = await run();
      const termination = result.termination;
      if (termination === "timeout" || termination === "cpu_time_limit") this.timeouts += 1;
      if (termination === "oom") this.oom += 1;
      if (termination === "output_limit" || termination === "file_size_limit") this.outputLimit += 1;
      return result;
    } finally {
      this.running -= 1;
    }
  }

  countResponse(status: number): void {
    if (status >= 500) this.failedRequests += 1;
  }

  snapshot(activeWorkspaces: number, openPtys: number): MetricsResponse {
    return {
      activeWorkspaces,
      openPtys,
      runs: { exec: this.exec, tests: this.tests, running: this.running },
      failures: { requests: this.failedRequests, timeouts: this.timeouts, oom: this.oom, outputLimit: this.outputLimit },
      reapedWorkspaces: this.reaped,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
