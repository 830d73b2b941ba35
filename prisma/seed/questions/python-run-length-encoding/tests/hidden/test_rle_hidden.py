import random

import pytest

from rle import decode, encode


def test_empty_strings():
    assert encode("") == ""
    assert decode("") == ""


def test_counts_of_ten_or_more_use_several_digits():
    assert encode("z" * 12) == "12z"
    assert decode("12z") == "z" * 12
    assert encode("a" * 100 + "b") == "100ab"


def test_case_matters():
    assert encode("aAAa") == "a2Aa"


def test_whitespace_newlines_and_unicode_are_characters():
    assert encode("  éé") == "2 2é"
    assert encode("\n\n\tx") == "2\n\tx"
    assert decode("3→2 ") == "→→→  "


def test_decode_accepts_non_canonical_tokens():
    assert decode("1a2a") == "aaa"
    assert decode("1x") == "x"


@pytest.mark.parametrize("bad", ["3", "a12", "0a", "01a", "ab00c", "5a0"])
def test_decode_rejects_malformed_input(bad):
    with pytest.raises(ValueError):
        decode(bad)


def test_encode_rejects_any_digit_anywhere():
    for text in ["0", "abc9", "x1y"]:
        with pytest.raises(ValueError):
            encode(text)


def test_random_round_trips():
    rng = random.Random(20240611)
    alphabet = "ab -é\n"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) * rng.randint(1, 13) for _ in range(rng.randint(0, 12)))
        encoded = encode(text)
        assert decode(encoded) == text
        assert len(encoded) <= len(text)


def test_large_inputs_are_linear():
    text = ("x" * 999 + "y") * 1000
    encoded = encode(text)
    assert encoded == "999xy" * 1000
    assert decode(encoded) == text
    assert decode("1000000x") == "x" * 1_000_000
    assert encode("ab" * 200_000) == "ab" * 200_000
