"""Human-friendly reference numbers: LYN-2026-000123.

One counter row per prefix and year, incremented under a row lock inside the
caller's transaction, so two submissions never get the same number and a
rolled-back submission gives its number back.
"""

import re

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

REFERENCE_RE = re.compile(r"^[A-Z]{2,5}-\d{4}-\d{6,}$")


def next_reference(prefix, *, year=None):
    from .models import ReferenceCounter

    year = year or timezone.localdate().year
    with transaction.atomic():
        updated = ReferenceCounter.objects.filter(prefix=prefix, year=year).update(last=F("last") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    ReferenceCounter.objects.create(prefix=prefix, year=year, last=1)
            except IntegrityError:  # another transaction created it first
                ReferenceCounter.objects.filter(prefix=prefix, year=year).update(last=F("last") + 1)
        number = ReferenceCounter.objects.get(prefix=prefix, year=year).last
    return f"{prefix}-{year}-{number:06d}"


def normalize_reference(value):
    """What people type: lower case, spaces, a missing dash, all forgiven."""
    return re.sub(r"\s+", "", value or "").upper()
