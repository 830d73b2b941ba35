from anagrams import group_anagrams


def test_groups_in_order_of_first_appearance():
    words = ["listen", "google", "Silent", "elgoog", "cat", "enlist", "act"]
    assert group_anagrams(words) == [["listen", "Silent", "enlist"], ["google", "elgoog"], ["cat", "act"]]


def test_word_without_anagram_is_its_own_group():
    assert group_anagrams(["stop", "pots", "zebra"]) == [["stop", "pots"], ["zebra"]]


def test_empty_input():
    assert group_anagrams([]) == []


def test_comparison_ignores_case_but_keeps_original_spelling():
    assert group_anagrams(["Dusty", "study"]) == [["Dusty", "study"]]
