import pytest

from bookings import Booking, best_schedule

EXAMPLE = [
    Booking("a", 0, 60, 50),
    Booking("b", 30, 90, 80),
    Booking("c", 60, 120, 40),
    Booking("d", 90, 150, 70),
]


def test_picks_the_most_profitable_compatible_set():
    assert best_schedule(EXAMPLE) == (150, ["b", "d"])


def test_back_to_back_bookings_are_compatible():
    bookings = [Booking("x", 0, 30, 10), Booking("y", 30, 60, 10), Booking("z", 60, 90, 10)]
    assert best_schedule(bookings) == (30, ["x", "y", "z"])


def test_one_long_booking_can_beat_several_short_ones():
    bookings = [Booking("short1", 0, 10, 5), Booking("short2", 10, 20, 5), Booking("long", 0, 20, 11)]
    assert best_schedule(bookings) == (11, ["long"])


def test_no_bookings():
    assert best_schedule([]) == (0, [])


def test_invalid_booking_is_rejected():
    with pytest.raises(ValueError):
        best_schedule([Booking("bad", 60, 60, 10)])
