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

describe("mapLimit", () => {
  it("maps every item and keeps input order", async () => {
    const state = await stateOf(mapLimit([1, 2, 3], 2, (n) => n * 10));
    assert.deepEqual(state, { status: "fulfilled", value: [10, 20, 30] });
  });

  it("starts only `limit` calls at first", async () => {
    const { calls, fn } = manualCalls();
    mapLimit(["a", "b", "c", "d"], 2, fn);
    await flush();
    assert.deepEqual(calls.map((call) => call.item), ["a", "b"]);
  });

  it("resolves in input order when calls finish out of order", async () => {
    const { calls, fn } = manualCalls();
    const result = mapLimit(["a", "b"], 2, fn);
    await flush();
    calls[1].resolve("B");
    calls[0].resolve("A");
    assert.deepEqual(await stateOf(result), { status: "fulfilled", value: ["A", "B"] });
  });

  it("rejects with the first error", async () => {
    const boom = new Error("boom");
    const state = await stateOf(mapLimit([1, 2], 1, () => Promise.reject(boom)));
    assert.deepEqual(state, { status: "rejected", reason: boom });
  });
});
