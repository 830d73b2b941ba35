import { describe, expect, it } from "vitest";
import { startPollingWorker } from "./polling-worker.ts";

/** A promise with its resolve function, to hold a pass open until the test lets it end. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("startPollingWorker", () => {
  it("runs passes one after another, never two at once", async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    const enough = deferred();
    const worker = startPollingWorker({
      intervalMs: 0,
      onError: (error) => {
        throw error;
      },
      pass: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await Promise.resolve();
        active--;
        if (++passes === 5) enough.resolve();
      },
    });
    await enough.promise;
    await worker.stop();
    expect(maxActive).toBe(1);
  });

  it("reports a pass that throws and keeps polling", async () => {
    const errors: unknown[] = [];
    const second = deferred();
    let passes = 0;
    const worker = startPollingWorker({
      intervalMs: 0,
      onError: (error) => errors.push(error),
      pass: async () => {
        passes++;
        if (passes === 1) throw new Error("database hiccup");
        second.resolve();
      },
    });
    await second.promise;
    await worker.stop();
    expect(errors).toEqual([new Error("database hiccup")]);
  });

  it("stop() waits for the pass in progress, tells it to stop, and no pass starts after", async () => {
    const started = deferred();
    const release = deferred();
    let sawStopping = false;
    let passes = 0;
    const worker = startPollingWorker({
      intervalMs: 0,
      onError: () => {},
      pass: async (isStopping) => {
        passes++;
        started.resolve();
        await release.promise;
        sawStopping = isStopping();
      },
    });
    await started.promise;
    const stopping = worker.stop();
    let stoppedYet = false;
    void stopping.then(() => (stoppedYet = true));
    await Promise.resolve();
    expect(stoppedYet).toBe(false);
    release.resolve();
    await stopping;
    expect(sawStopping).toBe(true);
    expect(passes).toBe(1);
  });

  it("marks activity when a pass starts and ends", async () => {
    const done = deferred();
    const before = Date.now();
    const worker = startPollingWorker({ intervalMs: 60_000, onError: () => {}, pass: async () => done.resolve() });
    await done.promise;
    await worker.stop();
    expect(worker.lastActivityAt()).toBeGreaterThanOrEqual(before);
  });
});
