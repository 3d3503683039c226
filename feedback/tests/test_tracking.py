"""Tracking a ticket: reference plus the contact given, by POST only."""

import re

import pytest
from wagtail.models import Locale

from feedback import services
from feedback.forms import TicketForm
from feedback.models import TicketStatus
from feedback.tests.factories import FeedbackTicketFactory

pytestmark = pytest.mark.django_db

TRACK_URL = "/en/feedback/track/"


def started():
    return TicketForm(locale=Locale.get_default()).initial["started"]


@pytest.fixture
def track(client, feedback_page_en):
    def _track(reference, contact):
        return client.post(
            TRACK_URL, {"reference": reference, "contact": contact, "started": started(), "website": ""}
        )

    return _track


def without_tokens(response, typed_reference):
    """The page with the per-request tokens (CSRF, start time) and the
    reference the visitor typed (shown again in its field) blanked out."""
    content = response.content.decode().replace(typed_reference, "")
    content = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", content)
    return re.sub(r'name="started" value="[^"]*"', "", content)


def test_the_reference_and_email_show_the_status_and_the_reply(track, staff):
    ticket = FeedbackTicketFactory()
    services.reply(ticket, "Your card is ready at counter 3.", staff)
    response = track(ticket.reference.lower(), "SITI@example.id ")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Answered" in content and "Your card is ready at counter 3." in content
    assert ticket.reference in content


def test_the_phone_number_may_be_typed_in_another_form(track):
    ticket = FeedbackTicketFactory(email="", email_hash="")
    assert "Kartu kuning belum jadi" in track(ticket.reference, "+62 812-3456-7890").content.decode()


def test_a_wrong_pair_gives_the_same_answer_as_an_unknown_reference(track):
    ticket = FeedbackTicketFactory()
    wrong_pair = track(ticket.reference, "someone.else@example.id")
    unknown = track("ADU-2026-999999", "someone.else@example.id")
    assert wrong_pair.status_code == unknown.status_code == 200
    assert "We found nothing for that reference number and contact" in wrong_pair.content.decode()
    assert without_tokens(wrong_pair, ticket.reference) == without_tokens(unknown, "ADU-2026-999999")
    assert ticket.subject not in wrong_pair.content.decode()


def test_the_reference_in_the_address_shows_nothing(client, feedback_page_en):
    ticket = FeedbackTicketFactory()
    response = client.get(TRACK_URL, {"reference": ticket.reference, "contact": "siti@example.id"})
    assert response.status_code == 200 and ticket.subject not in response.content.decode()


def test_the_history_shows_status_changes_but_never_notes_or_staff(track, staff):
    ticket = FeedbackTicketFactory()
    services.add_note(ticket, "Secret internal remark", staff)
    services.change_status(ticket, TicketStatus.IN_PROCESS, staff, note="Also internal")
    content = track(ticket.reference, "siti@example.id").content.decode()
    assert "In process" in content
    for hidden in ("Secret internal remark", "Also internal", staff.username, staff.email):
        assert hidden not in content


def test_the_extension_reason_is_shown_to_the_requester(track, staff):
    ticket = FeedbackTicketFactory(type="information_request", reference="PPID-2026-000001")
    services.extend_deadline(ticket, "The archive is being moved", staff)
    content = track(ticket.reference, "siti@example.id").content.decode()
    assert "Deadline extended" in content and "The archive is being moved" in content


def test_tracking_is_rate_limited(track, settings):
    settings.PUBLIC_FORM_RATE_LIMITS = {"default": (20, 3600), "tracking": (2, 900)}
    ticket = FeedbackTicketFactory()
    track("ADU-2026-999998", "x@example.id")
    track("ADU-2026-999997", "x@example.id")
    response = track(ticket.reference, "siti@example.id")
    assert response.status_code == 429
    assert "too many times" in response.content.decode()
    assert ticket.subject not in response.content.decode()


def test_a_found_ticket_is_remembered_in_the_session_not_the_address(client, track):
    ticket = FeedbackTicketFactory()
    track(ticket.reference, "siti@example.id")
    assert client.session["tracked:feedback"] == [ticket.pk]
