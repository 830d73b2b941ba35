"""Assigning meetings to the fewest rooms, predictably."""
import heapq


def assign_rooms(meetings: list[tuple[int, int]]) -> list[int]:
    """Room number for each meeting, in input order. See the statement for the rule."""
    for start, end in meetings:
        if start < 0 or start >= end:
            raise ValueError(f"invalid meeting ({start}, {end})")
    # sorted() is stable, so equal starts keep their input order.
    order = sorted(range(len(meetings)), key=lambda i: meetings[i][0])
    rooms = [0] * len(meetings)
    busy: list[tuple[int, int]] = []  # (end, room) of meetings in progress
    free: list[int] = []  # rooms released so far, smallest first
    opened = 0
    for i in order:
        start, end = meetings[i]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            room = heapq.heappop(free)
        else:
            room = opened
            opened += 1
        rooms[i] = room
        heapq.heappush(busy, (end, room))
    return rooms
