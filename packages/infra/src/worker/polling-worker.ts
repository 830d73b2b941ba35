// The background loop of a long-running process's job workers (the email outbox, evaluations):
// passes never overlap within one process — the next is scheduled `intervalMs` after the
// previous one ends — and several processes may run side by side, the pass's own claim in the
// database keeping them apart. A pass that throws (a database hiccup) is reported and the loop
// goes on: it must not end the work for the life of the process.

export interface PollingWorker {
  /** Stops polling and resolves once the pass in progress (if any) has finished. */
  stop(): Promise<void>;
  /**
   * When a pass last started or ended (ms since the epoch): readiness probes tell a live
   * worker from one whose timer died or whose pass hangs.
   */
  lastActivityAt(): number;
}

export interface PollingWorkerOptions {
  /** Pause between the end of a pass and the start of the next. */
  intervalMs: number;
  /** One pass; `isStopping()` turns true once stop() is called, so a long pass can end early. */
  pass(isStopping: () => boolean): Promise<void>;
  /** A pass threw; the next one runs after the interval all the same. */
  onError(error: unknown): void;
}

export function startPollingWorker({ intervalMs, pass, onError }: PollingWorkerOptions): PollingWorker {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let lastActivityAt = Date.now();
  const isStopping = () => stopped;

  async function runPass() {
    lastActivityAt = Date.now();
    try {
      await pass(isStopping);
    } catch (error) {
      onError(error);
    } finally {
      lastActivityAt = Date.now();
    }
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runPass().finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
    }, delayMs);
    // The worker alone must not keep a process alive (tests, scripts).
    (timer as { unref?: () => void }).unref?.();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    lastActivityAt: () => lastActivityAt,
  };
}
