import pytest

from rooms import assign_rooms


def test_back_to_back_meetings_share_rooms():
    assert assign_rooms([(540, 600), (570, 630), (600, 660), (630, 690)]) == [0, 1, 0, 1]


def test_results_are_in_input_order():
    assert assign_rooms([(600, 660), (540, 600)]) == [0, 0]


def test_overlapping_meetings_need_separate_rooms():
    assert assign_rooms([(0, 100), (10, 20), (30, 40)]) == [0, 1, 1]


def test_empty_day():
    assert assign_rooms([]) == []


def test_meeting_must_end_after_it_starts():
    with pytest.raises(ValueError):
        assign_rooms([(600, 600)])
