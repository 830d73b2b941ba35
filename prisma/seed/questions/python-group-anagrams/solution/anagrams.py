"""Grouping words that are anagrams of each other."""


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group `words` into anagram classes, in order of first appearance."""
    # dicts keep insertion order, so groups come out in order of their first word.
    groups: dict[str, list[str]] = {}
    for word in words:
        key = "".join(sorted(word.lower()))
        groups.setdefault(key, []).append(word)
    return list(groups.values())
