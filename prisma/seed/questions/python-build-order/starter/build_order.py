"""Deterministic build order of packages, with cycle detection."""


class CycleError(ValueError):
    """No build order exists; `cycle` is one dependency cycle, first == last."""

    def __init__(self, cycle: list[str]) -> None:
        super().__init__("dependency cycle: " + " -> ".join(cycle))
        self.cycle = cycle


def build_order(dependencies: dict[str, list[str]]) -> list[str]:
    """Every package after its dependencies; ties go to the alphabetically smallest name."""
    raise NotImplementedError
