import gc
import random
import signal
import time
from itertools import groupby

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


def _groupby_encode(text):
    # The stated linear time: one pass over the runs.
    return "".join(f"{n}{c}" if n > 1 else c for c, n in ((c, sum(1 for _ in run)) for c, run in groupby(text)))


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


def test_encode_is_linear_at_the_size_bound_for_one_long_run_and_for_many_runs():
    assert encode("x" * 1_000_000) == "1000000x"
    for text in ("x" * 1_000_000, "xy" * 500_000, ("abc" * 3 + "d" * 30) * 25_000):
        assert_within_ratio_of_baseline(encode, _groupby_encode, (text,))
