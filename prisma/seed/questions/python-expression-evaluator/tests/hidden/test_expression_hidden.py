import pytest

from expression import ParseError, UndefinedVariableError, evaluate


@pytest.mark.parametrize(
    ("expression", "value"),
    [
        ("42", 42),
        ("007", 7),
        ("1 - 2 - 3", -4),
        ("100 / 10 / 5", 2),
        ("8 / 4 * 2", 4),
        ("7 % 4 * 3", 9),
        ("2 * 6 / 4", 3),
        ("2 * 3 % 4", 2),
        ("-2 ** 2", -4),
        ("(-2) ** 2", 4),
        ("- -5", 5),
        ("--5", 5),
        ("+5", 5),
        ("-+-+3", 3),
        ("2 * -3", -6),
        ("2 ** 0", 1),
        ("0 ** 0", 1),
        ("-3 ** 3", -27),
        ("2 ** 3 ** 0", 2),
        ("((((1))))", 1),
        ("1+2*3-4/2", 5),
        ("\t1\n+\r2 ", 3),
    ],
)
def test_values(expression, value):
    assert evaluate(expression) == value


@pytest.mark.parametrize(
    ("expression", "value"),
    [("7 / -2", -3), ("-7 / -2", 3), ("-7 % 2", -1), ("7 % -2", 1), ("-7 % -2", -1), ("7 % 2", 1), ("-6 / 3", -2), ("0 / -5", 0)],
)
def test_truncating_division_and_matching_remainder(expression, value):
    assert evaluate(expression) == value


def test_remainder_identity_holds():
    for a in range(-20, 21):
        for b in [-7, -3, -1, 1, 2, 5]:
            q = evaluate("a / b", {"a": a, "b": b})
            r = evaluate("a % b", {"a": a, "b": b})
            assert a == q * b + r
            assert abs(r) < abs(b)


def test_big_integers():
    assert evaluate("2 ** 200 - 2 ** 200 + 12345678901234567890 * 98765432109876543210") == 12345678901234567890 * 98765432109876543210


def test_variable_names():
    assert evaluate("_x2 + Rate * rate", {"_x2": 1, "Rate": 10, "rate": 3}) == 31


def test_undefined_variable():
    with pytest.raises(UndefinedVariableError) as caught:
        evaluate("price * qty", {"price": 3})
    assert caught.value.name == "qty"


def test_variables_default_to_none():
    with pytest.raises(UndefinedVariableError):
        evaluate("x")


@pytest.mark.parametrize("expression", ["1 / 0", "5 % 0", "1 / (2 - 2)"])
def test_division_by_zero(expression):
    with pytest.raises(ZeroDivisionError):
        evaluate(expression)


@pytest.mark.parametrize("expression", ["2 ** -1", "2 ** 10001", "0 ** (0 - 1)"])
def test_exponent_out_of_range_is_a_value_error(expression):
    with pytest.raises(ValueError) as caught:
        evaluate(expression)
    assert not isinstance(caught.value, ParseError)


def test_largest_allowed_exponent():
    assert evaluate("2 ** 10000") == 2**10000


def test_operands_are_evaluated_left_to_right():
    with pytest.raises(ZeroDivisionError):
        evaluate("1 / 0 + missing")
    with pytest.raises(UndefinedVariableError):
        evaluate("missing + 1 / 0")


def test_syntax_is_checked_before_evaluation():
    with pytest.raises(ParseError):
        evaluate("1 / 0 +")
    with pytest.raises(ParseError):
        evaluate("missing * (")


@pytest.mark.parametrize(
    ("expression", "position"),
    [
        ("", 0),
        ("   ", 3),
        ("1 + 2)", 5),
        ("1 2 $", 2),
        ("2 * * 3", 4),
        ("2 *** 3", 4),
        ("()", 1),
        ("2x", 1),
        ("2 (3)", 2),
        ("1.5", 1),
        ("3 ^ 2", 2),
        ("(1 + 2))", 7),
        ("((1)", 4),
        ("* 2", 0),
        ("1 + (2 * )", 9),
        ("a b", 2),
        ("1 -", 3),
    ],
)
def test_syntax_error_positions(expression, position):
    with pytest.raises(ParseError) as caught:
        evaluate(expression)
    assert caught.value.position == position


def test_parse_error_is_a_value_error():
    with pytest.raises(ValueError):
        evaluate("(")


def test_deep_nesting():
    depth = 50_000
    assert evaluate("(" * depth + "1" + ")" * depth) == 1
    assert evaluate("-" * depth + "7") == 7
    assert evaluate("-" * (depth + 1) + "7") == -7


def test_long_expression():
    assert evaluate(" + ".join(["3"] * 60_000)) == 180_000
    assert evaluate("2" + " ** 1" * 30_000) == 2
