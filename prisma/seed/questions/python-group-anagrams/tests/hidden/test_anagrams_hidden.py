import gc
import random
import signal
import time
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


def _dict_groups(words):
    # The stated complexity: one dictionary lookup per word.
    groups = {}
    for word in words:
        groups.setdefault("".join(sorted(word.lower())), []).append(word)
    return list(groups.values())


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


def test_grouping_does_not_compare_words_against_every_group():
    rng = random.Random(11)
    words = ["".join(rng.choice(string.ascii_lowercase) for _ in range(8)) for _ in range(30_000)]
    assert group_anagrams(words) == _dict_groups(words)
    assert_within_ratio_of_baseline(group_anagrams, _dict_groups, (words,))
