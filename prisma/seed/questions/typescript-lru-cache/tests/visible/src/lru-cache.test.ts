import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LRUCache } from "./lru-cache";

describe("LRUCache", () => {
  it("stores and returns values", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1).set("b", 2);
    assert.equal(cache.get("a"), 1);
    assert.equal(cache.get("b"), 2);
    assert.equal(cache.get("missing"), undefined);
    assert.equal(cache.size, 2);
  });

  it("evicts the least recently used entry when full", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1).set("b", 2).set("c", 3);
    assert.equal(cache.has("a"), false);
    assert.deepEqual(cache.keys(), ["c", "b"]);
  });

  it("counts a get as a use", () => {
    const evicted: string[] = [];
    const cache = new LRUCache<string, number>(2, { onEvict: (key) => evicted.push(key) });
    cache.set("a", 1).set("b", 2);
    cache.get("a");
    cache.set("c", 3);
    assert.deepEqual(evicted, ["b"]);
    assert.deepEqual(cache.keys(), ["c", "a"]);
  });

  it("deletes entries", () => {
    const cache = new LRUCache<string, number>(2);
    cache.set("a", 1);
    assert.equal(cache.delete("a"), true);
    assert.equal(cache.delete("a"), false);
    assert.equal(cache.size, 0);
  });

  it("rejects a capacity below one", () => {
    assert.throws(() => new LRUCache(0), RangeError);
  });
});
