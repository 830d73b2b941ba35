"""Grouping words that are anagrams of each other."""


def group_anagrams(words: list[str]) -> list[list[str]]:
    """Group `words` into anagram classes, in order of first appearance."""
    # Wrong: right groups, but each word is compared with every group so far — O(n × groups).
    keys: list[str] = []
    groups: list[list[str]] = []
    for word in words:
        key = "".join(sorted(word.lower()))
        for index, existing in enumerate(keys):
            if existing == key:
                groups[index].append(word)
                break
        else:
            keys.append(key)
            groups.append([word])
    return groups
