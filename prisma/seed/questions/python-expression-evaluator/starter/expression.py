"""Evaluating integer formulas. The grammar and semantics are in the statement."""


class ParseError(ValueError):
    """The expression is not valid; `position` is where reading it went wrong."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(f"{message} at position {position}")
        self.position = position


class UndefinedVariableError(LookupError):
    """The expression uses a variable that has no value."""

    def __init__(self, name: str) -> None:
        super().__init__(f"undefined variable {name!r}")
        self.name = name


def evaluate(expression: str, variables: dict[str, int] | None = None) -> int:
    """The integer value of `expression`, with `variables` substituted."""
    raise NotImplementedError
