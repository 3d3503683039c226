"""The rules of tickets, without HTTP: deadlines, transitions, overdue,
the PPID extension, LAPOR! forwarding, history and notifications."""

import datetime

import pytest
from django.utils import timezone

from core.models import PublicHoliday
from feedback import services
from feedback.models import FeedbackTicket, TicketEvent, TicketStatus, TicketType
from feedback.tests.factories import DivisionFactory, FeedbackTicketFactory
from integrations.models import OutboxMessage

pytestmark = pytest.mark.django_db

FRIDAY = datetime.date(2026, 3, 13)
MESSAGE = "Petugas loket meminta uang Rp50.000 untuk kartu kuning."


def at(day, hour=10):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def new_ticket(**fields):
    values = {
        "type": TicketType.COMPLAINT,
        "subject": "Pungutan di loket",
        "message": MESSAGE,
        "name": "Budi Santoso",
        "email": "budi@example.id",
        "phone": "0812 3456 7890",
        "language": "id",
    }
    values.update(fields)
    return services.NewTicket(**values)


# Deadlines -------------------------------------------------------------------


def test_a_complaint_is_due_five_working_days_later_skipping_the_weekend():
    assert services.due_date_for(TicketType.COMPLAINT, FRIDAY) == datetime.date(2026, 3, 20)


def test_a_public_holiday_pushes_the_deadline_back_a_day():
    PublicHoliday.objects.create(date=datetime.date(2026, 3, 18), name="Hari Suci Nyepi")
    assert services.due_date_for(TicketType.COMPLAINT, FRIDAY) == datetime.date(2026, 3, 23)


def test_the_response_days_come_from_the_setting(settings):
    settings.TICKET_RESPONSE_WORKING_DAYS = {"complaint": 3, "suggestion": 20}
    assert services.response_working_days(TicketType.COMPLAINT) == 3
    assert services.response_working_days(TicketType.SUGGESTION) == 20
    assert services.response_working_days(TicketType.ASPIRATION) == 10  # the default stays


def test_an_information_request_has_the_legal_ten_working_days_whatever_the_setting(settings):
    settings.TICKET_RESPONSE_WORKING_DAYS = {"information_request": 2}
    assert services.due_date_for(TicketType.INFORMATION_REQUEST, FRIDAY) == datetime.date(2026, 3, 27)


def test_a_ticket_gets_its_due_date_when_it_is_created():
    ticket = services.create_ticket(new_ticket(type=TicketType.INFORMATION_REQUEST), now=at(FRIDAY))
    assert ticket.due_date == datetime.date(2026, 3, 27)


# Overdue -------------------------------------------------------------------------


def test_an_open_ticket_is_overdue_the_day_after_its_due_date():
    ticket = FeedbackTicketFactory(due_date=datetime.date(2026, 3, 20))
    assert not services.is_overdue(ticket, today=datetime.date(2026, 3, 20))
    assert services.is_overdue(ticket, today=datetime.date(2026, 3, 21))


def test_an_answered_or_closed_ticket_is_never_overdue():
    for status in (TicketStatus.ANSWERED, TicketStatus.CLOSED):
        ticket = FeedbackTicketFactory(status=status, due_date=datetime.date(2026, 3, 20))
        assert not services.is_overdue(ticket, today=datetime.date(2026, 4, 30))


def test_the_overdue_filter_matches_the_rule():
    late = FeedbackTicketFactory(due_date=datetime.date(2026, 3, 20), status=TicketStatus.IN_PROCESS)
    FeedbackTicketFactory(due_date=datetime.date(2026, 3, 25))
    FeedbackTicketFactory(due_date=datetime.date(2026, 3, 1), status=TicketStatus.ANSWERED)
    found = FeedbackTicket.objects.filter(services.overdue_q(today=datetime.date(2026, 3, 23)))
    assert list(found) == [late]


# PPID extension --------------------------------------------------------------------


def test_an_information_request_can_be_extended_once_by_seven_working_days(staff):
    ticket = services.create_ticket(new_ticket(type=TicketType.INFORMATION_REQUEST), now=at(FRIDAY))
    services.extend_deadline(ticket, "Dokumen harus diambil dari arsip", staff)
    ticket.refresh_from_db()
    assert ticket.due_date == datetime.date(2026, 4, 7)
    assert ticket.extended and ticket.extension_reason == "Dokumen harus diambil dari arsip"
    with pytest.raises(services.TicketError):
        services.extend_deadline(ticket, "Lagi", staff)
    ticket.refresh_from_db()
    assert ticket.due_date == datetime.date(2026, 4, 7)


def test_the_extension_skips_holidays_too(staff):
    PublicHoliday.objects.create(date=datetime.date(2026, 4, 3), name="Jumat Agung")
    ticket = FeedbackTicketFactory(type=TicketType.INFORMATION_REQUEST, due_date=datetime.date(2026, 3, 27))
    services.extend_deadline(ticket, "Perlu koordinasi", staff)
    assert ticket.due_date == datetime.date(2026, 4, 8)


def test_an_extension_needs_a_reason(staff):
    ticket = FeedbackTicketFactory(type=TicketType.INFORMATION_REQUEST)
    with pytest.raises(services.TicketError):
        services.extend_deadline(ticket, "  ", staff)
    assert not TicketEvent.objects.filter(kind=TicketEvent.Kind.EXTENSION).exists()


def test_a_complaint_cannot_be_extended(staff):
    ticket = FeedbackTicketFactory(type=TicketType.COMPLAINT)
    with pytest.raises(services.TicketError):
        services.extend_deadline(ticket, "Banyak pekerjaan", staff)


# Transitions and history ----------------------------------------------------------


def test_a_status_change_is_recorded_with_the_user_and_the_time(staff):
    ticket = FeedbackTicketFactory()
    services.change_status(ticket, TicketStatus.IN_PROCESS, staff, note="Diteruskan ke bidang")
    event = ticket.events.get(kind=TicketEvent.Kind.STATUS)
    assert (event.user, event.from_status, event.to_status) == (staff, "received", "in_process")
    assert event.created_at is not None and event.text == "Diteruskan ke bidang"


def test_a_closed_ticket_cannot_jump_to_answered(staff):
    ticket = FeedbackTicketFactory(status=TicketStatus.CLOSED)
    with pytest.raises(services.TicketError):
        services.change_status(ticket, TicketStatus.ANSWERED, staff)
    services.change_status(ticket, TicketStatus.IN_PROCESS, staff)  # reopening is allowed
    assert ticket.status == TicketStatus.IN_PROCESS


def test_closing_sets_the_closed_time(staff):
    ticket = FeedbackTicketFactory()
    services.change_status(ticket, TicketStatus.CLOSED, staff)
    assert ticket.closed_at is not None


def test_a_reply_answers_an_open_ticket(staff):
    ticket = FeedbackTicketFactory(status=TicketStatus.IN_PROCESS)
    services.reply(ticket, "Kartu Anda sudah dapat diambil di loket 3.", staff)
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.ANSWERED
    assert ticket.public_reply == "Kartu Anda sudah dapat diambil di loket 3."
    assert ticket.events.get(kind=TicketEvent.Kind.REPLY).user == staff


def test_assignment_and_notes_are_recorded(staff):
    ticket = FeedbackTicketFactory()
    division = DivisionFactory()
    services.assign(ticket, division, staff)
    services.add_note(ticket, "Hubungi kepala loket", staff)
    assert ticket.assigned_division == division
    kinds = list(ticket.events.values_list("kind", "user"))
    assert kinds == [("assignment", staff.pk), ("note", staff.pk)]


def test_notes_are_never_in_the_public_history(staff):
    ticket = FeedbackTicketFactory()
    services.add_note(ticket, "Catatan internal", staff)
    services.change_status(ticket, TicketStatus.IN_PROCESS, staff)
    assert [event.kind for event in services.public_history(ticket)] == ["status"]


def test_the_message_and_contact_are_encrypted_in_the_database():
    ticket = services.create_ticket(new_ticket())
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT message, name, email, phone FROM feedback_feedbackticket WHERE id = %s", [ticket.pk]
        )
        row = cursor.fetchone()
    assert all(value.startswith("fernet:") for value in row)
    assert "Rp50.000" not in "".join(row)


# Creating -------------------------------------------------------------------------


def test_creating_a_ticket_gives_it_a_reference_with_the_type_prefix():
    complaint = services.create_ticket(new_ticket())
    request = services.create_ticket(new_ticket(type=TicketType.INFORMATION_REQUEST))
    assert complaint.reference.startswith("ADU-") and request.reference.startswith("PPID-")
    assert complaint.events.get().kind == TicketEvent.Kind.CREATED


def test_an_anonymous_ticket_keeps_no_name_but_can_keep_a_contact():
    ticket = services.create_ticket(new_ticket(anonymous=True, phone="", lapor_contact_consent=True))
    assert ticket.name == "" and ticket.email == "budi@example.id" and ticket.trackable
    assert not ticket.lapor_contact_consent


def test_the_topic_service_gives_the_division_to_assign(homes):
    from services.tests.factories import ServiceIndexPageFactory, ServicePageFactory

    division = DivisionFactory()
    service = ServicePageFactory(parent=ServiceIndexPageFactory(parent=homes.id), division=division)
    ticket = services.create_ticket(new_ticket(service=service))
    assert ticket.service.pk == service.pk and ticket.assigned_division == division


# LAPOR! ----------------------------------------------------------------------------


def test_forwarding_a_complaint_enqueues_one_lapor_message(staff):
    ticket = FeedbackTicketFactory(lapor_id="LAPOR-1234")
    services.forward_to_lapor(ticket, staff)
    message = OutboxMessage.objects.get(destination="lapor")
    assert message.kind == "ticket.complaint"
    assert message.reference_id == str(ticket.pk)
    assert message.payload["reference"] == ticket.reference and message.payload["lapor_id"] == "LAPOR-1234"
    assert ticket.events.get(kind=TicketEvent.Kind.LAPOR_FORWARD).user == staff
    with pytest.raises(services.TicketError):
        services.forward_to_lapor(ticket, staff)
    assert OutboxMessage.objects.filter(destination="lapor").count() == 1


def test_the_lapor_payload_carries_the_contact_only_with_consent(staff):
    without = FeedbackTicketFactory()
    with_consent = FeedbackTicketFactory(lapor_contact_consent=True)
    assert services.lapor_payload(without)["reporter"] is None
    assert "siti@example.id" not in str(services.lapor_payload(without))
    assert services.lapor_payload(with_consent)["reporter"] == {
        "name": "Siti Aminah",
        "email": "siti@example.id",
        "phone": "081234567890",
    }


def test_only_complaints_go_to_lapor(staff):
    ticket = FeedbackTicketFactory(type=TicketType.SUGGESTION)
    with pytest.raises(services.TicketError):
        services.forward_to_lapor(ticket, staff)
    assert not OutboxMessage.objects.filter(destination="lapor").exists()


def test_a_lapor_id_is_checked_and_recorded(staff):
    ticket = FeedbackTicketFactory()
    with pytest.raises(services.TicketError):
        services.set_lapor_id(ticket, "<script>", staff)
    services.set_lapor_id(ticket, "2026-ABC-77", staff)
    assert ticket.lapor_id == "2026-ABC-77"
    assert ticket.events.get(kind=TicketEvent.Kind.LAPOR_ID).user == staff


# Notifications --------------------------------------------------------------------


def emails(to=None):
    messages = OutboxMessage.objects.filter(destination="email").order_by("created_at")
    return [message for message in messages if to is None or message.payload["to"] == [to]]


def test_a_new_ticket_notifies_the_dialogue_team_without_the_message_or_contact():
    ticket = services.create_ticket(new_ticket())
    assert len(emails()) == 2
    [to_team] = emails(to="dialog@disnaker.example")
    text = to_team.payload["subject"] + to_team.payload["body"]
    assert ticket.reference in text and "/admin/" in text
    for secret in (MESSAGE, "Rp50.000", "Budi", "budi@example.id", "3456"):
        assert secret not in text


def test_the_person_gets_the_reference_in_their_language_without_their_message():
    ticket = services.create_ticket(new_ticket(language="en"))
    [to_person] = emails(to="budi@example.id")
    assert ticket.reference in to_person.payload["subject"]
    assert "We have received your message" in to_person.payload["subject"]
    assert MESSAGE not in to_person.payload["body"] and "Rp50.000" not in to_person.payload["body"]


def test_without_an_email_address_only_the_team_is_told():
    services.create_ticket(new_ticket(email=""))
    assert [message.payload["to"] for message in emails()] == [["dialog@disnaker.example"]]


def test_a_new_ticket_for_a_division_with_an_email_address_notifies_the_division_instead_of_the_team():
    division = DivisionFactory(email="penempatan@disnaker.example")
    ticket = services.create_ticket(new_ticket(division=division))
    [to_division] = emails(to="penempatan@disnaker.example")
    assert emails(to="dialog@disnaker.example") == []
    text = to_division.payload["subject"] + to_division.payload["body"]
    assert ticket.reference in text
    for secret in (MESSAGE, "Rp50.000", "Budi", "budi@example.id", "3456"):
        assert secret not in text


def test_a_new_ticket_for_a_division_without_an_email_address_notifies_the_team():
    services.create_ticket(new_ticket(division=DivisionFactory()))
    assert len(emails(to="dialog@disnaker.example")) == 1


def test_the_person_is_told_of_a_status_change_and_a_reply_but_not_of_a_note(staff):
    ticket = FeedbackTicketFactory(language="en")
    services.add_note(ticket, "Internal", staff)
    services.change_status(ticket, TicketStatus.IN_PROCESS, staff)
    services.reply(ticket, "Your card is ready at counter 3.", staff)
    sent = emails()
    assert len(sent) == 2
    assert all(message.payload["to"] == ["siti@example.id"] for message in sent)
    assert any("We have replied" in message.payload["body"] for message in sent)
    assert not any("counter 3" in message.payload["body"] for message in sent)
