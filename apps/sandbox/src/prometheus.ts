// GET /metrics of the sandbox service in the Prometheus text format (docs/decisions/0120): the
// same counters as GET /v1/metrics, behind the same service token. Written by hand: a dozen
// series do not need a client library in the process that runs candidates' code.
import type { MetricsResponse } from "@interviewlm/sandbox";

export const PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

type Series = { name: string; help: string; type: "counter" | "gauge"; samples: [labels: string, value: number][] };

export function prometheusText(snapshot: MetricsResponse): string {
  const series: Series[] = [
    { name: "sandbox_active_workspaces", help: "Workspaces used within the idle TTL.", type: "gauge", samples: [["", snapshot.activeWorkspaces]] },
    { name: "sandbox_open_terminals", help: "Open terminal sessions.", type: "gauge", samples: [["", snapshot.openPtys]] },
    { name: "sandbox_runs_total", help: "Runs started, by kind.", type: "counter", samples: [['{kind="exec"}', snapshot.runs.exec], ['{kind="tests"}', snapshot.runs.tests]] },
    { name: "sandbox_runs_running", help: "Runs in progress.", type: "gauge", samples: [["", snapshot.runs.running]] },
    {
      name: "sandbox_failures_total",
      help: "Failed requests (5xx) and runs ended by a limit, by reason.",
      type: "counter",
      samples: [
        ['{reason="request"}', snapshot.failures.requests],
        ['{reason="timeout"}', snapshot.failures.timeouts],
        ['{reason="oom"}', snapshot.failures.oom],
        ['{reason="output_limit"}', snapshot.failures.outputLimit],
      ],
    },
    { name: "sandbox_reaped_workspaces_total", help: "Idle workspaces suspended.", type: "counter", samples: [["", snapshot.reapedWorkspaces]] },
    { name: "sandbox_uptime_seconds", help: "Seconds since the service started.", type: "gauge", samples: [["", snapshot.uptimeSeconds]] },
  ];
  return series.map((s) => [`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`, ...s.samples.map(([labels, value]) => `${s.name}${labels} ${value}`)].join("\n")).join("\n") + "\n";
}
