// Runs the checks after hydration and reports each one in a live region. Without
// JavaScript nothing can run, and the interview itself needs it, so <noscript> says so.
import { Button, Spinner, cx } from "@interviewlm/ui";
import { CircleAlert, CircleCheck, CircleX } from "@interviewlm/ui/icons";
import { useCallback, useEffect, useState } from "react";
import { checkBrowser, checkLiveConnection, checkSandbox, checkServer, checksPassed, liveCheckUrl, type CheckResult } from "./system-checks";

const PENDING: CheckResult[] = [
  { id: "browser", label: "Browser", state: "pending", detail: "Checking…" },
  { id: "server", label: "Connection", state: "pending", detail: "Checking…" },
  { id: "websocket", label: "Live connection", state: "pending", detail: "Checking…" },
  { id: "sandbox", label: "Code sandbox", state: "pending", detail: "Running a test in your sandbox…" },
];

function StateIcon({ state }: { state: CheckResult["state"] }) {
  if (state === "pending") return <Spinner size="sm" />;
  const Icon = state === "passed" ? CircleCheck : state === "warning" ? CircleAlert : CircleX;
  const colour = state === "passed" ? "text-success-fg" : state === "warning" ? "text-warning-fg" : "text-danger-fg";
  return <Icon aria-hidden="true" className={cx("size-4", colour)} />;
}

const STATE_WORDS = { pending: "checking", passed: "ok", warning: "warning", failed: "problem" } as const;

export function SystemCheck({ checkUrl, sandboxCheckUrl, roomHost, onResult }: { checkUrl: string; sandboxCheckUrl: string; roomHost: string; onResult: (passed: boolean) => void }) {
  const [results, setResults] = useState<CheckResult[]>(PENDING);

  const run = useCallback(async () => {
    setResults(PENDING);
    onResult(false);
    const openSocket = typeof window.WebSocket === "function" ? (url: string) => new window.WebSocket(url) : null;
    const [server, live, sandbox] = await Promise.all([
      checkServer((url, init) => fetch(url, init), checkUrl),
      checkLiveConnection(openSocket, liveCheckUrl(roomHost)),
      checkSandbox((url, init) => fetch(url, init), sandboxCheckUrl),
    ]);
    const next = [checkBrowser(window), server, live, sandbox];
    setResults(next);
    onResult(checksPassed(next));
  }, [checkUrl, sandboxCheckUrl, roomHost, onResult]);

  useEffect(() => {
    void run();
  }, [run]);

  const running = results.some((r) => r.state === "pending");
  const failed = results.some((r) => r.state === "failed");
  return (
    <section aria-labelledby="system-check-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <h2 id="system-check-heading" className="text-sm font-semibold text-fg">
          System check
        </h2>
        <Button type="button" size="sm" variant="ghost" onClick={() => void run()} disabled={running}>
          Run again
        </Button>
      </div>
      <noscript>
        <p className="text-sm text-danger-fg">The interview needs JavaScript. Turn it on for this site and reload the page.</p>
      </noscript>
      <ul aria-live="polite" className="divide-y divide-line rounded-md border border-line">
        {results.map((r) => (
          <li key={r.id} className="flex gap-3 px-3 py-2.5">
            <span className="mt-0.5">
              <StateIcon state={r.state} />
            </span>
            <div>
              <p className="text-sm font-medium text-fg">
                {r.label}
                <span className="sr-only">: {STATE_WORDS[r.state]}</span>
              </p>
              <p className="text-xs text-fg-muted">{r.detail}</p>
            </div>
          </li>
        ))}
      </ul>
      {failed ? <p className="text-sm text-danger-fg">Start stays disabled until every check passes. Follow the advice above, then run the check again.</p> : null}
    </section>
  );
}
