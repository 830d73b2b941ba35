import copy
import gc
import heapq
import random
import signal
import time

import pytest

from build_order import CycleError, build_order


def assert_valid_cycle(dependencies, cycle):
    assert len(cycle) >= 2
    assert cycle[0] == cycle[-1]
    assert len(set(cycle[:-1])) == len(cycle) - 1
    for package, dependency in zip(cycle, cycle[1:]):
        assert dependency in dependencies.get(package, [])


def test_smallest_ready_package_goes_next_not_a_plain_sort():
    # "b" is ready before "a" is: a depends on z.
    assert build_order({"a": ["z"], "b": [], "z": []}) == ["b", "z", "a"]


def test_tie_break_uses_string_comparison():
    assert build_order({"b": [], "B": [], "a10": [], "a9": []}) == ["B", "a10", "a9", "b"]


def test_duplicate_dependencies_count_once():
    assert build_order({"app": ["lib", "lib"], "lib": []}) == ["lib", "app"]


def test_diamond():
    deps = {"top": ["left", "right"], "left": ["base"], "right": ["base"], "base": []}
    assert build_order(deps) == ["base", "left", "right", "top"]


def test_self_dependency_is_a_cycle():
    with pytest.raises(CycleError) as caught:
        build_order({"a": ["a"]})
    assert caught.value.cycle == ["a", "a"]


def test_cycle_error_is_a_value_error():
    with pytest.raises(ValueError):
        build_order({"x": ["y"], "y": ["x"]})


def test_cycle_behind_healthy_packages_is_a_real_cycle():
    deps = {"app": ["core"], "core": ["log"], "log": [], "tool": ["p"], "p": ["q"], "q": ["r"], "r": ["p"], "z": ["tool"]}
    with pytest.raises(CycleError) as caught:
        build_order(deps)
    assert_valid_cycle(deps, caught.value.cycle)
    assert set(caught.value.cycle) == {"p", "q", "r"}


def test_does_not_modify_the_input():
    deps = {"a": ["b", "b"], "c": ["a"]}
    snapshot = copy.deepcopy(deps)
    build_order(deps)
    assert deps == snapshot


def test_every_package_after_its_dependencies_on_random_graphs():
    rng = random.Random(99)
    for _ in range(30):
        names = [f"pkg{i}" for i in range(60)]
        rng.shuffle(names)
        # Edges only point to earlier names in this shuffled list: no cycles.
        deps = {name: rng.sample(names[:i], k=min(i, rng.randint(0, 4))) for i, name in enumerate(names)}
        order = build_order(deps)
        assert sorted(order) == sorted(names)
        where = {name: i for i, name in enumerate(order)}
        for name, requires in deps.items():
            assert all(where[d] < where[name] for d in requires)


def test_long_chain_does_not_hit_the_recursion_limit():
    n = 50_000
    deps = {f"n{i:06d}": [f"n{i - 1:06d}"] for i in range(1, n)}
    order = build_order(deps)
    assert order == [f"n{i:06d}" for i in range(n)]


def test_long_cycle_is_found_without_recursion():
    n = 50_000
    deps = {f"n{i}": [f"n{(i + 1) % n}"] for i in range(n)}
    deps["free"] = []
    with pytest.raises(CycleError) as caught:
        build_order(deps)
    assert_valid_cycle(deps, caught.value.cycle)
    assert len(caught.value.cycle) == n + 1


def test_large_wide_graph():
    rng = random.Random(5)
    n = 50_000
    names = [f"p{i}" for i in range(n)]
    deps = {names[i]: [names[rng.randrange(i)] for _ in range(3)] if i else [] for i in range(n)}
    order = build_order(deps)
    where = {name: i for i, name in enumerate(order)}
    assert len(order) == n
    assert all(where[d] < where[name] for name, requires in deps.items() for d in requires)


def test_smallest_ready_package_next_even_when_it_becomes_ready_later():
    # A FIFO queue after an initially sorted ready set would build x before c.
    assert build_order({"a": [], "c": ["a"], "b": ["x"], "x": []}) == ["a", "c", "x", "b"]
    assert build_order({"m": [], "z": [], "b": ["m"]}) == ["m", "b", "z"]



def _heap_order(deps):
    # The stated O((V + E) log V): Kahn's algorithm with a heap of ready names.
    waiting = {name: len(set(requires)) for name, requires in deps.items()}
    dependents = {name: [] for name in deps}
    for name, requires in deps.items():
        for dep in set(requires):
            dependents[dep].append(name)
    ready = [name for name, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        name = heapq.heappop(ready)
        order.append(name)
        for dependent in dependents[name]:
            waiting[dependent] -= 1
            if waiting[dependent] == 0:
                heapq.heappush(ready, dependent)
    return order


# Efficiency without depending on the machine's speed: the candidate and a baseline of the
# expected complexity run on the same input in the same run, so both see the same machine and
# load, and the candidate may be many times slower than the baseline — but a solution of the
# wrong complexity is slower by orders of magnitude on this input. Garbage collection is paused
# while timing (it makes large inputs look superlinear); a load spike gets one retry; a run far
# past the limit is interrupted instead of waiting for the sandbox's CPU limit.
class _TooSlow(Exception):
    pass


def _seconds(fn, *args, budget=None):
    def interrupt(signum, frame):
        raise _TooSlow()

    gc.collect()
    gc.disable()
    previous = signal.signal(signal.SIGALRM, interrupt) if budget else None
    if budget:
        signal.setitimer(signal.ITIMER_REAL, budget)
    started = time.perf_counter()
    try:
        fn(*args)
        return time.perf_counter() - started
    except _TooSlow:
        return float("inf")
    finally:
        if budget:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        gc.enable()


def assert_within_ratio_of_baseline(fn, baseline, args, max_ratio=10):
    base = sorted(_seconds(baseline, *args) for _ in range(3))[1]
    limit = max_ratio * base + 0.05
    took = _seconds(fn, *args, budget=2 * limit)
    if took > limit:
        took = min(took, _seconds(fn, *args, budget=2 * limit))
    ratio = "over {}".format(2 * max_ratio) if took == float("inf") else f"{took / base:.0f}"
    assert took <= limit, f"took {ratio}x as long as a solution of the stated complexity (allowed {max_ratio}x)"


def test_picking_the_next_package_is_logarithmic_not_a_scan():
    # 20 000 packages ready at once: scanning the ready set for the smallest is O(V^2).
    deps = {f"w{i:06d}": [] for i in range(20_000)}
    deps.update({f"v{i:06d}": [f"w{(i * 7) % 20_000:06d}"] for i in range(5_000)})
    assert build_order(deps) == _heap_order(deps)
    assert_within_ratio_of_baseline(build_order, _heap_order, (deps,))
