import pytest

from expression import ParseError, evaluate


def test_precedence_and_parentheses():
    assert evaluate("2 + 3 * 4") == 14
    assert evaluate("(2 + 3) * 4") == 20


def test_variables():
    assert evaluate("base * (100 - discount) / 100", {"base": 250, "discount": 20}) == 200


def test_division_truncates_toward_zero():
    assert evaluate("7 / 2") == 3
    assert evaluate("-7 / 2") == -3


def test_power_is_right_associative():
    assert evaluate("2 ** 3 ** 2") == 512


@pytest.mark.parametrize(("expression", "position"), [("1 +", 3), ("(1 + 2", 6), ("1 $ 2", 2)])
def test_syntax_errors_report_their_position(expression, position):
    with pytest.raises(ParseError) as caught:
        evaluate(expression)
    assert caught.value.position == position
