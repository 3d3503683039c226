from types import SimpleNamespace

from core.crypto import contact_hash
from core.tracking import find_tracked


class FakeQuerySet:
    def __init__(self, *records):
        self.records = records

    def filter(self, reference):
        return FakeQuerySet(*[r for r in self.records if r.reference == reference])

    def first(self):
        return self.records[0] if self.records else None


RECORD = SimpleNamespace(
    reference="LYN-2026-000123",
    email_hash=contact_hash("siti@example.id"),
    phone_hash=contact_hash("081234567890"),
)


def test_the_reference_and_the_e_mail_given_find_the_record():
    assert find_tracked(FakeQuerySet(RECORD), "lyn-2026-000123", "Siti@example.id") is RECORD


def test_the_reference_and_the_phone_given_in_another_form_find_the_record():
    assert find_tracked(FakeQuerySet(RECORD), "LYN-2026-000123", "+62 812-3456-7890") is RECORD


def test_a_wrong_contact_finds_nothing():
    assert find_tracked(FakeQuerySet(RECORD), "LYN-2026-000123", "other@example.id") is None


def test_the_reference_alone_finds_nothing():
    assert find_tracked(FakeQuerySet(RECORD), "LYN-2026-000123", "") is None


def test_an_unknown_reference_finds_nothing():
    assert find_tracked(FakeQuerySet(RECORD), "LYN-2026-999999", "siti@example.id") is None
