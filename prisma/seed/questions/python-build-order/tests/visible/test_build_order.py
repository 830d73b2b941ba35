import pytest

from build_order import CycleError, build_order


def test_dependencies_come_first():
    assert build_order({"app": ["lib", "utils"], "lib": ["utils"], "cli": ["lib"]}) == ["utils", "lib", "app", "cli"]


def test_independent_packages_in_alphabetical_order():
    assert build_order({"b": [], "a": [], "c": []}) == ["a", "b", "c"]


def test_packages_only_named_as_dependencies_are_built_too():
    assert build_order({"web": ["react", "router"]}) == ["react", "router", "web"]


def test_a_cycle_is_reported():
    with pytest.raises(CycleError) as caught:
        build_order({"a": ["b"], "b": ["c"], "c": ["a"], "d": []})
    assert caught.value.cycle in (["a", "b", "c", "a"], ["b", "c", "a", "b"], ["c", "a", "b", "c"])


def test_empty_graph():
    assert build_order({}) == []
