import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LRUCache } from "./lru-cache";

describe("LRUCache: order of use", () => {
  it("peek and has do not count as a use", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1).set("b", 2);
    assert.equal(cache.peek("a"), 1);
    assert.equal(cache.has("a"), true);
    cache.set("c", 3);
    assert.deepEqual(cache.keys(), ["c", "b"]);
  });

  it("updating a key counts as a use and never evicts", () => {
    const evicted: string[] = [];
    const cache = new LRUCache<string, number>(2, { onEvict: (key) => evicted.push(key) });
    cache.set("a", 1).set("b", 2).set("a", 10);
    assert.deepEqual(evicted, []);
    assert.deepEqual(cache.keys(), ["a", "b"]);
    assert.equal(cache.size, 2);
    cache.set("c", 3);
    assert.deepEqual(evicted, ["b"]);
    assert.equal(cache.get("a"), 10);
  });

  it("get of a missing key changes nothing", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1).set("b", 2);
    cache.get("zzz");
    assert.deepEqual(cache.keys(), ["b", "a"]);
  });

  it("keys lists most recently used first without changing the order", () => {
    const cache = new LRUCache<number, string>(5);
    for (const key of [1, 2, 3, 4]) cache.set(key, String(key));
    cache.get(2);
    cache.set(3, "three");
    assert.deepEqual(cache.keys(), [3, 2, 4, 1]);
    assert.deepEqual(cache.keys(), [3, 2, 4, 1]);
  });
});

describe("LRUCache: eviction", () => {
  it("calls onEvict with the key and value, after removing the entry", () => {
    const seen: Array<[string, number, boolean, number]> = [];
    const cache: LRUCache<string, number> = new LRUCache<string, number>(2, {
      onEvict: (key, value) => seen.push([key, value, cache.has(key), cache.size]),
    });
    cache.set("a", 1).set("b", 2).set("c", 3).set("d", 4);
    assert.deepEqual(seen, [
      ["a", 1, false, 2],
      ["b", 2, false, 2],
    ]);
  });

  it("does not call onEvict for delete, clear or updates", () => {
    let calls = 0;
    const cache = new LRUCache<string, number>(2, { onEvict: () => calls++ });
    cache.set("a", 1).set("b", 2).set("b", 3);
    cache.delete("a");
    cache.clear();
    assert.equal(calls, 0);
    assert.equal(cache.size, 0);
    assert.deepEqual(cache.keys(), []);
  });

  it("works with capacity 1", () => {
    const cache = new LRUCache<string, number>(1);
    cache.set("a", 1).set("b", 2);
    assert.deepEqual(cache.keys(), ["b"]);
    assert.equal(cache.get("a"), undefined);
  });

  it("a deleted key frees its slot", () => {
    const evicted: string[] = [];
    const cache = new LRUCache<string, number>(2, { onEvict: (key) => evicted.push(key) });
    cache.set("a", 1).set("b", 2);
    cache.delete("a");
    cache.set("c", 3);
    assert.deepEqual(evicted, []);
    assert.deepEqual(cache.keys(), ["c", "b"]);
  });
});

describe("LRUCache: keys and values", () => {
  it("compares object keys by identity", () => {
    const cache = new LRUCache<object, string>(3);
    const k1 = { id: 1 };
    cache.set(k1, "one");
    assert.equal(cache.get({ id: 1 }), undefined);
    assert.equal(cache.get(k1), "one");
  });

  it("treats NaN as one key and keeps undefined values", () => {
    const cache = new LRUCache<number, string | undefined>(3);
    cache.set(Number.NaN, "nan").set(0, undefined);
    assert.equal(cache.get(Number.NaN), "nan");
    assert.equal(cache.has(0), true);
    assert.equal(cache.get(0), undefined);
    assert.deepEqual(cache.keys(), [0, Number.NaN]);
    cache.get(0);
    cache.set(1, "x").set(2, "y");
    assert.equal(cache.has(Number.NaN), false);
    assert.equal(cache.has(0), true);
  });

  it("does not confuse keys with Object.prototype properties", () => {
    const cache = new LRUCache<string, number>(2);
    assert.equal(cache.get("constructor"), undefined);
    assert.equal(cache.has("toString"), false);
    cache.set("__proto__", 1);
    assert.equal(cache.get("__proto__"), 1);
  });

  for (const capacity of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`rejects capacity ${capacity}`, () => {
      assert.throws(() => new LRUCache(capacity), RangeError);
    });
  }
});

describe("LRUCache: performance", () => {
  it("handles a million operations on 100 000 entries quickly", () => {
    const capacity = 100_000;
    let evictions = 0;
    const cache = new LRUCache<number, number>(capacity, { onEvict: () => evictions++ });
    const started = performance.now();
    for (let i = 0; i < capacity; i++) cache.set(i, i);
    let hits = 0;
    for (let i = 0; i < 900_000; i++) {
      const key = (i * 7919) % (2 * capacity);
      if (i % 3 === 0) cache.set(key, i);
      else if (cache.get(key) !== undefined) hits++;
    }
    const elapsed = performance.now() - started;
    assert.equal(cache.size, capacity);
    assert.ok(evictions > 0);
    assert.ok(hits > 0);
    assert.ok(elapsed < 4000, `took ${Math.round(elapsed)} ms`);
  });
});
