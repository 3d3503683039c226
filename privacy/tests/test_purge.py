"""The purge after the retention period: personal data of records closed long
enough ago goes, everything the statistics use stays, and a second run finds
nothing."""

from collections import Counter
from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry

from consultations.models import ConsultationComment
from faq.models import AskedQuestion
from feedback.models import FeedbackTicket, TicketAttachment, TicketEvent
from integrations.models import OutboxMessage
from privacy import services
from privacy.models import PersonalDataRequest
from satisfaction.elements import FIELDS
from satisfaction.models import SurveyResponse
from satisfaction.services import ikm
from services.models import ServiceSubmission, SubmissionAttachment, SubmissionStatusEvent

from .conftest import BUDI, SITI, private_files

pytestmark = pytest.mark.django_db


def statistics():
    """Everything a statistic or a report may read, before and after."""
    tickets = FeedbackTicket.objects.order_by("pk")
    submissions = ServiceSubmission.objects.order_by("pk")
    return {
        "tickets": list(
            tickets.values_list(
                "reference",
                "type",
                "status",
                "division_id",
                "assigned_division_id",
                "service_id",
                "language",
                "received_at",
                "due_date",
                "replied_at",
                "closed_at",
                "updated_at",
            )
        ),
        "tickets by status and type": Counter(tickets.values_list("status", "type")),
        "ticket durations": [(t.closed_at - t.received_at) for t in tickets if t.closed_at],
        "ticket events": list(
            TicketEvent.objects.order_by("pk").values_list(
                "ticket_id", "kind", "created_at", "from_status", "to_status", "division_id"
            )
        ),
        "applications": list(
            submissions.values_list(
                "reference", "service_id", "service_title", "status", "language", "created_at", "updated_at"
            )
        ),
        "application events": list(
            SubmissionStatusEvent.objects.order_by("pk").values_list(
                "submission_id", "status", "source", "event_id", "created_at"
            )
        ),
        "questions": list(
            AskedQuestion.objects.order_by("pk").values_list(
                "reference", "status", "category_id", "division_id", "language", "created_at", "closed_at"
            )
        ),
        "comments": list(
            ConsultationComment.objects.order_by("pk").values_list(
                "consultation_id", "status", "section", "language", "created_at", "moderated_at"
            )
        ),
        "survey scores": list(
            SurveyResponse.objects.order_by("pk").values_list("invitation_id", "submitted_at", *FIELDS)
        ),
        "ikm": ikm(SurveyResponse.objects.all()),
        "messages": list(
            OutboxMessage.objects.order_by("created_at", "pk").values_list(
                "kind",
                "destination",
                "status",
                "created_at",
                "delivered_at",
                "reference_type",
                "reference_id",
            )
        ),
    }


def test_purge_removes_every_personal_field_of_a_ticket_closed_before_the_retention_period(world):
    services.purge_expired()

    ticket = FeedbackTicket.objects.get(pk=world.old_ticket.pk)
    assert (ticket.subject, ticket.message, ticket.name, ticket.email, ticket.phone) == ("", "", "", "", "")
    assert (ticket.email_hash, ticket.phone_hash, ticket.public_reply) == ("", "", "")
    assert ticket.personal_data_purged_at is not None
    assert not any(event.text for event in ticket.events.all())


def test_purge_removes_the_answers_nik_and_contact_of_an_old_completed_application(world):
    services.purge_expired()

    submission = ServiceSubmission.objects.get(pk=world.old_submission.pk)
    assert submission.answers == []
    assert (submission.applicant_email, submission.applicant_phone) == ("", "")
    assert (submission.nik_hash, submission.email_hash, submission.phone_hash) == ("", "", "")
    assert not any(event.message for event in submission.events.all())


def test_purge_deletes_the_attachment_files_and_rows_of_old_records(world):
    old_files = [
        world.old_ticket.attachments.get().file.name,
        world.old_submission.attachments.get().file.name,
    ]
    assert set(old_files) <= set(private_files())

    services.purge_expired()

    assert not set(old_files) & set(private_files())
    assert not TicketAttachment.objects.filter(ticket=world.old_ticket).exists()
    assert not SubmissionAttachment.objects.filter(submission=world.old_submission).exists()


def test_purge_removes_the_question_name_email_and_answer_of_an_old_answered_question(world):
    services.purge_expired()

    question = AskedQuestion.objects.get(pk=world.old_question.pk)
    assert (question.question, question.name, question.email, question.email_hash, question.answer) == (
        ("", "", "", "", "")
    )
    assert question.status == AskedQuestion.Status.ANSWERED


def test_purge_keeps_a_published_comment_but_without_its_contact_details(world):
    services.purge_expired()

    comment = ConsultationComment.objects.get(pk=world.old_comment.pk)
    assert (comment.name, comment.email, comment.email_hash, comment.organisation) == ("", "", "", "")
    assert not comment.show_name
    assert "setuju dengan pasal 3" in comment.comment
    assert SITI.name not in comment.comment and SITI.email not in comment.comment
    assert SITI.name not in comment.reply


def test_purge_empties_an_unpublished_comment_of_a_long_closed_consultation(world):
    services.purge_expired()

    assert ConsultationComment.objects.get(pk=world.old_pending_comment.pk).comment == ""


def test_purge_keeps_the_survey_scores_but_removes_the_comment(world):
    response = SurveyResponse.objects.get(invitation__reference=world.old_submission.reference)

    services.purge_expired()

    response.refresh_from_db()
    assert response.comment == ""
    assert response.requirements == 4


def test_purge_blanks_the_payloads_of_delivered_messages_of_purged_records(world):
    services.purge_expired()

    messages = OutboxMessage.objects.filter(
        reference_type="feedback.feedbackticket", reference_id=str(world.old_ticket.pk)
    )
    assert messages.exists()
    assert all(message.payload == {} for message in messages)


def test_purge_leaves_records_closed_inside_the_retention_period_untouched(world):
    before = FeedbackTicket.objects.filter(pk=world.recent_ticket.pk).values().get()

    services.purge_expired()

    assert FeedbackTicket.objects.filter(pk=world.recent_ticket.pk).values().get() == before
    assert world.recent_ticket.attachments.exists()
    recent_comment = ConsultationComment.objects.get(pk=world.recent_comment.pk)
    assert recent_comment.email == SITI.email


def test_purge_leaves_open_records_untouched_however_old(world):
    services.purge_expired()

    assert FeedbackTicket.objects.get(pk=world.open_ticket.pk).email == SITI.email
    assert ServiceSubmission.objects.get(pk=world.open_submission.pk).applicant_email == SITI.email
    assert AskedQuestion.objects.get(pk=world.waiting_question.pk).email == SITI.email


def test_purge_keeps_the_statistics_unchanged(world):
    before = statistics()

    services.purge_expired()

    assert statistics() == before


def test_purge_leaves_the_period_reports_unchanged(world):
    figures = pytest.importorskip("reports.figures")
    from reports.periods import Period

    now = timezone.now()
    old_year = (now - timedelta(days=800)).year

    def reports():
        with translation.override("id"):
            return [
                figures.build_report(Period.year(year), now=now).sections
                for year in range(old_year, now.year + 1)
            ]

    before = reports()

    services.purge_expired()

    assert reports() == before


def test_purge_counts_what_it_removed_per_kind(world):
    result = services.purge_expired()

    assert result.counts["tickets"] == 1
    assert result.counts["ticket_attachments"] == 1
    assert result.counts["applications"] == 1
    assert result.counts["application_attachments"] == 1
    assert result.counts["questions"] == 1
    assert result.counts["comments"] == 2
    assert result.counts["survey_comments"] == 1
    assert result.counts["messages"] >= 3


def test_a_second_purge_removes_nothing(world):
    services.purge_expired()
    after_first = statistics(), FeedbackTicket.objects.filter(pk=world.recent_ticket.pk).values().get()

    second = services.purge_expired()

    assert second.nothing_due and second.total == 0
    assert (
        statistics(),
        FeedbackTicket.objects.filter(pk=world.recent_ticket.pk).values().get(),
    ) == after_first


def test_a_dry_run_counts_without_changing_anything(world):
    files = private_files()
    rows = list(FeedbackTicket.objects.values()), list(ServiceSubmission.objects.values())

    result = services.purge_expired(dry_run=True)

    assert result.counts["tickets"] == 1 and result.dry_run
    assert private_files() == files
    assert (list(FeedbackTicket.objects.values()), list(ServiceSubmission.objects.values())) == rows
    assert not PersonalDataRequest.objects.exists()


def test_the_retention_period_comes_from_the_setting(world, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 60

    services.purge_expired()

    assert FeedbackTicket.objects.get(pk=world.recent_ticket.pk).email == ""
    assert FeedbackTicket.objects.get(pk=world.budi_ticket.pk).email == BUDI.email


def test_a_purge_is_recorded_with_counts_and_without_personal_data(world):
    services.purge_expired()

    entry = PersonalDataRequest.objects.get()
    assert entry.action == PersonalDataRequest.Action.PURGE
    assert entry.counts["tickets"] == 1
    log = ModelLogEntry.objects.get(action="privacy.purge")
    for secret in (SITI.email, SITI.name, "3456"):
        assert secret not in str(log.data) and secret not in log.label


def test_a_purge_with_nothing_due_records_nothing(homes):
    result = services.purge_expired()

    assert result.nothing_due
    assert not PersonalDataRequest.objects.exists()


def test_a_ticket_answered_long_ago_but_never_closed_is_due(homes):
    from feedback.models import TicketStatus

    from .conftest import make_ticket

    ticket = make_ticket(SITI, closed_days_ago=800, status=TicketStatus.ANSWERED)

    services.purge_expired()

    assert FeedbackTicket.objects.get(pk=ticket.pk).message == ""


def test_a_comment_is_due_only_once_its_consultation_closed_before_the_cutoff(world):
    cutoff = services.retention_cutoff()
    assert world.old_comment.consultation.closes_on < timezone.localdate(cutoff)
    due = set(services.due_comments(cutoff).values_list("pk", flat=True))

    assert due == {world.old_comment.pk, world.old_pending_comment.pk}


def test_delivered_messages_older_than_the_retention_period_lose_their_payload(homes):
    old = OutboxMessage.objects.create(
        destination="email",
        kind="email.test",
        payload={"to": ["x@example.id"]},
        status=OutboxMessage.Status.DELIVERED,
        delivered_at=timezone.make_aware(datetime(2020, 1, 1)),
    )
    waiting = OutboxMessage.objects.create(
        destination="email", kind="email.test", payload={"to": ["y@example.id"]}
    )

    services.purge_expired()

    old.refresh_from_db()
    waiting.refresh_from_db()
    assert old.payload == {} and old.status == OutboxMessage.Status.DELIVERED
    assert waiting.payload == {"to": ["y@example.id"]}
