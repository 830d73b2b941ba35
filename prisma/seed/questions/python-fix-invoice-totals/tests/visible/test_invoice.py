from decimal import Decimal as D

import pytest

from invoice import LineItem, Totals, compute_totals


def test_single_line_without_discount():
    items = [LineItem(sku="MUG", unit_price=D("10.00"), quantity=2, tax_rate=D("0.20"))]
    assert compute_totals(items) == Totals(subtotal=D("20.00"), discount=D("0.00"), tax=D("4.00"), total=D("24.00"))


def test_lines_with_different_tax_rates():
    items = [
        LineItem(sku="BOOK", unit_price=D("12.50"), quantity=2, tax_rate=D("0.10")),
        LineItem(sku="PEN", unit_price=D("2.00"), quantity=5, tax_rate=D("0.20")),
    ]
    assert compute_totals(items) == Totals(subtotal=D("35.00"), discount=D("0.00"), tax=D("4.50"), total=D("39.50"))


def test_discount_is_not_taxed():
    items = [
        LineItem(sku="BOOK", unit_price=D("12.50"), quantity=2, tax_rate=D("0.10")),
        LineItem(sku="PEN", unit_price=D("1.99"), quantity=3, tax_rate=D("0.20")),
    ]
    assert compute_totals(items, discount_percent=D("10")) == Totals(
        subtotal=D("30.97"), discount=D("3.10"), tax=D("3.32"), total=D("31.19")
    )


def test_half_a_cent_rounds_up():
    items = [LineItem(sku="GUM", unit_price=D("0.25"), quantity=1, tax_rate=D("0.50"))]
    assert compute_totals(items).tax == D("0.13")


def test_zero_quantity_is_rejected():
    with pytest.raises(ValueError):
        compute_totals([LineItem(sku="MUG", unit_price=D("10.00"), quantity=0, tax_rate=D("0.20"))])
