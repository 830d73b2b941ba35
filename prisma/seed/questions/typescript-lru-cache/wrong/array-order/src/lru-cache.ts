export interface LRUCacheOptions<K, V> {
  /** Called with each entry dropped because the cache was full. */
  onEvict?: (key: K, value: V) => void;
}

/** Wrong: right behaviour, but the order of use is an array — every use is O(capacity). */
export class LRUCache<K, V> {
  private readonly values = new Map<K, V>();
  private order: K[] = [];
  private readonly capacity: number;
  private readonly onEvict: ((key: K, value: V) => void) | undefined;

  constructor(capacity: number, options: LRUCacheOptions<K, V> = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    this.capacity = capacity;
    this.onEvict = options.onEvict;
  }

  get(key: K): V | undefined {
    if (!this.values.has(key)) return undefined;
    this.touch(key);
    return this.values.get(key);
  }

  peek(key: K): V | undefined {
    return this.values.get(key);
  }

  has(key: K): boolean {
    return this.values.has(key);
  }

  set(key: K, value: V): this {
    const existed = this.values.has(key);
    this.values.set(key, value);
    if (existed) {
      this.touch(key);
      return this;
    }
    this.order.push(key);
    if (this.values.size > this.capacity) {
      const evicted = this.order.shift()!;
      const evictedValue = this.values.get(evicted)!;
      this.values.delete(evicted);
      this.onEvict?.(evicted, evictedValue);
    }
    return this;
  }

  delete(key: K): boolean {
    if (!this.values.has(key)) return false;
    this.order.splice(this.order.findIndex((k) => Object.is(k, key)), 1);
    return this.values.delete(key);
  }

  clear(): void {
    this.values.clear();
    this.order = [];
  }

  get size(): number {
    return this.values.size;
  }

  keys(): K[] {
    return [...this.order].reverse();
  }

  private touch(key: K): void {
    this.order.splice(this.order.findIndex((k) => Object.is(k, key)), 1);
    this.order.push(key);
  }
}
