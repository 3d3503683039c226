"""How report values are written for people, the same on the admin page, in
the charts, the PDF and the spreadsheet's text cells: the active language's
thousands separator and decimal comma, at most two decimals, dates spelled
out. Callers choose the language (the PDF is always Indonesian)."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

NO_VALUE = "–"


def format_date(value):
    return date_format(value, "j F Y")


def format_datetime(value):
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return date_format(value, "j F Y, H.i")


def format_value(value, unit=""):
    """A value as the reader should see it: grouped thousands and the decimal
    comma of the active language, at most two decimals, dates spelled out."""
    if value is None or value == "":
        return NO_VALUE
    if isinstance(value, bool):
        text = _("Yes") if value else _("No")
    elif isinstance(value, int):
        text = number_format(value, decimal_pos=0, force_grouping=True)
    elif isinstance(value, float | Decimal):
        rounded = round(Decimal(str(value)), 2).normalize()
        decimals = max(0, -rounded.as_tuple().exponent)
        text = number_format(rounded, decimal_pos=decimals, force_grouping=True)
    elif isinstance(value, datetime):
        text = format_datetime(value)
    elif isinstance(value, date):
        text = format_date(value)
    else:
        text = str(value)
    if not unit:
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def is_number(value):
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)
