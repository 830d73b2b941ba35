"""Per-key token-bucket rate limiting."""
import time
from typing import Callable

EPSILON = 1e-9


class RateLimiter:
    def __init__(self, capacity: int, refill_per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1:
            raise ValueError("capacity must be an int >= 1")
        if not refill_per_second > 0:
            raise ValueError("refill_per_second must be positive")
        self._capacity = capacity
        self._rate = float(refill_per_second)
        self._clock = clock
        # key -> [tokens, last time seen]; only buckets that are not full are stored.
        self._buckets: dict[str, list[float]] = {}
        self._calls = 0
        self._next_sweep = 1024

    def allow(self, key: str, cost: int = 1) -> bool:
        """Take `cost` tokens from `key`'s bucket if it has them."""
        self._check_cost(cost)
        now = self._clock()
        tokens, last = self._refill(key, now)
        self._maybe_sweep(now)
        if tokens + EPSILON < cost:
            self._store(key, tokens, last)
            return False
        self._store(key, max(0.0, tokens - cost), last)
        return True

    def tokens(self, key: str) -> float:
        """Tokens in `key`'s bucket now."""
        return self._refill(key, self._clock())[0]

    def retry_after(self, key: str, cost: int = 1) -> float:
        """Seconds until allow(key, cost) would succeed."""
        self._check_cost(cost)
        tokens = self.tokens(key)
        if tokens + EPSILON >= cost:
            return 0.0
        return (cost - tokens) / self._rate

    def __len__(self) -> int:
        """Number of keys whose bucket is not full."""
        self._sweep(self._clock())
        return len(self._buckets)

    def _check_cost(self, cost: int) -> None:
        if not isinstance(cost, int) or isinstance(cost, bool) or not 1 <= cost <= self._capacity:
            raise ValueError(f"cost must be an int between 1 and {self._capacity}")

    def _refill(self, key: str, now: float) -> tuple[float, float]:
        bucket = self._buckets.get(key)
        if bucket is None:
            return float(self._capacity), now
        tokens, last = bucket
        if now <= last:
            # The clock went backwards (or did not move): keep the latest time seen.
            return tokens, last
        return min(float(self._capacity), tokens + (now - last) * self._rate), now

    def _store(self, key: str, tokens: float, last: float) -> None:
        if tokens >= self._capacity:
            self._buckets.pop(key, None)
        else:
            self._buckets[key] = [tokens, last]

    def _maybe_sweep(self, now: float) -> None:
        # A full sweep costs O(buckets left after the previous sweep), and it comes that many
        # calls later: O(1) amortised. Between sweeps at most that many buckets are added, so
        # memory stays within twice the buckets that are really not full (plus 1024). The
        # interval is fixed at the previous sweep: measured against the current size, which
        # grows by one per new key, the next sweep would never come.
        self._calls += 1
        if self._calls >= self._next_sweep:
            self._calls = 0
            self._sweep(now)
            self._next_sweep = max(1024, len(self._buckets))

    def _sweep(self, now: float) -> None:
        for key in list(self._buckets):
            tokens, last = self._refill(key, now)
            self._store(key, tokens, last)
