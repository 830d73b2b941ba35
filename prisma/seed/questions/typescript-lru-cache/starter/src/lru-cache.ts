export interface LRUCacheOptions<K, V> {
  /** Called with each entry dropped because the cache was full. */
  onEvict?: (key: K, value: V) => void;
}

/** A fixed-capacity cache that drops its least recently used entry when full. */
export class LRUCache<K, V> {
  constructor(capacity: number, options: LRUCacheOptions<K, V> = {}) {
    throw new Error("Not implemented");
  }

  get(key: K): V | undefined {
    throw new Error("Not implemented");
  }

  peek(key: K): V | undefined {
    throw new Error("Not implemented");
  }

  has(key: K): boolean {
    throw new Error("Not implemented");
  }

  set(key: K, value: V): this {
    throw new Error("Not implemented");
  }

  delete(key: K): boolean {
    throw new Error("Not implemented");
  }

  clear(): void {
    throw new Error("Not implemented");
  }

  get size(): number {
    throw new Error("Not implemented");
  }

  /** Keys from most to least recently used. */
  keys(): K[] {
    throw new Error("Not implemented");
  }
}
