"""A small world of records from two people (Siti and Budi), old and recent,
open and closed, built through the apps' own services and factories and then
moved back in time."""

import hashlib
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from consultations.models import ConsultationComment
from consultations.tests.factories import (
    ConsultationCommentFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    days_from_today,
)
from core.crypto import contact_hash, keyed_hash
from core.references import next_reference
from faq.models import AskedQuestion
from faq.tests.factories import AskedQuestionFactory
from feedback import services as tickets
from feedback.models import FeedbackTicket, TicketEvent, TicketStatus, TicketType
from integrations.models import OutboxMessage
from satisfaction.models import SurveyInvitation
from satisfaction.tests.factories import SurveyResponseFactory
from services.choices import SubmissionStatus
from services.models import ServiceSubmission, SubmissionAttachment, SubmissionStatusEvent
from services.submissions import record_status

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

SITI = SimpleNamespace(
    name="Siti Aminah", email="siti.aminah@example.id", phone="0812 3456 7890", nik="1671011708900001"
)
BUDI = SimpleNamespace(
    name="Budi Santoso", email="budi@example.org", phone="0813 1111 2222", nik="1671020101850002"
)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def pdf_upload(name):
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    upload.content_type_detected = "application/pdf"
    return upload


def make_ticket(person, *, closed_days_ago=None, received_days_ago=None, status=TicketStatus.CLOSED):
    """A complaint with an attachment, a note and a reply quoting the person, closed
    (or left in ``status``) ``closed_days_ago`` days ago."""
    ticket = tickets.create_ticket(
        tickets.NewTicket(
            type=TicketType.COMPLAINT,
            subject=f"Kartu kuning {person.name} belum jadi",
            message=f"Saya {person.name}, NIK {person.nik}, hubungi {person.phone}.",
            name=person.name,
            email=person.email,
            phone=person.phone,
            attachments=(pdf_upload(f"ktp-{person.name}.pdf"),),
        )
    )
    tickets.add_note(ticket, f"{person.name} menelepon dari {person.phone}.", None)
    tickets.reply(ticket, f"Terima kasih, {person.name}. Kartu Anda sudah jadi.", None)
    if status == TicketStatus.CLOSED:
        tickets.change_status(ticket, TicketStatus.CLOSED, None, note=f"Selesai untuk {person.name}")
    elif status != ticket.status:
        tickets.change_status(ticket, status, None)
    closed = days_ago(closed_days_ago or 0)
    received = days_ago(received_days_ago or (closed_days_ago or 0) + 10)
    FeedbackTicket.objects.filter(pk=ticket.pk).update(
        received_at=received,
        replied_at=closed,
        closed_at=closed if status == TicketStatus.CLOSED else None,
    )
    TicketEvent.objects.filter(ticket=ticket).update(created_at=closed)
    TicketEvent.objects.filter(ticket=ticket, kind=TicketEvent.Kind.CREATED).update(created_at=received)
    OutboxMessage.objects.filter(
        reference_type="feedback.feedbackticket", reference_id=str(ticket.pk)
    ).update(status=OutboxMessage.Status.DELIVERED, delivered_at=closed)
    return FeedbackTicket.objects.get(pk=ticket.pk)


def make_submission(person, *, closed_days_ago=0, status=SubmissionStatus.COMPLETED, comment=""):
    """An application with a NIK, the contact and a file, moved to ``status``
    ``closed_days_ago`` days ago; completed ones get a survey answer with ``comment``."""
    submission = ServiceSubmission.objects.create(
        reference=next_reference("LYN"),
        service_title="Pelatihan menjahit",
        language="id",
        nik_hash=keyed_hash("nik:" + person.nik),
        email_hash=contact_hash(person.email),
        phone_hash=contact_hash(person.phone),
        applicant_email=person.email,
        applicant_phone=person.phone,
    )
    attachment = SubmissionAttachment(
        submission=submission,
        field_name="ktp",
        original_name=f"ktp-{person.name}.pdf",
        detected_type="pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )
    attachment.file.save("ktp.pdf", ContentFile(PDF), save=False)
    attachment.save()
    submission.answers = [
        {"name": "nama", "label": "Nama lengkap", "kind": "text", "value": person.name},
        {"name": "nik", "label": "NIK", "kind": "nik", "value": person.nik},
        {"name": "email", "label": "E-mail", "kind": "email", "value": person.email},
        {"name": "ktp", "label": "KTP", "kind": "file", "value": {"attachment": attachment.pk}},
    ]
    submission.save()
    SubmissionStatusEvent.objects.create(
        submission=submission, status=SubmissionStatus.SUBMITTED, source=SubmissionStatusEvent.Source.SITE
    )
    if status != SubmissionStatus.SUBMITTED:
        record_status(
            submission, status, source=SubmissionStatusEvent.Source.STAFF, message=f"Halo {person.name}"
        )
    moment = days_ago(closed_days_ago)
    ServiceSubmission.objects.filter(pk=submission.pk).update(created_at=moment - timedelta(days=5))
    SubmissionStatusEvent.objects.filter(submission=submission).update(created_at=moment)
    OutboxMessage.objects.filter(
        reference_type="services.servicesubmission", reference_id=str(submission.pk)
    ).update(status=OutboxMessage.Status.DELIVERED, delivered_at=moment)
    invitation = SurveyInvitation.objects.filter(reference=submission.reference).first()
    if invitation is not None:
        OutboxMessage.objects.filter(
            reference_type="satisfaction.surveyinvitation", reference_id=str(invitation.pk)
        ).update(status=OutboxMessage.Status.DELIVERED, delivered_at=moment)
        SurveyResponseFactory(invitation=invitation, comment=comment, submitted_at=moment, requirements=4)
    return ServiceSubmission.objects.get(pk=submission.pk)


def make_question(person, *, closed_days_ago=0, status=AskedQuestion.Status.ANSWERED):
    question = AskedQuestionFactory(
        reference=next_reference("TNY"),
        name=person.name,
        email=person.email,
        email_hash=contact_hash(person.email),
        question=f"Saya {person.name}, apakah kartu kuning gratis?",
        answer=f"Ya, {person.name}, gratis." if status != AskedQuestion.Status.WAITING else "",
        status=status,
    )
    moment = days_ago(closed_days_ago)
    AskedQuestion.objects.filter(pk=question.pk).update(
        created_at=moment - timedelta(days=3),
        closed_at=moment if question.closed_at else None,
        answered_at=moment if question.answer else None,
    )
    return AskedQuestion.objects.get(pk=question.pk)


def make_comment(person, consultation, *, status=ConsultationComment.APPROVED):
    return ConsultationCommentFactory(
        consultation=consultation,
        name=person.name,
        email=person.email,
        organisation="Serikat Pekerja Maju",
        show_name=True,
        status=status,
        comment=f"Saya {person.name} ({person.email}) setuju dengan pasal 3.",
        reply=f"Terima kasih, {person.name}.",
    )


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 730
    settings.DIALOGUE_NOTIFY_EMAILS = ["dialog@disnaker.example"]


@pytest.fixture
def consultations(homes):
    index = ConsultationIndexPageFactory(parent=homes.id)
    return SimpleNamespace(
        old=ConsultationPageFactory(
            parent=index, opens_on=days_from_today(-800), closes_on=days_from_today(-770)
        ),
        recent=ConsultationPageFactory(parent=index, closed=True),
    )


@pytest.fixture
def world(homes, consultations):
    """Siti's old closed records (due), her recent and open ones (not due), and Budi's."""
    return SimpleNamespace(
        old_ticket=make_ticket(SITI, closed_days_ago=800),
        recent_ticket=make_ticket(SITI, closed_days_ago=100),
        open_ticket=make_ticket(SITI, received_days_ago=900, status=TicketStatus.IN_PROCESS),
        old_submission=make_submission(SITI, closed_days_ago=800, comment="Petugas Budi sangat ramah"),
        open_submission=make_submission(SITI, closed_days_ago=800, status=SubmissionStatus.IN_PROCESS),
        old_question=make_question(SITI, closed_days_ago=800),
        waiting_question=make_question(SITI, closed_days_ago=800, status=AskedQuestion.Status.WAITING),
        old_comment=make_comment(SITI, consultations.old),
        old_pending_comment=make_comment(SITI, consultations.old, status=ConsultationComment.PENDING),
        recent_comment=make_comment(SITI, consultations.recent),
        budi_ticket=make_ticket(BUDI, closed_days_ago=50),
        budi_submission=make_submission(BUDI, closed_days_ago=50, comment="Cepat"),
        budi_question=make_question(BUDI, closed_days_ago=50),
        budi_comment=make_comment(BUDI, consultations.recent),
    )


def private_files():
    """Every file name in the private storage."""
    from core.uploads import private_storage

    storage, found, folders = private_storage(), [], [""]
    while folders:
        folder = folders.pop()
        dirs, files = storage.listdir(folder)
        found += [f"{folder}/{name}".lstrip("/") for name in files]
        folders += [f"{folder}/{name}".lstrip("/") for name in dirs]
    return sorted(found)
