import { describe, expect, it } from "vitest";
import { runPool } from "./pool.ts";

describe("runPool", () => {
  it("never has more than `concurrency` calls in flight, and runs every item once with its index", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: [string, number][] = [];
    const releases: (() => void)[] = [];
    const done = runPool(["a", "b", "c", "d", "e"], 2, async (item, index) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      seen.push([item, index]);
      await new Promise<void>((resolve) => releases.push(resolve));
      inFlight -= 1;
    });
    // Release the waiting calls one by one until every item has started and finished.
    while (seen.length < 5 || inFlight > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    await done;
    expect(most).toBe(2);
    expect(seen.sort()).toEqual([["a", 0], ["b", 1], ["c", 2], ["d", 3], ["e", 4]]);
  });

  it("resolves at once for no items", async () => {
    await expect(runPool([], 3, () => Promise.reject(new Error("never called")))).resolves.toBeUndefined();
  });
});
