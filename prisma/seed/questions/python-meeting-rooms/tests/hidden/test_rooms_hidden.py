import copy
import gc
import heapq
import random
import signal
import time

import pytest

from rooms import assign_rooms


def test_lowest_free_room_is_reused_first():
    meetings = [(0, 10), (0, 20), (0, 30), (25, 40), (35, 50)]
    # At 25 rooms 0 and 1 are free → 0; at 35 room 1 is free (2 ended at 30, 0 is busy) → 1.
    assert assign_rooms(meetings) == [0, 1, 2, 0, 1]


def test_equal_starts_keep_input_order():
    assert assign_rooms([(5, 9), (5, 6), (5, 7)]) == [0, 1, 2]


def test_room_freed_exactly_at_start_is_free():
    assert assign_rooms([(0, 30), (30, 60), (60, 90)]) == [0, 0, 0]


def test_nested_meetings():
    assert assign_rooms([(0, 100), (10, 90), (20, 80), (30, 40), (50, 60)]) == [0, 1, 2, 3, 3]


@pytest.mark.parametrize("bad", [(10, 5), (-1, 5), (7, 7)])
def test_invalid_meetings_are_rejected(bad):
    with pytest.raises(ValueError):
        assign_rooms([(0, 10), bad])


def test_does_not_modify_the_input():
    meetings = [(30, 40), (0, 50), (10, 20)]
    snapshot = copy.deepcopy(meetings)
    assign_rooms(meetings)
    assert meetings == snapshot


def minimum_rooms(meetings):
    events = sorted([(s, 1) for s, _ in meetings] + [(e, -1) for _, e in meetings], key=lambda x: (x[0], x[1]))
    best = current = 0
    for _, delta in events:
        current += delta
        best = max(best, current)
    return best


def check_assignment(meetings, rooms):
    assert len(rooms) == len(meetings)
    by_room = {}
    for (start, end), room in zip(meetings, rooms):
        by_room.setdefault(room, []).append((start, end))
    for intervals in by_room.values():
        intervals.sort()
        for (_, end), (start, _) in zip(intervals, intervals[1:]):
            assert end <= start
    assert max(rooms, default=-1) + 1 == minimum_rooms(meetings)


def reference(meetings):
    # Straightforward version of the rule, fine for small inputs.
    order = sorted(range(len(meetings)), key=lambda i: meetings[i][0])
    room_end = []
    rooms = [0] * len(meetings)
    for i in order:
        start, end = meetings[i]
        room = next((r for r, e in enumerate(room_end) if e <= start), None)
        if room is None:
            room = len(room_end)
            room_end.append(end)
        room_end[room] = end
        rooms[i] = room
    return rooms


def test_matches_the_rule_on_random_days():
    rng = random.Random(1234)
    for _ in range(200):
        meetings = []
        for _ in range(rng.randint(1, 40)):
            start = rng.randrange(0, 600, 15)
            meetings.append((start, start + rng.choice([15, 30, 45, 60, 90])))
        rooms = assign_rooms(meetings)
        check_assignment(meetings, rooms)
        assert rooms == reference(meetings)


def test_hundred_thousand_meetings_with_a_thousand_at_once():
    rng = random.Random(77)
    meetings = []
    for _ in range(100_000):
        start = rng.randrange(0, 2_000_000)
        meetings.append((start, start + rng.randint(1, 40_000)))
    rooms = assign_rooms(meetings)
    assert len(rooms) == len(meetings)
    assert max(rooms) + 1 == minimum_rooms(meetings)
    assert max(rooms) > 1000


def _heap_rooms(meetings):
    # The stated O(n log n): a heap of meetings in progress and a heap of free rooms.
    order = sorted(range(len(meetings)), key=lambda i: meetings[i][0])
    rooms, busy, free, opened = [0] * len(meetings), [], [], 0
    for i in order:
        start, end = meetings[i]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            room = heapq.heappop(free)
        else:
            room, opened = opened, opened + 1
        rooms[i] = room
        heapq.heappush(busy, (end, room))
    return rooms


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


def test_many_busy_rooms_are_not_scanned_for_each_meeting():
    # 2 000 all-day meetings keep rooms 0–1 999 busy; 20 000 short meetings follow one after
    # another. Scanning the rooms for a free one costs 2 000 steps per short meeting.
    meetings = [(i, 10_000_000) for i in range(2_000)]
    meetings += [(2_000 + i, 2_001 + i) for i in range(20_000)]
    assert assign_rooms(meetings)[-1] == 2_000
    assert_within_ratio_of_baseline(assign_rooms, _heap_rooms, (meetings,))
