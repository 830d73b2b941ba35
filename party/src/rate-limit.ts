// A token bucket per connection: `capacity` messages at once, refilled continuously.
// Refusing (not queueing) keeps one flooding client from delaying everyone else's messages.
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes `amount` tokens if there are that many (a frame larger than the capacity never fits). */
  take(now = Date.now(), amount = 1): boolean {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

/**
 * The hard per-connection budget, in messages and in bytes. The soft limit (a TokenBucket that
 * answers `rate_limited`) shapes a well-meaning client; a connection that spends this budget
 * is flooding and is disconnected (CLOSE_CODES.flood), so it cannot slow everyone else down.
 */
export class ConnectionBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(limits: { messages: { capacity: number; refillPerSecond: number }; bytes: { capacity: number; refillPerSecond: number } }, now = Date.now()) {
    this.messages = new TokenBucket(limits.messages.capacity, limits.messages.refillPerSecond, now);
    this.bytes = new TokenBucket(limits.bytes.capacity, limits.bytes.refillPerSecond, now);
  }

  /** Null while within budget; otherwise which budget was exceeded. */
  spend(size: number, now = Date.now()): "messages" | "bytes" | null {
    if (!this.messages.take(now)) return "messages";
    return this.bytes.take(now, size) ? null : "bytes";
  }
}

/** Size of a frame for the byte budget (a string's UTF-16 length: cheap, and ≤ its UTF-8 size). */
export function frameSize(data: unknown): number {
  if (typeof data === "string") return data.length;
  if (data instanceof ArrayBuffer) return data.byteLength;
  if (ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}
