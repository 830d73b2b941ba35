import time

import pytest

from rate_limiter import RateLimiter


class FakeClock:
    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_refill_is_capped_at_capacity():
    clock = FakeClock()
    limiter = RateLimiter(capacity=5, refill_per_second=10.0, clock=clock)
    limiter.allow("k", cost=5)
    clock.now = 100.0
    assert limiter.tokens("k") == pytest.approx(5.0)
    assert [limiter.allow("k") for _ in range(6)] == [True] * 5 + [False]


def test_fractional_refill_accumulates():
    clock = FakeClock()
    limiter = RateLimiter(capacity=1, refill_per_second=0.5, clock=clock)
    assert limiter.allow("k")
    clock.now = 1.0
    assert not limiter.allow("k")
    clock.now = 2.0
    assert limiter.allow("k")


def test_floating_point_error_is_absorbed():
    # (10.1 + 1/7 - 10.1) * 7 == 0.9999999999999964 in binary floating point.
    clock = FakeClock(10.1)
    limiter = RateLimiter(capacity=1, refill_per_second=7.0, clock=clock)
    assert limiter.allow("k")
    clock.now = 10.1 + 1 / 7
    assert limiter.allow("k")


def test_tokens_does_not_take_anything():
    limiter = RateLimiter(capacity=2, refill_per_second=1.0, clock=FakeClock())
    for _ in range(10):
        assert limiter.tokens("k") == pytest.approx(2.0)
    assert limiter.allow("k", cost=2)


def test_retry_after_with_partial_tokens():
    clock = FakeClock()
    limiter = RateLimiter(capacity=4, refill_per_second=2.0, clock=clock)
    limiter.allow("k", cost=4)
    clock.now = 0.25
    assert limiter.retry_after("k", cost=3) == pytest.approx(1.25)
    clock.now = 1.5
    assert limiter.retry_after("k", cost=3) == 0.0
    assert limiter.allow("k", cost=3)


def test_clock_going_backwards_does_not_refill_or_reset():
    clock = FakeClock(10.0)
    limiter = RateLimiter(capacity=2, refill_per_second=1.0, clock=clock)
    limiter.allow("k", cost=2)
    clock.now = 5.0
    assert limiter.tokens("k") == pytest.approx(0.0)
    assert not limiter.allow("k")
    clock.now = 10.5
    assert limiter.tokens("k") == pytest.approx(0.5)


@pytest.mark.parametrize(("capacity", "rate"), [(0, 1.0), (-1, 1.0), (2.5, 1.0), (1, 0), (1, -2.0)])
def test_invalid_configuration_is_rejected(capacity, rate):
    with pytest.raises(ValueError):
        RateLimiter(capacity=capacity, refill_per_second=rate, clock=FakeClock())


@pytest.mark.parametrize("cost", [0, -1, 4, 1.5])
def test_invalid_cost_is_rejected(cost):
    limiter = RateLimiter(capacity=3, refill_per_second=1.0, clock=FakeClock())
    with pytest.raises(ValueError):
        limiter.allow("k", cost=cost)
    with pytest.raises(ValueError):
        limiter.retry_after("k", cost=cost)


def test_len_counts_only_buckets_that_are_not_full():
    clock = FakeClock()
    limiter = RateLimiter(capacity=2, refill_per_second=1.0, clock=clock)
    assert len(limiter) == 0
    limiter.tokens("looked-at-only")
    limiter.allow("a")
    limiter.allow("b", cost=2)
    assert len(limiter) == 2
    clock.now = 1.0
    assert len(limiter) == 1
    clock.now = 2.0
    assert len(limiter) == 0
    assert limiter.tokens("b") == pytest.approx(2.0)


def test_forgotten_keys_start_full_again():
    clock = FakeClock()
    limiter = RateLimiter(capacity=3, refill_per_second=1.0, clock=clock)
    for i in range(50_000):
        limiter.allow(f"10.0.{i // 256}.{i % 256}")
    assert len(limiter) == 50_000
    clock.now = 1.0
    assert len(limiter) == 0
    assert [limiter.allow("10.0.0.1") for _ in range(4)] == [True, True, True, False]


def test_many_calls_over_many_keys_are_fast():
    clock = FakeClock()
    limiter = RateLimiter(capacity=10, refill_per_second=5.0, clock=clock)
    allowed = 0
    started = time.perf_counter()
    for i in range(200_000):
        clock.now = i / 1000
        allowed += limiter.allow(f"client-{i % 5000}")
    elapsed = time.perf_counter() - started
    assert allowed == 200_000
    assert elapsed < 5.0


def test_default_clock_is_monotonic_time():
    limiter = RateLimiter(capacity=1, refill_per_second=100.0)
    assert limiter.allow("k")
    time.sleep(0.05)
    assert limiter.allow("k")
