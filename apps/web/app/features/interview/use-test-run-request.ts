// "Run tests" from the button and from Ctrl/Cmd+Enter share one request state: pending from
// the click until the room reports the run (or refuses), so neither can start a second run.
import type { ClientMessage, TestRunView } from "@interviewlm/realtime";
import { useCallback, useEffect, useRef, useState } from "react";

/** If the room never answers a request, stop showing it as pending after this long. */
const REQUEST_TIMEOUT_MS = 20_000;

export interface TestRunRequest {
  pending: boolean;
  /** Asks the room to run the visible tests, unless a run is already pending. */
  request: () => void;
}

export function useTestRunRequest(runs: TestRunView[], send: (message: ClientMessage) => boolean, lastErrorAt: number | null): TestRunRequest {
  const running = runs.some((r) => r.status === "running");
  const latestRunId = runs[runs.length - 1]?.runId ?? null;
  const [requested, setRequested] = useState(false);

  // Answered when the room reports a new run, or an error.
  useEffect(() => setRequested(false), [latestRunId, lastErrorAt]);
  useEffect(() => {
    if (!requested) return;
    const timer = setTimeout(() => setRequested(false), REQUEST_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [requested]);

  const pending = running || requested;
  const pendingRef = useRef(pending);
  pendingRef.current = pending;
  const request = useCallback(() => {
    if (pendingRef.current) return;
    if (send({ type: "tests.run" })) setRequested(true);
  }, [send]);

  return { pending, request };
}
