from decimal import Decimal as D

import pytest

from invoice import LineItem, Totals, compute_totals, round_money


def line(price, quantity=1, tax="0.20", sku="X"):
    return LineItem(sku=sku, unit_price=D(price), quantity=quantity, tax_rate=D(tax))


@pytest.mark.parametrize(
    ("amount", "expected"),
    [("0.125", "0.13"), ("0.124", "0.12"), ("2.675", "2.68"), ("2.665", "2.67"), ("1.005", "1.01"), ("7", "7.00")],
)
def test_round_money_rounds_halves_away_from_zero(amount, expected):
    assert str(round_money(D(amount))) == expected


def test_empty_invoice_has_two_place_decimal_amounts():
    totals = compute_totals([])
    for amount in (totals.subtotal, totals.discount, totals.tax, totals.total):
        assert isinstance(amount, D)
        assert str(amount) == "0.00"


def test_every_amount_has_two_decimal_places():
    totals = compute_totals([line("3.333", 3, "0.07")], discount_percent=D("12.5"))
    for amount in (totals.subtotal, totals.discount, totals.tax, totals.total):
        assert amount.as_tuple().exponent == -2


def test_tax_is_rounded_per_line_then_summed():
    # Each line: 0.05 × 0.10 = 0.005 → 0.01; three lines → 0.03 (0.015 → 0.02 if summed first).
    totals = compute_totals([line("0.05", 1, "0.10", sku=f"L{i}") for i in range(3)])
    assert totals.tax == D("0.03")
    assert totals.total == D("0.18")


def test_full_discount_leaves_no_tax():
    assert compute_totals([line("99.99", 2)], discount_percent=D("100")) == Totals(
        subtotal=D("199.98"), discount=D("199.98"), tax=D("0.00"), total=D("0.00")
    )


def test_discount_is_rounded_half_up():
    # 0.50 × 25% = 0.125 → 0.13
    assert compute_totals([line("0.50", 1, "0")], discount_percent=D("25")).discount == D("0.13")


def test_discount_and_tax_together():
    items = [line("19.99", 3, "0.19", sku="A"), line("5.55", 1, "0.07", sku="B"), line("0.99", 10, "0", sku="C")]
    # nets 59.97, 5.55, 9.90 = 75.42; discount 15% = 11.313 → 11.31
    # taxes: 59.97 × 0.85 × 0.19 = 9.685155 → 9.69; 5.55 × 0.85 × 0.07 = 0.330225 → 0.33; C 0
    assert compute_totals(items, discount_percent=D("15")) == Totals(
        subtotal=D("75.42"), discount=D("11.31"), tax=D("10.02"), total=D("74.13")
    )


@pytest.mark.parametrize("quantity", [0, -1, 1.5, D("2")])
def test_quantity_must_be_a_positive_int(quantity):
    with pytest.raises(ValueError):
        compute_totals([LineItem(sku="X", unit_price=D("1.00"), quantity=quantity, tax_rate=D("0.1"))])


def test_negative_price_is_rejected():
    with pytest.raises(ValueError):
        compute_totals([line("-0.01")])


@pytest.mark.parametrize("rate", ["-0.01", "1.01"])
def test_tax_rate_outside_zero_to_one_is_rejected(rate):
    with pytest.raises(ValueError):
        compute_totals([line("1.00", 1, rate)])


@pytest.mark.parametrize("percent", ["-1", "100.01"])
def test_discount_outside_zero_to_hundred_is_rejected(percent):
    with pytest.raises(ValueError):
        compute_totals([line("1.00")], discount_percent=D(percent))


def test_boundaries_are_valid():
    totals = compute_totals([line("0", 1, "0"), line("1.00", 1, "1")], discount_percent=D("0"))
    assert totals == Totals(subtotal=D("1.00"), discount=D("0.00"), tax=D("1.00"), total=D("2.00"))


def test_large_invoice():
    items = [line("0.01", 1, "0.5", sku=f"S{i}") for i in range(10_000)]
    # Each line's tax is 0.005 → 0.01.
    assert compute_totals(items) == Totals(subtotal=D("100.00"), discount=D("0.00"), tax=D("100.00"), total=D("200.00"))
