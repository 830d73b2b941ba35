"""Grouping words that are anagrams of each other."""


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group `words` into anagram classes, in order of first appearance."""
    raise NotImplementedError
