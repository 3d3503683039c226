"""Formatting the standard's amounts and durations (no database, no HTTP)."""

from decimal import Decimal

import pytest
from django.utils import translation

from services import standard
from services.choices import TimeUnit


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (50000, "Rp 50.000"),
        (Decimal("1500000.00"), "Rp 1.500.000"),
        (Decimal("1500.5"), "Rp 1.500,50"),
        ("750", "Rp 750"),
        (0, "Rp 0"),
    ],
)
def test_rupiah_amounts_use_indonesian_grouping(amount, text):
    assert standard.format_rupiah(amount) == text


@pytest.mark.parametrize("amount", [0, Decimal("0.00"), None, ""])
def test_no_cost_reads_free(amount):
    with translation.override("en"):
        assert str(standard.cost_text(amount)) == "Free"


def test_a_fee_reads_as_rupiah_in_every_language():
    for language in ("id", "en"):
        with translation.override(language):
            assert standard.cost_text(Decimal("50000.00")) == "Rp 50.000"


@pytest.mark.parametrize("value", ["abc", "NaN", "Infinity", object()])
def test_malformed_amounts_are_not_formatted(value):
    assert standard.format_rupiah(value) == ""


@pytest.mark.parametrize(
    ("amount", "text"),
    [(Decimal("0.00"), "0"), (Decimal("50000.00"), "50000"), (Decimal("1500.50"), "1500.5")],
)
def test_schema_price_is_plain_digits(amount, text):
    assert standard.price_text(amount) == text


@pytest.mark.parametrize(
    ("amount", "unit", "text"),
    [
        (1, TimeUnit.MINUTES, "1 minute"),
        (15, TimeUnit.MINUTES, "15 minutes"),
        (2, TimeUnit.HOURS, "2 hours"),
        (1, TimeUnit.WORKING_DAYS, "1 working day"),
        (7, TimeUnit.WORKING_DAYS, "7 working days"),
    ],
)
def test_time_to_complete_reads_as_a_number_and_unit(amount, unit, text):
    with translation.override("en"):
        assert standard.duration_text(amount, unit) == text


def test_lines_drop_blank_lines_and_spaces():
    assert standard.lines(" UU 2/2004 \n\n\tUU 21/2000\n") == ["UU 2/2004", "UU 21/2000"]
