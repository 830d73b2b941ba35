"""Per-key token-bucket rate limiting."""
import time
from typing import Callable


class RateLimiter:
    def __init__(self, capacity: int, refill_per_second: float, clock: Callable[[], float] = time.monotonic) -> None:
        raise NotImplementedError

    def allow(self, key: str, cost: int = 1) -> bool:
        """Take `cost` tokens from `key`'s bucket if it has them."""
        raise NotImplementedError

    def tokens(self, key: str) -> float:
        """Tokens in `key`'s bucket now."""
        raise NotImplementedError

    def retry_after(self, key: str, cost: int = 1) -> float:
        """Seconds until allow(key, cost) would succeed."""
        raise NotImplementedError

    def __len__(self) -> int:
        """Number of keys whose bucket is not full."""
        raise NotImplementedError
