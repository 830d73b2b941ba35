"""Grouping words that are anagrams of each other."""


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group `words` into anagram classes, in order of first appearance."""
    groups: dict[str, list[str]] = {}
    for word in words:
        # Wrong: compares which letters occur, not how often ("aab" and "abb" collide).
        key = "".join(sorted(set(word.lower())))
        groups.setdefault(key, []).append(word)
    return list(groups.values())
