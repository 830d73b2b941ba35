"""Choosing the most profitable set of compatible bookings."""
from dataclasses import dataclass


@dataclass(frozen=True)
class Booking:
    id: str
    start: int
    end: int
    price: int


def best_schedule(bookings: list[Booking], turnaround: int = 0) -> tuple[int, list[str]]:
    """Maximum revenue and the ids of one optimal set, ordered by start time."""
    raise NotImplementedError
