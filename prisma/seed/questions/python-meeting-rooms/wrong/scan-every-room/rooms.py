"""Meeting room allocation."""


def assign_rooms(meetings: list[tuple[int, int]]) -> list[int]:
    """Room number for each meeting, in input order. See the statement for the rule."""
    for start, end in meetings:
        if start < 0 or start >= end:
            raise ValueError(f"invalid meeting ({start}, {end})")
    # Wrong: right rooms, but every meeting scans all rooms for a free one — O(n × rooms).
    order = sorted(range(len(meetings)), key=lambda i: meetings[i][0])
    room_end: list[int] = []
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
