// One test run in full: headline, totals, every test with its message and output, and the
// compiler or runner output when the run did not get as far as running tests.
import { Badge, Spinner, cx } from "@interviewlm/ui";
import { CircleCheck, CircleMinus, CircleX, TriangleAlert } from "@interviewlm/ui/icons";
import type { TestRunView } from "@interviewlm/realtime";
import { formatDuration, runHeadline, runTone, runTotals } from "./test-run-summary";

type TestCase = NonNullable<TestRunView["result"]>["tests"][number];

const CASE_ICON = {
  passed: { Icon: CircleCheck, className: "text-success-fg", label: "Passed" },
  failed: { Icon: CircleX, className: "text-danger-fg", label: "Failed" },
  error: { Icon: TriangleAlert, className: "text-warning-fg", label: "Error" },
  skipped: { Icon: CircleMinus, className: "text-fg-subtle", label: "Skipped" },
} as const;

export function TestRunDetails({ run }: { run: TestRunView }) {
  const result = run.result;
  const totals = runTotals(run);
  const extraOutput = result && (result.compileOutput || (result.tests.length === 0 ? [result.stdout, result.stderr].filter(Boolean).join("\n") : ""));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={runTone(run)} dot>
          {run.status === "running" ? <Spinner size="sm" /> : null}
          {runHeadline(run)}
        </Badge>
        {totals ? <span className="text-xs text-fg-muted">{totals}</span> : null}
        {result ? <span className="text-xs text-fg-subtle">in {formatDuration(result.durationMs)}</span> : null}
      </div>
      {extraOutput ? <OutputBlock label="Output" text={extraOutput} /> : null}
      {result && result.tests.length > 0 ? (
        <ul aria-label="Test results" className="divide-y divide-line rounded-md border border-line">
          {result.tests.map((test, index) => (
            <TestCaseRow key={`${index}:${test.name}`} test={test} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function TestCaseRow({ test }: { test: TestCase }) {
  const { Icon, className, label } = CASE_ICON[test.status];
  const hasMore = Boolean(test.details || test.output);
  const summary = (
    <span className="flex min-w-0 items-start gap-2">
      <Icon aria-hidden="true" className={cx("mt-0.5 size-4 shrink-0", className)} />
      <span className="min-w-0 flex-1">
        <span className="block font-mono text-xs break-words text-fg">{test.name}</span>
        {test.message ? <span className="mt-0.5 block font-mono text-xs break-words text-fg-muted">{test.message}</span> : null}
      </span>
      <span className="sr-only">{label}</span>
      <span className="shrink-0 text-xs text-fg-subtle tabular-nums">{formatDuration(test.durationMs)}</span>
    </span>
  );
  return (
    <li className="px-3 py-2">
      {hasMore ? (
        <details>
          <summary className="cursor-pointer list-none focus-visible:outline-2 focus-visible:outline-focus">{summary}</summary>
          <div className="mt-2 space-y-2 pl-6">
            {test.details ? <OutputBlock label="Details" text={test.details} /> : null}
            {test.output ? <OutputBlock label="Output" text={test.output} /> : null}
          </div>
        </details>
      ) : (
        summary
      )}
    </li>
  );
}

function OutputBlock({ label, text }: { label: string; text: string }) {
  return (
    <figure>
      <figcaption className="mb-1 text-xs text-fg-subtle">{label}</figcaption>
      <pre className="max-h-48 overflow-auto rounded-md border border-line bg-canvas p-2 font-mono text-xs whitespace-pre-wrap text-fg-muted">{text}</pre>
    </figure>
  );
}
