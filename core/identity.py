"""The national identity number (NIK): a form field that checks it, and masking.

A NIK has 16 digits: province (2), regency or city (2), district (2), date of
birth as DDMMYY with 40 added to the day for women (6), then a serial (4).
The field checks the shape, a plausible province code and a real date; it
cannot know whether the number was issued.
"""

import re
from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

NIK_LENGTH = 16
#: Province codes run from 11 (Aceh) to 9x (Papua provinces).
PROVINCE_CODES = range(11, 100)


def normalize_nik(value):
    return re.sub(r"[\s.\-]", "", value or "")


def nik_problem(nik):
    """None when ``nik`` (normalized) is plausible, else the error message."""
    if not nik.isdigit():
        return _("A NIK has digits only.")
    if len(nik) != NIK_LENGTH:
        return _("A NIK has exactly 16 digits; you entered %(count)d.") % {"count": len(nik)}
    if int(nik[:2]) not in PROVINCE_CODES:
        return _("This is not a valid NIK: check the first digits against your identity card (KTP).")
    day, month, year = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        day -= 40
    try:
        date(2000 + year, month, day)
    except ValueError:
        return _("This is not a valid NIK: digits 7 to 12 must be a date of birth.")
    return None


class NIKField(forms.CharField):
    """16 digits; spaces, dots and dashes typed between them are ignored."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 24)
        kwargs.setdefault("help_text", _("The 16 digits on your identity card (KTP)."))
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update({"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"})
        return attrs

    def to_python(self, value):
        return normalize_nik(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value in self.empty_values:
            return
        problem = nik_problem(value)
        if problem:
            raise forms.ValidationError(problem, code="invalid_nik")


def mask_nik(nik):
    """The first four and last four digits, the rest hidden: 1671********0001."""
    nik = normalize_nik(nik)
    if len(nik) <= 8:
        return "*" * len(nik)
    return nik[:4] + "*" * (len(nik) - 8) + nik[-4:]
