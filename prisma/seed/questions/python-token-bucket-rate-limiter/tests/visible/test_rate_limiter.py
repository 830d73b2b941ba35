import pytest

from rate_limiter import RateLimiter


class FakeClock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_new_key_may_burst_up_to_capacity():
    limiter = RateLimiter(capacity=3, refill_per_second=1.0, clock=FakeClock())
    assert [limiter.allow("alice") for _ in range(4)] == [True, True, True, False]


def test_buckets_are_per_key():
    limiter = RateLimiter(capacity=1, refill_per_second=1.0, clock=FakeClock())
    assert limiter.allow("alice") is True
    assert limiter.allow("alice") is False
    assert limiter.allow("bob") is True


def test_tokens_refill_over_time():
    clock = FakeClock()
    limiter = RateLimiter(capacity=2, refill_per_second=2.0, clock=clock)
    assert limiter.allow("k", cost=2) is True
    clock.now = 0.5
    assert limiter.tokens("k") == pytest.approx(1.0)
    assert limiter.allow("k") is True
    assert limiter.allow("k") is False


def test_retry_after_says_when_a_request_would_pass():
    limiter = RateLimiter(capacity=3, refill_per_second=1.0, clock=FakeClock())
    for _ in range(3):
        limiter.allow("alice")
    assert limiter.retry_after("alice") == pytest.approx(1.0)
    assert limiter.retry_after("alice", cost=3) == pytest.approx(3.0)
    assert limiter.retry_after("bob") == 0.0


def test_a_denied_request_takes_nothing():
    clock = FakeClock()
    limiter = RateLimiter(capacity=3, refill_per_second=1.0, clock=clock)
    assert limiter.allow("k", cost=2) is True
    assert limiter.allow("k", cost=2) is False
    assert limiter.tokens("k") == pytest.approx(1.0)
