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

describe("LRUCache: set returns the cache", () => {
  it("returns the cache for a new key and for an update, so chains continue after an update", () => {
    const cache = new LRUCache<string, number>(2);
    assert.equal(cache.set("a", 1), cache);
    assert.equal(cache.set("a", 2), cache);
    cache.set("b", 1).set("b", 2).set("c", 3);
    assert.deepEqual(cache.keys(), ["c", "b"]);
    assert.equal(cache.get("b"), 2);
  });
});

/** The stated O(1) shape: a Map for lookups and a doubly linked list in order of use. */
class BaselineLru {
  private readonly map = new Map<number, { key: number; value: number; newer: any; older: any }>();
  private newest: any = null;
  private oldest: any = null;
  constructor(private readonly capacity: number) {}
  get(key: number): number | undefined {
    const entry = this.map.get(key);
    if (!entry) return undefined;
    this.unlink(entry);
    this.push(entry);
    return entry.value;
  }
  set(key: number, value: number): this {
    const existing = this.map.get(key);
    if (existing) {
      existing.value = value;
      this.unlink(existing);
      this.push(existing);
      return this;
    }
    const entry = { key, value, newer: null, older: null };
    this.map.set(key, entry);
    this.push(entry);
    if (this.map.size > this.capacity) {
      const evicted = this.oldest;
      this.unlink(evicted);
      this.map.delete(evicted.key);
    }
    return this;
  }
  private unlink(entry: any): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    entry.newer = entry.older = null;
  }
  private push(entry: any): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    this.newest = entry;
    if (!this.oldest) this.oldest = entry;
  }
}

type Cache = { get(key: number): unknown; set(key: number, value: number): unknown };

function filled<C extends Cache>(cache: C, capacity: number): C {
  for (let i = 0; i < capacity; i++) cache.set(i, i);
  return cache;
}

function useEveryEntry(cache: Cache, capacity: number): number {
  // Every entry once, in a scrambled order (7919 is prime, so i * 7919 mod capacity visits
  // each key), then a tenth more new keys: an O(capacity) step per use shows at once.
  let hits = 0;
  for (let i = 0; i < capacity; i++) if (cache.get((i * 7919) % capacity) !== undefined) hits++;
  for (let i = 0; i < capacity / 10; i++) cache.set(capacity + i, i);
  return hits;
}

// Efficiency without depending on the machine's speed: the candidate and a baseline of the
// expected complexity do the same work in the same run, so both see the same machine and
// load. The candidate may be many times slower than the baseline, but a solution of the wrong
// complexity is slower by orders of magnitude on this input. `prepare` builds what is not
// measured and returns the work to time. A load spike gets one retry.
function msOf(prepare: () => () => unknown): number {
  const work = prepare();
  const started = performance.now();
  work();
  return performance.now() - started;
}

function assertWithinRatioOfBaseline(candidate: () => () => unknown, baseline: () => () => unknown, maxRatio = 10): void {
  const base = [msOf(baseline), msOf(baseline), msOf(baseline)].sort((a, b) => a - b)[1]!;
  const limit = maxRatio * base + 20;
  let took = msOf(candidate);
  // Only a near miss is worth a second look; far beyond the limit is the complexity, not load.
  if (took > limit && took < 3 * limit) took = Math.min(took, msOf(candidate));
  assert.ok(took <= limit, `took ${Math.round(took / base)}x as long as a solution of the stated complexity (allowed ${maxRatio}x)`);
}

describe("LRUCache: performance", () => {
  it("keeps get and set O(1) on 50 000 entries (timed against an O(1) cache in the same run)", () => {
    const capacity = 50_000;
    let evictions = 0;
    const cache = filled(new LRUCache<number, number>(capacity, { onEvict: () => evictions++ }), capacity);
    assert.equal(useEveryEntry(cache, capacity), capacity);
    assert.equal(cache.size, capacity);
    assert.equal(evictions, capacity / 10);
    assertWithinRatioOfBaseline(
      () => {
        const candidate = filled(new LRUCache<number, number>(capacity), capacity);
        return () => useEveryEntry(candidate, capacity);
      },
      () => {
        const baseline = filled(new BaselineLru(capacity), capacity);
        return () => useEveryEntry(baseline, capacity);
      },
    );
  });
});
