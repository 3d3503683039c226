"""`manage.py purge_personal_data`: counts per kind, a clear message when
nothing is due, and a dry run that changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation

from feedback.models import FeedbackTicket

from .conftest import SITI

pytestmark = pytest.mark.django_db


def purge(*args):
    out = StringIO()
    with translation.override("en"):
        call_command("purge_personal_data", *args, stdout=out)
    return out.getvalue()


def test_the_command_prints_the_counts_per_kind(world):
    output = purge()

    assert "Tickets: 1" in output
    assert "Applications: 1" in output
    assert "Consultation comments: 2" in output
    assert "Retention period: 730 days" in output


def test_a_second_run_says_that_nothing_is_due(world):
    purge()

    output = purge()

    assert "Nothing is due" in output
    assert "Tickets:" not in output


def test_the_dry_run_counts_and_changes_nothing(world):
    output = purge("--dry-run")

    assert "Tickets: 1" in output and "Dry run: nothing was changed." in output
    assert FeedbackTicket.objects.get(pk=world.old_ticket.pk).email == SITI.email


def test_the_command_never_prints_personal_data(world):
    output = purge()

    for secret in (SITI.email, SITI.name, SITI.nik, world.old_ticket.reference):
        assert secret not in output
