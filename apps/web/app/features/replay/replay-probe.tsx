// "Open a sandbox at this moment": the files at T in a new workspace of the reviewer's own,
// where the question's visible and hidden tests run. Slow (a sandbox and a test run), so the
// button shows progress and the result is announced. Then a terminal in that workspace, on request.
import { Badge, Button, cx } from "@interviewlm/ui";
import { trpc } from "~/lib/trpc";
import { ProbeTerminal } from "./probe-terminal";
import { formatOffset } from "./replay-time";

export function ReplayProbe({ sessionId, t }: { sessionId: string; t: number }) {
  const probe = trpc.replay.probe.useMutation();
  const result = probe.data;
  return (
    <section aria-labelledby="probe-heading" className="rounded-md border border-line bg-surface p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="probe-heading" className="text-xs font-medium tracking-wide text-fg-muted uppercase">Probe from here</h2>
        <Button size="sm" variant="secondary" pending={probe.isPending} pendingLabel="Running the tests in a new sandbox…" onClick={() => probe.mutate({ sessionId, t: Math.round(t) })}>
          Open a sandbox at {formatOffset(t)}
        </Button>
      </div>
      <p className="mt-1 text-xs text-fg-muted">A new workspace of your own (never the candidate's) with the files as they were, where the question's visible and hidden tests run, and a terminal if you want to look around.</p>
      <div aria-live="polite">
        {probe.isError ? <p className="mt-2 text-sm text-danger-fg">{probe.error.message}</p> : null}
        {result ? (
          <div className="mt-2" data-testid="probe-result">
            <p className="text-sm">
              At {formatOffset(result.t)}: <Badge tone={result.run.status === "passed" ? "success" : "danger"}>{result.run.status}</Badge> {result.run.totals.passed} of {result.run.totals.total} passed
            </p>
            <ul className="mt-1 space-y-0.5 text-xs">
              {result.run.tests.map((test, i) => (
                <li key={`${test.name}-${i}`} className="flex justify-between gap-2">
                  <span className="break-all">
                    {test.name} <span className="text-fg-muted">({test.kind})</span>
                  </span>
                  <span className={cx(test.status === "passed" ? "text-success-fg" : "text-danger-fg")}>{test.status}</span>
                </li>
              ))}
            </ul>
            <ProbeTerminal key={result.workspaceId} sessionId={sessionId} workspaceId={result.workspaceId} />
          </div>
        ) : null}
      </div>
    </section>
  );
}
