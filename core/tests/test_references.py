import re

import pytest
from django.db import transaction

from core.references import next_reference, normalize_reference


@pytest.mark.django_db
def test_references_have_prefix_year_and_six_digits():
    assert re.fullmatch(r"LYN-\d{4}-\d{6}", next_reference("LYN"))


@pytest.mark.django_db
def test_references_count_up_per_prefix_and_year():
    assert next_reference("LYN", year=2026) == "LYN-2026-000001"
    assert next_reference("LYN", year=2026) == "LYN-2026-000002"
    assert next_reference("ADU", year=2026) == "ADU-2026-000001"
    assert next_reference("LYN", year=2027) == "LYN-2027-000001"


@pytest.mark.django_db
def test_a_rolled_back_submission_gives_its_number_back():
    next_reference("LYN", year=2026)
    with pytest.raises(RuntimeError), transaction.atomic():
        next_reference("LYN", year=2026)
        raise RuntimeError
    assert next_reference("LYN", year=2026) == "LYN-2026-000002"


def test_typed_references_are_normalised():
    assert normalize_reference(" lyn-2026-000123 ") == "LYN-2026-000123"
