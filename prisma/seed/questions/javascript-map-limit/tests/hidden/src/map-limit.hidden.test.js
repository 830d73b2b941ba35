import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { mapLimit } from "./map-limit.js";

// Test helpers: calls that the test settles by hand, and a way to see a promise's state
// without waiting on it (setImmediate runs once every pending promise callback has run).

function manualCalls() {
  const calls = [];
  const fn = (item, index) =>
    new Promise((resolve, reject) => {
      calls.push({ item, index, resolve, reject });
    });
  return { calls, fn };
}

function flush() {
  return new Promise((resolve) => setImmediate(resolve));
}

async function stateOf(promise) {
  let state = { status: "pending" };
  promise.then(
    (value) => (state = { status: "fulfilled", value }),
    (reason) => (state = { status: "rejected", reason }),
  );
  await flush();
  return state;
}

describe("mapLimit: scheduling", () => {
  it("starts the next call as soon as any one settles", async () => {
    const { calls, fn } = manualCalls();
    const result = mapLimit(["a", "b", "c", "d", "e"], 2, fn);
    await flush();
    calls[1].resolve("B");
    await flush();
    assert.deepEqual(calls.map((call) => call.item), ["a", "b", "c"]);
    calls[2].resolve("C");
    await flush();
    assert.deepEqual(calls.map((call) => call.item), ["a", "b", "c", "d"]);
    calls[0].resolve("A");
    calls[3].resolve("D");
    await flush();
    assert.equal(calls.length, 5);
    assert.equal((await stateOf(result)).status, "pending");
    calls[4].resolve("E");
    assert.deepEqual(await stateOf(result), { status: "fulfilled", value: ["A", "B", "C", "D", "E"] });
  });

  it("passes the index and calls fn exactly once per item", async () => {
    const { calls, fn } = manualCalls();
    const result = mapLimit(["x", "y", "z"], 1, fn);
    for (let i = 0; i < 3; i += 1) {
      await flush();
      assert.equal(calls.length, i + 1);
      calls[i].resolve(i);
    }
    assert.deepEqual(await stateOf(result), { status: "fulfilled", value: [0, 1, 2] });
    assert.deepEqual(calls.map((call) => [call.item, call.index]), [["x", 0], ["y", 1], ["z", 2]]);
  });

  it("never calls fn for more items than there are when limit is larger", async () => {
    const { calls, fn } = manualCalls();
    const result = mapLimit(["a", "b"], 5, fn);
    await flush();
    assert.equal(calls.length, 2);
    calls[0].resolve(1);
    calls[1].resolve(2);
    assert.deepEqual(await stateOf(result), { status: "fulfilled", value: [1, 2] });
    assert.equal(calls.length, 2);
  });

  it("resolves an empty list with [] without calling fn", async () => {
    let called = 0;
    assert.deepEqual(await stateOf(mapLimit([], 3, () => (called += 1))), { status: "fulfilled", value: [] });
    assert.equal(called, 0);
  });
});

describe("mapLimit: errors", () => {
  it("starts no new calls after the first rejection", async () => {
    const { calls, fn } = manualCalls();
    const boom = new Error("boom");
    let outcome = { status: "pending" };
    mapLimit(["a", "b", "c", "d"], 2, fn).catch((reason) => (outcome = { status: "rejected", reason }));
    await flush();
    calls[0].reject(boom);
    await flush();
    assert.deepEqual(outcome, { status: "rejected", reason: boom });
    calls[1].resolve("B");
    await flush();
    assert.equal(calls.length, 2);
  });

  it("treats a synchronous throw as a rejection", async () => {
    const boom = new Error("sync");
    const state = await stateOf(mapLimit([1], 1, () => { throw boom; }));
    assert.deepEqual(state, { status: "rejected", reason: boom });
  });

  it("rejects an invalid limit with a RangeError and calls nothing", async () => {
    for (const limit of [0, -1, 1.5, Number.NaN, "2", undefined]) {
      let called = 0;
      const state = await stateOf(mapLimit([1], limit, () => (called += 1)));
      assert.equal(state.status, "rejected", `limit ${String(limit)}`);
      assert.ok(state.reason instanceof RangeError, `limit ${String(limit)}`);
      assert.equal(called, 0);
    }
  });

  it("accepts plain values and a limit of exactly 1", async () => {
    const state = await stateOf(mapLimit(["a", "b"], 1, (item, index) => `${item}${index}`));
    assert.deepEqual(state, { status: "fulfilled", value: ["a0", "b1"] });
  });
});
