"""The ticket inbox in the Wagtail admin."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from feedback.models import PublishedTicket, TicketAttachment, TicketEvent, TicketStatus, TicketType
from feedback.tests.conftest import PDF
from feedback.tests.factories import DivisionFactory, FeedbackTicketFactory
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def viewer(client, django_user_model):
    """An editor who may read every division's tickets but not change them or see contacts."""
    user = django_user_model.objects.create_user("pembaca", "pembaca@example.org", "pw-for-tests-only")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_feedbackticket"),
        Permission.objects.get(codename="see_all_divisions"),
    )
    client.force_login(user)
    return client


def inspect_url(ticket):
    return reverse("feedback_tickets:inspect", args=[ticket.pk])


def action_url(ticket, action):
    return reverse("feedback_tickets:action", args=[ticket.pk, action])


def test_the_inbox_filters_by_status_type_division_and_overdue(admin_client):
    division = DivisionFactory()
    late = FeedbackTicketFactory(
        subject="Late one", due_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    FeedbackTicketFactory(subject="Answered one", status=TicketStatus.ANSWERED)
    FeedbackTicketFactory(subject="Suggestion one", type=TicketType.SUGGESTION, assigned_division=division)
    index = reverse("feedback_tickets:index")

    def subjects(**params):
        content = admin_client.get(index, params).content.decode()
        return {s for s in ("Late one", "Answered one", "Suggestion one") if s in content}

    assert subjects() == {"Late one", "Answered one", "Suggestion one"}
    assert subjects(status="answered") == {"Answered one"}
    assert subjects(type="suggestion") == {"Suggestion one"}
    assert subjects(assigned_division=division.pk) == {"Suggestion one"}
    assert subjects(overdue="true") == {"Late one"}
    assert late.reference in admin_client.get(index, {"overdue": "true"}).content.decode()


def test_an_overdue_ticket_is_highlighted_in_the_inbox(admin_client):
    FeedbackTicketFactory(due_date=timezone.localdate() - datetime.timedelta(days=1))
    content = admin_client.get(reverse("feedback_tickets:index")).content.decode()
    assert "w-status--primary" in content and ("Overdue" in content or "Terlambat" in content)


def test_the_inbox_never_lists_contact_details(admin_client):
    FeedbackTicketFactory()
    content = admin_client.get(reverse("feedback_tickets:index")).content.decode()
    assert "siti@example.id" not in content and "Siti Aminah" not in content


def test_the_detail_shows_the_decrypted_contact_to_staff_allowed_to_see_it(admin_client):
    ticket = FeedbackTicketFactory()
    content = admin_client.get(inspect_url(ticket)).content.decode()
    assert "Siti Aminah" in content and "siti@example.id" in content and "081234567890" in content
    assert ticket.message in content


def test_an_editor_without_the_contact_permission_sees_the_message_but_not_the_contact(viewer):
    ticket = FeedbackTicketFactory()
    response = viewer.get(inspect_url(ticket))
    assert response.status_code == 200
    content = response.content.decode()
    assert ticket.message in content
    assert "siti@example.id" not in content and "Siti Aminah" not in content
    assert action_url(ticket, "reply") not in content


def test_an_editor_who_may_only_view_cannot_act(viewer):
    ticket = FeedbackTicketFactory()
    response = viewer.post(action_url(ticket, "note"), {"text": "x"})
    assert response.status_code in (302, 403)  # Wagtail turns the refusal into a redirect to the dashboard
    assert response.get("Location") != inspect_url(ticket)
    assert not TicketEvent.objects.exists()


def test_actions_only_accept_post(admin_client):
    ticket = FeedbackTicketFactory()
    assert admin_client.get(action_url(ticket, "forward")).status_code == 405


def test_nobody_adds_tickets_in_the_admin(admin_client):
    response = admin_client.get(reverse("feedback_tickets:add"))
    assert response.status_code in (302, 403)


def test_an_attachment_downloads_with_permission_only(admin_client, client, django_user_model):
    ticket = FeedbackTicketFactory()
    attachment = TicketAttachment(
        ticket=ticket, original_name="bukti.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("bukti.pdf", ContentFile(PDF))
    url = reverse("feedback_tickets:attachment", args=[ticket.pk, attachment.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    assert (
        response["Content-Disposition"].startswith("attachment;")
        and "bukti.pdf" in response["Content-Disposition"]
    )
    assert b"".join(response.streaming_content) == PDF
    stranger = django_user_model.objects.create_user("tamu", "tamu@example.org", "pw-for-tests-only")
    stranger.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(stranger)
    assert client.get(url).status_code in (302, 403)


@pytest.mark.parametrize(
    ("action", "data", "kind"),
    [
        ("status", {"status": "in_process", "note": ""}, TicketEvent.Kind.STATUS),
        ("assign", {"division": "DIVISION"}, TicketEvent.Kind.ASSIGNMENT),
        ("note", {"text": "Call the counter"}, TicketEvent.Kind.NOTE),
        ("reply", {"text": "Your card is ready."}, TicketEvent.Kind.REPLY),
        ("lapor_id", {"lapor_id": "LPR-2026-1"}, TicketEvent.Kind.LAPOR_ID),
        ("forward", {}, TicketEvent.Kind.LAPOR_FORWARD),
        ("publish", {}, TicketEvent.Kind.PUBLISHED),
    ],
)
def test_every_admin_action_writes_an_event_with_the_user(admin_client, staff, action, data, kind):
    ticket = FeedbackTicketFactory()
    if data.get("division") == "DIVISION":
        data = {"division": DivisionFactory().pk}
    response = admin_client.post(action_url(ticket, action), data)
    assert response.status_code == 302
    event = ticket.events.get()
    assert (event.kind, event.user) == (kind, staff)


def test_the_ppid_extension_action_writes_an_event(admin_client, staff):
    ticket = FeedbackTicketFactory(type=TicketType.INFORMATION_REQUEST, reference="PPID-2026-000009")
    assert action_url(ticket, "extend") in admin_client.get(inspect_url(ticket)).content.decode()
    admin_client.post(action_url(ticket, "extend"), {"reason": "Arsip di gudang"})
    assert ticket.events.get().user == staff
    admin_client.post(action_url(ticket, "extend"), {"reason": "Sekali lagi"})
    assert ticket.events.count() == 1  # once only


def test_a_refused_action_writes_nothing_and_says_why(admin_client):
    ticket = FeedbackTicketFactory(status=TicketStatus.CLOSED)
    response = admin_client.post(action_url(ticket, "status"), {"status": "answered"}, follow=True)
    assert not ticket.events.exists()
    assert "cannot go from" in response.content.decode() or "tidak dapat" in response.content.decode()


def test_forwarding_in_the_admin_enqueues_one_lapor_message(admin_client):
    ticket = FeedbackTicketFactory()
    admin_client.post(action_url(ticket, "forward"))
    admin_client.post(action_url(ticket, "forward"))
    assert OutboxMessage.objects.filter(destination="lapor", kind="ticket.complaint").count() == 1


def test_publishing_opens_the_redacted_draft_for_editing(admin_client):
    ticket = FeedbackTicketFactory(message="Hubungi saya di siti@example.id")
    response = admin_client.post(action_url(ticket, "publish"))
    published = PublishedTicket.objects.get()
    assert response["Location"] == reverse("published_tickets:edit", args=[published.pk])
    edit = admin_client.get(response["Location"])
    assert edit.status_code == 200
    assert "siti@example.id" not in edit.content.decode()
    assert "siti@example.id" not in published.what_you_told_us and not published.live


def test_the_detail_lists_attachments_and_the_history_with_who_and_when(admin_client, staff):
    from feedback import services

    ticket = FeedbackTicketFactory(type=TicketType.INFORMATION_REQUEST, reference="PPID-2026-000011")
    attachment = TicketAttachment(
        ticket=ticket, original_name="surat.pdf", content_type="application/pdf", size=len(PDF)
    )
    attachment.file.save("surat.pdf", ContentFile(PDF))
    services.add_note(ticket, "Minta arsip ke sekretariat", staff)
    services.start_publication(ticket, staff)
    content = admin_client.get(inspect_url(ticket)).content.decode()
    assert reverse("feedback_tickets:attachment", args=[ticket.pk, attachment.pk]) in content
    assert "surat.pdf" in content and "Minta arsip ke sekretariat" in content and staff.username in content


def test_the_published_summaries_can_be_listed_per_language(admin_client, homes):
    from wagtail.models import Locale

    from feedback.tests.factories import PublishedTicketFactory

    PublishedTicketFactory(title="Antrean panjang di loket")
    PublishedTicketFactory(title="Long queues at the counter", locale=Locale.objects.get(language_code="en"))
    index = reverse("published_tickets:index")

    indonesian = admin_client.get(index, {"locale": "id"}).content.decode()
    english = admin_client.get(index, {"locale": "en"}).content.decode()

    assert "Antrean panjang di loket" in indonesian and "Long queues at the counter" not in indonesian
    assert "Long queues at the counter" in english and "Antrean panjang di loket" not in english


def test_a_summary_added_in_english_is_in_the_english_locale(admin_client, homes):
    response = admin_client.post(
        reverse("published_tickets:add") + "?locale=en",
        {
            "title": "Long queues at the counter",
            "what_you_told_us": "The queue took three hours.",
            "what_we_did": "We opened another counter.",
            "type": TicketType.COMPLAINT,
            "received_on": "2026-03-02",
        },
    )

    assert response.status_code == 302
    assert PublishedTicket.objects.get().locale.language_code == "en"
