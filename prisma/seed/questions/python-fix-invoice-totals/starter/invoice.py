"""Invoice totals for the billing service. The rules are in the statement."""
from dataclasses import dataclass
from decimal import Decimal

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
    """Round to cents."""
    return amount.quantize(CENT)


def _net(item: LineItem) -> Decimal:
    return item.unit_price * item.quantity


def _validate(items: list[LineItem], discount_percent: Decimal) -> None:
    for item in items:
        if item.quantity < 0:
            raise ValueError(f"{item.sku}: quantity must be at least 1")
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
    tax = sum(round_money(_net(item) * item.tax_rate) for item in items)
    total = subtotal - discount + tax
    return Totals(subtotal=subtotal, discount=discount, tax=tax, total=total)
