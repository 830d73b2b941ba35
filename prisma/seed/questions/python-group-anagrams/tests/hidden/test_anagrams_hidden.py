import random
import string

from anagrams import group_anagrams


def test_duplicates_are_kept_in_input_order():
    assert group_anagrams(["ab", "ba", "ab"]) == [["ab", "ba", "ab"]]


def test_letter_counts_must_match_not_just_letters():
    assert group_anagrams(["aab", "abb", "bab"]) == [["aab"], ["abb", "bab"]]


def test_spaces_and_punctuation_count_as_characters():
    assert group_anagrams(["a b", "ab", "b a", "a-b"]) == [["a b", "b a"], ["ab"], ["a-b"]]


def test_empty_string_is_a_word():
    assert group_anagrams(["", "a", ""]) == [["", ""], ["a"]]


def test_does_not_modify_the_input():
    words = ["tea", "eat", "ate", "tan"]
    snapshot = list(words)
    group_anagrams(words)
    assert words == snapshot


def test_unicode_letters_are_case_folded_with_lower():
    assert group_anagrams(["Été", "téÉ", "tee"]) == [["Été", "téÉ"], ["tee"]]


def test_every_word_lands_in_exactly_one_group():
    rng = random.Random(7)
    words = ["".join(rng.choice("abcd") for _ in range(rng.randint(1, 4))) for _ in range(500)]
    groups = group_anagrams(words)
    assert sorted(w for g in groups for w in g) == sorted(words)
    for group in groups:
        assert len({"".join(sorted(w)) for w in group}) == 1
    keys = ["".join(sorted(g[0])) for g in groups]
    assert len(keys) == len(set(keys))


def test_hundred_thousand_words_quickly():
    rng = random.Random(42)
    base = ["".join(rng.choice(string.ascii_lowercase) for _ in range(12)) for _ in range(20_000)]
    words = []
    for word in base:
        letters = list(word)
        for _ in range(5):
            rng.shuffle(letters)
            words.append("".join(letters))
    groups = group_anagrams(words)
    assert len(groups) == len({"".join(sorted(w)) for w in base})
    assert sum(len(g) for g in groups) == 100_000
    assert groups[0][0] == words[0]
