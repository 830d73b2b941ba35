"""Run-length encoding of text. See the statement for the exact format."""


def encode(text: str) -> str:
    """Encode `text`: runs of n >= 2 equal characters become f"{n}{c}"."""
    raise NotImplementedError


def decode(encoded: str) -> str:
    """Invert `encode`. Raise ValueError on malformed input."""
    raise NotImplementedError
