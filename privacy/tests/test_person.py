"""One person's data, found by e-mail or phone: exported whole, erased on
request, and nothing of anyone else's."""

import io
import json
import zipfile

import pytest
from wagtail.models import ModelLogEntry

from consultations.models import ConsultationComment
from faq.models import AskedQuestion
from feedback.models import FeedbackTicket
from integrations.models import OutboxMessage
from privacy import services
from privacy.models import PersonalDataRequest
from satisfaction.models import SurveyResponse
from services.models import ServiceSubmission

from .conftest import BUDI, PDF, SITI, private_files

pytestmark = pytest.mark.django_db


def siti_references(world):
    return {
        world.old_ticket.reference,
        world.recent_ticket.reference,
        world.open_ticket.reference,
        world.old_submission.reference,
        world.open_submission.reference,
        world.old_question.reference,
        world.waiting_question.reference,
        services.comment_reference(world.old_comment),
        services.comment_reference(world.old_pending_comment),
        services.comment_reference(world.recent_comment),
    }


def unpack(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    return archive, json.loads(archive.read("data.json"))


def test_find_person_by_email_finds_every_kind_of_record(world):
    records = services.find_person(email=SITI.email)

    assert set(records.references()) == siti_references(world)


def test_find_person_by_phone_matches_however_the_number_is_written(world):
    written_otherwise = "+62-812-3456-7890"

    records = services.find_person(phone=written_otherwise)

    assert {t.pk for t in records.tickets} == {
        world.old_ticket.pk,
        world.recent_ticket.pk,
        world.open_ticket.pk,
    }
    assert {s.pk for s in records.submissions} == {world.old_submission.pk, world.open_submission.pk}


def test_find_person_matches_the_email_in_any_case(world):
    assert len(services.find_person(email="  SITI.Aminah@Example.ID ")) == len(siti_references(world))


def test_find_person_needs_an_email_or_a_phone(homes):
    with pytest.raises(ValueError):
        services.find_person()
    with pytest.raises(ValueError):
        services.find_person(email="not-an-address")


def test_export_holds_every_record_of_the_person_decrypted(world):
    archive, data = unpack(services.export_person(email=SITI.email))

    references = {
        item["reference"]
        for key in ("tickets", "applications", "asked_questions", "consultation_comments")
        for item in data[key]
    }
    assert references == siti_references(world)
    ticket = next(t for t in data["tickets"] if t["reference"] == world.old_ticket.reference)
    assert ticket["email"] == SITI.email and SITI.nik in ticket["message"]
    application = next(a for a in data["applications"] if a["reference"] == world.old_submission.reference)
    assert {"question": "NIK", "answer": SITI.nik} in application["answers"]
    assert application["satisfaction_survey"][0]["comment"] == "Petugas Budi sangat ramah"


def test_export_holds_the_attachment_files_of_the_person(world):
    archive, data = unpack(services.export_person(email=SITI.email))

    paths = [a["file"] for t in data["tickets"] for a in t["attachments"]]
    paths += [a["file"] for s in data["applications"] for a in s["attachments"]]
    assert len(paths) == 5  # three tickets, two applications
    assert all(archive.read(path) == PDF for path in paths)


def test_export_holds_the_emails_sent_to_the_person_but_not_those_to_the_office(world):
    _archive, data = unpack(services.export_person(email=SITI.email))

    sent = data["messages_sent"]
    assert any("body" in message for message in sent)
    assert all("dialog@disnaker.example" not in json.dumps(message) for message in sent)


def test_export_holds_nothing_of_anyone_else(world):
    archive, data = unpack(services.export_person(email=SITI.email))

    everything = json.dumps(data, ensure_ascii=False) + " ".join(archive.namelist())
    for secret in (
        BUDI.email,
        BUDI.nik,
        "Cepat",
        world.budi_ticket.reference,
        world.budi_submission.reference,
    ):
        assert secret not in everything
    assert "Budi" not in everything.replace("Petugas Budi", "")  # Siti's own survey comment names an officer


def test_export_changes_nothing_and_is_recorded_by_reference(world, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    before = list(FeedbackTicket.objects.values()), private_files()

    services.export_person(email=SITI.email, user=admin)

    assert (list(FeedbackTicket.objects.values()), private_files()) == before
    entry = PersonalDataRequest.objects.get()
    assert entry.action == PersonalDataRequest.Action.EXPORT and entry.requested_by == admin
    assert set(entry.references) == siti_references(world)
    assert SITI.email not in json.dumps(entry.counts) + json.dumps(entry.references)


def test_erase_removes_the_personal_data_of_every_record_of_the_person_whatever_its_age(world):
    services.erase_person(email=SITI.email)

    for ticket in FeedbackTicket.objects.filter(pk__in=[world.recent_ticket.pk, world.open_ticket.pk]):
        assert (ticket.name, ticket.email, ticket.phone, ticket.message) == ("", "", "", "")
    assert ServiceSubmission.objects.get(pk=world.open_submission.pk).answers == []
    assert AskedQuestion.objects.get(pk=world.waiting_question.pk).question == ""
    assert not services.find_person(email=SITI.email)
    assert not services.find_person(phone=SITI.phone)


def test_erase_replaces_a_published_comment_with_a_note(world):
    services.erase_person(email=SITI.email)

    comment = ConsultationComment.objects.get(pk=world.recent_comment.pk)
    assert SITI.name not in comment.comment and "setuju" not in comment.comment
    assert comment.comment  # the note, in the comment's language
    assert comment.status == ConsultationComment.APPROVED


def test_erase_leaves_everyone_else_untouched(world):
    budi = (
        FeedbackTicket.objects.filter(pk=world.budi_ticket.pk).values().get(),
        ServiceSubmission.objects.filter(pk=world.budi_submission.pk).values().get(),
        AskedQuestion.objects.filter(pk=world.budi_question.pk).values().get(),
        ConsultationComment.objects.filter(pk=world.budi_comment.pk).values().get(),
        SurveyResponse.objects.get(invitation__reference=world.budi_submission.reference).comment,
    )
    budi_files = {
        world.budi_ticket.attachments.get().file.name,
        world.budi_submission.attachments.get().file.name,
    }

    services.erase_person(email=SITI.email)

    assert (
        FeedbackTicket.objects.filter(pk=world.budi_ticket.pk).values().get(),
        ServiceSubmission.objects.filter(pk=world.budi_submission.pk).values().get(),
        AskedQuestion.objects.filter(pk=world.budi_question.pk).values().get(),
        ConsultationComment.objects.filter(pk=world.budi_comment.pk).values().get(),
        SurveyResponse.objects.get(invitation__reference=world.budi_submission.reference).comment,
    ) == budi
    assert budi_files <= set(private_files())
    assert len(private_files()) == 2


def test_erase_keeps_the_statistics(world):
    from .test_purge import statistics

    before = statistics()
    before.pop("messages")  # waiting messages are cancelled (next test)

    services.erase_person(email=SITI.email)

    after = statistics()
    after.pop("messages")
    assert after == before


def test_erase_cancels_the_messages_still_waiting_to_be_sent_about_the_person(world):
    waiting = OutboxMessage.objects.create(
        destination="email",
        kind="email.ticket_updated",
        payload={"to": [SITI.email], "subject": "x", "body": SITI.name},
        reference_type="feedback.feedbackticket",
        reference_id=str(world.open_ticket.pk),
    )

    services.erase_person(phone=SITI.phone)

    waiting.refresh_from_db()
    assert waiting.status == OutboxMessage.Status.DEAD and waiting.payload == {}


def test_erase_is_recorded_with_references_and_without_the_contact(world, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")

    result = services.erase_person(email=SITI.email, user=admin)

    entry = PersonalDataRequest.objects.get(action=PersonalDataRequest.Action.ERASURE)
    assert set(entry.references) == set(result.references) == siti_references(world)
    log = ModelLogEntry.objects.get(action="privacy.erase")
    assert log.user_id == admin.pk
    for secret in (SITI.email, SITI.name, "3456"):
        assert secret not in json.dumps(log.data) and secret not in log.label


def test_an_unknown_person_gets_a_clear_message_and_nothing_changes(world):
    before = list(FeedbackTicket.objects.values()), private_files(), list(OutboxMessage.objects.values())

    with pytest.raises(services.PersonNotFound) as export_error:
        services.export_person(email="nobody@example.net")
    with pytest.raises(services.PersonNotFound):
        services.erase_person(phone="0899 0000 0000")

    assert "n***@e***.net" in str(export_error.value)
    assert "nobody@example.net" not in str(export_error.value)
    assert (
        list(FeedbackTicket.objects.values()),
        private_files(),
        list(OutboxMessage.objects.values()),
    ) == before
    assert not PersonalDataRequest.objects.exists()


def test_erasing_twice_says_the_second_time_that_nothing_is_held(world):
    services.erase_person(email=SITI.email)

    with pytest.raises(services.PersonNotFound):
        services.erase_person(email=SITI.email)


def test_contacts_are_masked(homes):
    assert services.mask_email("siti.aminah@example.id") == "s***@e***.id"
    assert services.mask_phone("0812 3456 7890") == "62…890"
    assert services.mask_contact("a@b.id", "+62 812 1") == "a***@b***.id / 62…121"
