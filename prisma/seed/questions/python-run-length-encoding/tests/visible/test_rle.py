import pytest

from rle import decode, encode


def test_encode_compresses_runs_of_two_or_more():
    assert encode("aaabccdddd") == "3ab2c4d"


def test_encode_leaves_single_characters_alone():
    assert encode("abc") == "abc"


def test_decode_expands_counts():
    assert decode("3ab2c4d") == "aaabccdddd"


def test_round_trip_keeps_spaces_and_punctuation():
    text = "hello,   world!!"
    assert decode(encode(text)) == text


def test_encode_rejects_digits():
    with pytest.raises(ValueError):
        encode("room 101")
