import copy
import gc
import itertools
import random
import signal
import time
from bisect import bisect_right

import pytest

from bookings import Booking, best_schedule


def compatible(a, b, turnaround):
    first, second = (a, b) if a.start < b.start else (b, a)
    return first.start != second.start and second.start >= first.end + turnaround


def check(bookings, turnaround, result):
    revenue, ids = result
    by_id = {b.id: b for b in bookings}
    chosen = [by_id[i] for i in ids]
    assert len(set(ids)) == len(ids)
    assert [b.start for b in chosen] == sorted(b.start for b in chosen)
    assert all(compatible(a, b, turnaround) for a, b in itertools.combinations(chosen, 2))
    assert sum(b.price for b in chosen) == revenue


def brute_force(bookings, turnaround):
    best = 0
    for r in range(len(bookings) + 1):
        for subset in itertools.combinations(bookings, r):
            if all(compatible(a, b, turnaround) for a, b in itertools.combinations(subset, 2)):
                best = max(best, sum(b.price for b in subset))
    return best


def random_bookings(rng, n, horizon=200):
    result = []
    for i in range(n):
        start = rng.randrange(horizon)
        result.append(Booking(f"r{i}", start, start + rng.randint(1, 60), rng.randint(0, 100)))
    return result


def test_turnaround_separates_bookings():
    bookings = [
        Booking("a", 0, 60, 50),
        Booking("b", 30, 90, 80),
        Booking("c", 60, 120, 40),
        Booking("d", 90, 150, 70),
    ]
    result = best_schedule(bookings, turnaround=10)
    assert result[0] == 120
    check(bookings, 10, result)


def test_turnaround_exactly_fits():
    bookings = [Booking("a", 0, 50, 10), Booking("b", 60, 100, 10)]
    assert best_schedule(bookings, turnaround=10) == (20, ["a", "b"])
    assert best_schedule(bookings, turnaround=11)[0] == 10


def test_result_is_ordered_by_start_not_input_order():
    bookings = [Booking("late", 100, 110, 1), Booking("early", 0, 10, 1), Booking("mid", 50, 60, 1)]
    assert best_schedule(bookings) == (3, ["early", "mid", "late"])


def test_identical_intervals_keep_the_best_price():
    bookings = [Booking("cheap", 0, 10, 5), Booking("dear", 0, 10, 9), Booking("mid", 0, 10, 7)]
    assert best_schedule(bookings) == (9, ["dear"])


def test_zero_price_bookings_are_allowed():
    bookings = [Booking("free", 0, 10, 0), Booking("paid", 5, 15, 3)]
    result = best_schedule(bookings)
    assert result[0] == 3
    check(bookings, 0, result)
    assert best_schedule([Booking("free", 0, 10, 0)])[0] == 0


@pytest.mark.parametrize(
    "bookings",
    [
        [Booking("a", 10, 5, 1)],
        [Booking("a", 0, 5, -1)],
        [Booking("a", 0, 5, 1), Booking("a", 10, 15, 1)],
    ],
)
def test_invalid_input_is_rejected(bookings):
    with pytest.raises(ValueError):
        best_schedule(bookings)


def test_negative_turnaround_is_rejected():
    with pytest.raises(ValueError):
        best_schedule([Booking("a", 0, 5, 1)], turnaround=-1)


def test_does_not_modify_the_input():
    bookings = [Booking("b", 30, 90, 80), Booking("a", 0, 60, 50)]
    snapshot = copy.copy(bookings)
    best_schedule(bookings)
    assert bookings == snapshot


def test_optimal_on_random_small_inputs():
    rng = random.Random(2024)
    for round_ in range(150):
        bookings = random_bookings(rng, rng.randint(1, 11))
        turnaround = rng.choice([0, 0, 5, 20])
        result = best_schedule(bookings, turnaround)
        check(bookings, turnaround, result)
        assert result[0] == brute_force(bookings, turnaround), f"round {round_}"


def test_hundred_thousand_bookings():
    rng = random.Random(31337)
    bookings = random_bookings(rng, 100_000, horizon=2_000_000)
    revenue, ids = best_schedule(bookings, turnaround=3)
    check_fast = {b.id: b for b in bookings}
    chosen = [check_fast[i] for i in ids]
    assert all(b.start >= a.end + 3 for a, b in zip(chosen, chosen[1:]))
    assert sum(b.price for b in chosen) == revenue
    assert revenue > 1_000_000


def _bisect_revenue(bookings, turnaround=0):
    # The stated O(n log n): sort by end, binary-search the last compatible booking.
    by_end = sorted(bookings, key=lambda b: b.end)
    ends = [b.end for b in by_end]
    best = [0] * (len(by_end) + 1)
    for i, booking in enumerate(by_end):
        best[i + 1] = max(best[i], booking.price + best[bisect_right(ends, booking.start - turnaround, 0, i)])
    return best[-1]


# Efficiency without depending on the machine's speed: the candidate and a baseline of the
# expected complexity run on the same input in the same run, so both see the same machine and
# load, and the candidate may be many times slower than the baseline — but a solution of the
# wrong complexity is slower by orders of magnitude on this input. Garbage collection is paused
# while timing (it makes large inputs look superlinear); a load spike gets one retry; a run far
# past the limit is interrupted instead of waiting for the sandbox's CPU limit.
class _TooSlow(Exception):
    pass


def _seconds(fn, *args, budget=None):
    def interrupt(signum, frame):
        raise _TooSlow()

    gc.collect()
    gc.disable()
    previous = signal.signal(signal.SIGALRM, interrupt) if budget else None
    if budget:
        signal.setitimer(signal.ITIMER_REAL, budget)
    started = time.perf_counter()
    try:
        fn(*args)
        return time.perf_counter() - started
    except _TooSlow:
        return float("inf")
    finally:
        if budget:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        gc.enable()


def assert_within_ratio_of_baseline(fn, baseline, args, max_ratio=10):
    base = sorted(_seconds(baseline, *args) for _ in range(3))[1]
    limit = max_ratio * base + 0.05
    took = _seconds(fn, *args, budget=2 * limit)
    if took > limit:
        took = min(took, _seconds(fn, *args, budget=2 * limit))
    ratio = "over {}".format(2 * max_ratio) if took == float("inf") else f"{took / base:.0f}"
    assert took <= limit, f"took {ratio}x as long as a solution of the stated complexity (allowed {max_ratio}x)"


def test_long_overlapping_bookings_do_not_make_it_quadratic():
    # Every booking overlaps every other: scanning back for the last compatible booking
    # walks the whole list each time.
    bookings = [Booking(f"b{i}", i, 100_000 + i, i % 7) for i in range(20_000)]
    bookings += [Booking(f"late{i}", 200_000 + 10 * i, 200_005 + 10 * i, 1) for i in range(5_000)]
    revenue, _ = best_schedule(bookings, turnaround=2)
    assert revenue == _bisect_revenue(bookings, 2) == 6 + 5_000
    assert_within_ratio_of_baseline(best_schedule, _bisect_revenue, (bookings, 2))
