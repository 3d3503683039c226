"""Personal data: removed after the retention period, and found, exported or
erased for one person on request (Law 27/2022 on Personal Data Protection).

What counts as personal data here, per record (everything else stays, so the
statistics do not change: references, types, statuses, services, divisions,
every date and status event, the satisfaction scores):

* tickets (feedback): subject, message, name, e-mail, phone and their lookup
  hashes, public reply, extension reason, the text of every history event
  (notes and replies may quote the person), attachments (files and rows);
* applications (services): the answers (NIK included), e-mail, phone, the
  NIK and contact hashes, the messages of status changes, attachments; the
  comment of the satisfaction response given for the application;
* asked questions (faq): the question, name, e-mail and hash, the answer
  (the published entry is the editor's own text and stays);
* consultation comments: name, e-mail and hash, organisation; the comment
  itself, once public, stays with contact details redacted (after the
  retention period) or is replaced by a note (on the person's request);
* outgoing messages (integrations): the payload of delivered and dead
  messages of those records, and of every delivered or dead message older
  than the retention period; on request, waiting messages are cancelled.

A record is *closed* (and its retention period runs) when it reached a final
status: a ticket answered or closed (from ``closed_at``, else its last status
event), an application completed or rejected (its last such status event), a
question answered, published or rejected (``closed_at``), a comment when its
consultation closed (the end of ``closes_on``, Palembang time).
"""

import io
import json
import logging
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import CharField, Max, Q
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationComment
from core.crypto import keyed_hash, normalize_email, normalize_phone
from faq.models import AskedQuestion
from feedback.models import FeedbackTicket, TicketEvent, TicketStatus
from feedback.services import OPEN_STATUSES, redact_personal_data
from integrations.models import OutboxMessage
from satisfaction.elements import FIELDS
from satisfaction.models import SurveyInvitation, SurveyResponse
from services.choices import SubmissionStatus
from services.models import ServiceSubmission, SubmissionStatusEvent

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_DAYS = 730

#: Kinds of record counted by a purge or an erasure, in the order they are reported.
KINDS = {
    "tickets": _("Tickets"),
    "ticket_attachments": _("Ticket attachments"),
    "applications": _("Applications"),
    "application_attachments": _("Application attachments"),
    "questions": _("Asked questions"),
    "comments": _("Consultation comments"),
    "survey_comments": _("Satisfaction survey comments"),
    "messages": _("Outgoing messages"),
}

FINAL_TICKET_STATUSES = (TicketStatus.ANSWERED, TicketStatus.CLOSED)
FINAL_SUBMISSION_STATUSES = (SubmissionStatus.COMPLETED, SubmissionStatus.REJECTED)

ERASED_MESSAGE_ERROR = "Cancelled: the personal data was erased on request."


class PersonNotFound(Exception):
    """Nothing is held about the contact given; the message masks the contact."""


def retention_days():
    return int(getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))


def retention_cutoff(now=None):
    """Records closed before this moment are due for purging."""
    return (now or timezone.now()) - timedelta(days=retention_days())


# Masking ---------------------------------------------------------------------------------


def mask_email(value):
    """ "siti.aminah@example.id" → "s***@e***.id"."""
    local, _at, domain = normalize_email(value).partition("@")
    name, dot, suffix = domain.rpartition(".")
    name = name or domain
    return f"{local[:1]}***@{name[:1]}***{dot}{suffix if dot else ''}"


def mask_phone(value):
    """ "0812 3456 7890" → "62…890"."""
    digits = normalize_phone(value)
    return f"{digits[:2]}…{digits[-3:]}" if len(digits) > 5 else "…"


def mask_contact(email="", phone=""):
    parts = []
    if (email or "").strip():
        parts.append(mask_email(email))
    if (phone or "").strip():
        parts.append(mask_phone(phone))
    return " / ".join(parts)


# Finding a person ------------------------------------------------------------------------


def contact_hashes(email=None, phone=None):
    """``(email_hash, phone_hash)`` as the forms store them (core.crypto.contact_hash);
    ValueError for no contact or one that cannot be an address or a number."""
    email = (email or "").strip()
    phone = (phone or "").strip()
    if not email and not phone:
        raise ValueError("Give an e-mail address or a phone number.")
    if email and "@" not in email:
        raise ValueError("Not an e-mail address.")
    if phone and not normalize_phone(phone):
        raise ValueError("Not a phone number.")
    email_hash = keyed_hash("email:" + normalize_email(email)) if email else ""
    phone_hash = keyed_hash("phone:" + normalize_phone(phone)) if phone else ""
    return email_hash, phone_hash


@dataclass(frozen=True)
class RecordEntry:
    """One line of "what is held": what it is, never the contact."""

    kind: str
    kind_label: str
    reference: str
    detail: str
    received_at: object
    status_label: str
    is_open: bool


@dataclass
class PersonRecords:
    tickets: list = field(default_factory=list)
    submissions: list = field(default_factory=list)
    questions: list = field(default_factory=list)
    comments: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.tickets or self.submissions or self.questions or self.comments)

    def __len__(self):
        return len(self.tickets) + len(self.submissions) + len(self.questions) + len(self.comments)

    def entries(self):
        rows = [
            RecordEntry(
                "tickets",
                str(KINDS["tickets"]),
                ticket.reference,
                ticket.get_type_display(),
                ticket.received_at,
                ticket.get_status_display(),
                ticket.status in OPEN_STATUSES,
            )
            for ticket in self.tickets
        ]
        rows += [
            RecordEntry(
                "applications",
                str(KINDS["applications"]),
                submission.reference,
                submission.service_title,
                submission.created_at,
                submission.get_status_display(),
                submission.status not in FINAL_SUBMISSION_STATUSES,
            )
            for submission in self.submissions
        ]
        rows += [
            RecordEntry(
                "questions",
                str(KINDS["questions"]),
                question.reference,
                question.category.name if question.category_id else "",
                question.created_at,
                question.get_status_display(),
                question.status not in AskedQuestion.CLOSED_STATUSES,
            )
            for question in self.questions
        ]
        rows += [
            RecordEntry(
                "comments",
                str(KINDS["comments"]),
                comment_reference(comment),
                comment.consultation.title,
                comment.created_at,
                comment.get_status_display(),
                comment.status == ConsultationComment.PENDING,
            )
            for comment in self.comments
        ]
        return rows

    def references(self):
        return [entry.reference for entry in self.entries()]

    def emails(self):
        """Every address the person gave in these records, normalised."""
        found = {ticket.email for ticket in self.tickets}
        found |= {submission.applicant_email for submission in self.submissions}
        found |= {question.email for question in self.questions}
        found |= {comment.email for comment in self.comments}
        return {normalize_email(address) for address in found if address}


def comment_reference(comment):
    return f"KOM-{comment.pk}"


def find_person(email=None, phone=None):
    """Every record not yet purged that holds this e-mail address or phone
    number, found by the lookup hashes (nothing is decrypted to search)."""

    email_hash, phone_hash = contact_hashes(email, phone)
    contact = Q(pk__in=[])
    if email_hash:
        contact |= Q(email_hash=email_hash)
    if phone_hash:
        contact |= Q(phone_hash=phone_hash)
    by_email = Q(email_hash=email_hash) if email_hash else Q(pk__in=[])
    return PersonRecords(
        tickets=list(
            FeedbackTicket.objects.filter(contact)
            .select_related("division", "service")
            .order_by("received_at")
        ),
        submissions=list(ServiceSubmission.objects.filter(contact).order_by("created_at")),
        questions=list(
            AskedQuestion.objects.filter(by_email).select_related("category").order_by("created_at")
        ),
        comments=list(
            ConsultationComment.objects.filter(by_email).select_related("consultation").order_by("created_at")
        ),
    )


def _records_or_not_found(email, phone):
    records = find_person(email=email, phone=phone)
    if not records:
        raise PersonNotFound(
            gettext("No data is held for %(contact)s.") % {"contact": mask_contact(email, phone)}
        )
    return records


# Erasing one record (the purge and a person's request alike) ------------------------------


def _collect_attachments(queryset, files):
    """Delete the attachment rows, remembering their files for ``_delete_files``."""
    attachments = list(queryset)
    for attachment in attachments:
        if attachment.file:
            files.append((attachment.file.storage, attachment.file.name))
    queryset.model.objects.filter(pk__in=[attachment.pk for attachment in attachments]).delete()
    return len(attachments)


def _delete_files(files):
    """After the commit: a file is removed once no row points to it."""
    for storage, name in files:
        try:
            storage.delete(name)
        except Exception:  # the rows are gone; a left-over file is logged (random name) and skipped
            logger.exception("Could not delete the private file %s", name)


def _erase_ticket(ticket, *, now, files, counts):

    counts["ticket_attachments"] += _collect_attachments(ticket.attachments.all(), files)
    TicketEvent.objects.filter(ticket_id=ticket.pk).exclude(text="").update(text="")
    FeedbackTicket.objects.filter(pk=ticket.pk).update(
        subject="",
        message="",
        name="",
        email="",
        phone="",
        email_hash="",
        phone_hash="",
        public_reply="",
        extension_reason="",
        personal_data_purged_at=now,
    )
    counts["tickets"] += 1


def _erase_submission(submission, *, now, files, counts):

    counts["application_attachments"] += _collect_attachments(submission.attachments.all(), files)
    SubmissionStatusEvent.objects.filter(submission_id=submission.pk).exclude(message="").update(message="")
    counts["survey_comments"] += (
        SurveyResponse.objects.filter(invitation__reference=submission.reference)
        .exclude(comment="")
        .update(comment="")
    )
    ServiceSubmission.objects.filter(pk=submission.pk).update(
        answers=[],
        nik_hash="",
        email_hash="",
        phone_hash="",
        applicant_email="",
        applicant_phone="",
        personal_data_purged_at=now,
    )
    counts["applications"] += 1


def _erase_question(question, *, now, counts):

    AskedQuestion.objects.filter(pk=question.pk).update(
        question="", name="", email="", email_hash="", answer="", personal_data_purged_at=now
    )
    counts["questions"] += 1


def _erase_comment(comment, *, now, counts, on_request):
    """A published comment is part of the consultation's record: after the
    retention period it stays without contact details; on the person's request
    a note replaces it. Comments never published are emptied."""

    known = [comment.name, comment.email, comment.organisation]
    text = ""
    if comment.status == ConsultationComment.APPROVED:
        if on_request:
            with translation.override(comment.language):
                text = gettext("This comment was removed at the request of the person who sent it.")
        else:
            text = redact_personal_data(comment.comment, known=known, language=comment.language)
    reply = (
        redact_personal_data(comment.reply, known=known, language=comment.language) if comment.reply else ""
    )
    ConsultationComment.objects.filter(pk=comment.pk).update(
        comment=text,
        reply=reply,
        name="",
        email="",
        email_hash="",
        organisation="",
        show_name=False,
        personal_data_purged_at=now,
    )
    counts["comments"] += 1


def _reference_q(label, queryset):
    """Outbox messages whose reference is one of ``queryset``'s rows."""
    return Q(
        reference_type=label, reference_id__in=queryset.annotate(ref=Cast("pk", CharField())).values("ref")
    )


def _purged_records_q():
    """Outbox messages of every record whose personal data is gone (this run or an earlier one)."""

    purged = {"personal_data_purged_at__isnull": False}
    submissions = ServiceSubmission.objects.filter(**purged)
    return (
        _reference_q("feedback.feedbackticket", FeedbackTicket.objects.filter(**purged))
        | _reference_q("services.servicesubmission", submissions)
        | _reference_q("faq.askedquestion", AskedQuestion.objects.filter(**purged))
        | _reference_q("consultations.consultationcomment", ConsultationComment.objects.filter(**purged))
        | _reference_q(
            "satisfaction.surveyinvitation",
            SurveyInvitation.objects.filter(reference__in=submissions.values("reference")),
        )
    )


def _records_q(records):
    """Outbox messages of these records (and of their applications' survey invitations)."""

    condition = Q(pk__in=[])
    for label, items in (
        ("feedback.feedbackticket", records.tickets),
        ("services.servicesubmission", records.submissions),
        ("faq.askedquestion", records.questions),
        ("consultations.consultationcomment", records.comments),
    ):
        if items:
            condition |= Q(reference_type=label, reference_id__in=[str(item.pk) for item in items])
    invitations = SurveyInvitation.objects.filter(reference__in=[s.reference for s in records.submissions])
    condition |= _reference_q("satisfaction.surveyinvitation", invitations)
    return condition


def _blank_sent_messages(condition, *, now):

    Status = OutboxMessage.Status
    return (
        OutboxMessage.objects.filter(condition, status__in=[Status.DELIVERED, Status.DEAD])
        .exclude(payload={})
        .update(payload={}, updated_at=now)
    )


# The purge after the retention period ---------------------------------------------------


@dataclass
class PurgeResult:
    counts: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    cutoff: object = None
    dry_run: bool = False

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def nothing_due(self):
        return self.total == 0

    def lines(self):
        """``(label, count)`` of every kind, in report order."""
        return [(str(label), self.counts.get(kind, 0)) for kind, label in KINDS.items()]


def due_tickets(cutoff):

    final = FINAL_TICKET_STATUSES
    return (
        FeedbackTicket.objects.filter(personal_data_purged_at__isnull=True, status__in=final)
        .annotate(last_final_event=Max("events__created_at", filter=Q(events__to_status__in=final)))
        .annotate(closed_moment=Coalesce("closed_at", "last_final_event", "replied_at"))
        .filter(closed_moment__lt=cutoff)
    )


def due_submissions(cutoff):

    final = FINAL_SUBMISSION_STATUSES
    return (
        ServiceSubmission.objects.filter(personal_data_purged_at__isnull=True, status__in=final)
        .annotate(last_final_event=Max("events__created_at", filter=Q(events__status__in=final)))
        .annotate(closed_moment=Coalesce("last_final_event", "updated_at"))
        .filter(closed_moment__lt=cutoff)
    )


def due_questions(cutoff):

    return AskedQuestion.objects.filter(
        personal_data_purged_at__isnull=True,
        status__in=AskedQuestion.CLOSED_STATUSES,
        closed_at__lt=cutoff,
    )


def due_comments(cutoff):
    """Comments of consultations whose last day ended before ``cutoff`` (Palembang time)."""

    return ConsultationComment.objects.filter(
        personal_data_purged_at__isnull=True,
        consultation__closes_on__lt=timezone.localdate(cutoff),
    )


def purge_expired(now=None, *, dry_run=False):
    """Remove the personal data of every record closed longer ago than
    PERSONAL_DATA_RETENTION_DAYS. Returns the counts per kind; a second run
    finds nothing. ``dry_run`` counts without changing anything."""

    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    counts = Counter(dict.fromkeys(KINDS, 0))
    files = []
    with transaction.atomic():
        for ticket in due_tickets(cutoff):
            _erase_ticket(ticket, now=now, files=files, counts=counts)
        for submission in due_submissions(cutoff):
            _erase_submission(submission, now=now, files=files, counts=counts)
        for question in due_questions(cutoff):
            _erase_question(question, now=now, counts=counts)
        for comment in due_comments(cutoff):
            _erase_comment(comment, now=now, counts=counts, on_request=False)
        old = Q(status=OutboxMessage.Status.DELIVERED, delivered_at__lt=cutoff) | Q(
            status=OutboxMessage.Status.DEAD, updated_at__lt=cutoff
        )
        counts["messages"] += _blank_sent_messages(_purged_records_q() | old, now=now)
        result = PurgeResult(counts=dict(counts), cutoff=cutoff, dry_run=dry_run)
        if dry_run:
            transaction.set_rollback(True)
        elif not result.nothing_due:
            _audit(_PURGE, user=None, references=[], counts=result.counts, now=now)
    if not dry_run:
        _delete_files(files)
        if not result.nothing_due:
            logger.info("Personal data purged: %s", _counts_text(result.counts))
    return result


def _counts_text(counts):
    return ", ".join(f"{kind}={count}" for kind, count in counts.items() if count)


# Export and erasure for one person -------------------------------------------------------


def _iso(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo"):
        return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
    return value.isoformat()


def _file_entry(zip_file, folder, name, fieldfile):
    """Put one attachment in the ZIP; returns its path there (None if the file is gone)."""
    path = f"files/{get_valid_filename(folder)}/{get_valid_filename(name) or 'file'}"
    try:
        with fieldfile.storage.open(fieldfile.name, "rb") as handle:
            zip_file.writestr(path, handle.read())
    except Exception:
        logger.warning("Attachment file missing during an export: %s", fieldfile.name)
        return None
    return path


def _ticket_data(ticket, zip_file):
    return {
        "reference": ticket.reference,
        "type": ticket.get_type_display(),
        "status": ticket.get_status_display(),
        "topic": ticket.topic_label,
        "subject": ticket.subject,
        "message": ticket.message,
        "anonymous": ticket.anonymous,
        "name": ticket.name,
        "email": ticket.email,
        "phone": ticket.phone,
        "contact_may_go_to_lapor": ticket.lapor_contact_consent,
        "language": ticket.language,
        "received_at": _iso(ticket.received_at),
        "response_due": _iso(ticket.due_date),
        "deadline_extension_reason": ticket.extension_reason,
        "forwarded_to_lapor_at": _iso(ticket.forwarded_to_lapor_at),
        "lapor_id": ticket.lapor_id,
        "public_reply": ticket.public_reply,
        "replied_at": _iso(ticket.replied_at),
        "closed_at": _iso(ticket.closed_at),
        # Who in the office did what stays out: staff names are their personal data.
        "history": [
            {
                "at": _iso(event.created_at),
                "what": event.get_kind_display(),
                "from_status": event.get_from_status_display() if event.from_status else "",
                "to_status": event.get_to_status_display() if event.to_status else "",
                "text": event.text,
            }
            for event in ticket.events.all()
        ],
        "attachments": [
            {
                "file": _file_entry(
                    zip_file, ticket.reference, f"{attachment.pk}-{attachment.original_name}", attachment.file
                ),
                "original_name": attachment.original_name,
                "type": attachment.content_type,
                "size": attachment.size,
                "uploaded_at": _iso(attachment.uploaded_at),
            }
            for attachment in ticket.attachments.all()
        ],
    }


def _submission_data(submission, zip_file):

    attachments = {attachment.pk: attachment for attachment in submission.attachments.all()}
    files = {}
    for attachment in attachments.values():
        files[attachment.pk] = {
            "file": _file_entry(zip_file, submission.reference, attachment.download_name, attachment.file),
            "original_name": attachment.original_name,
            "type": attachment.detected_type,
            "size": attachment.size,
        }
    answers = []
    for answer in submission.answers or []:
        value = answer.get("value")
        if isinstance(value, dict) and "attachment" in value:
            value = files.get(value["attachment"])
        answers.append({"question": answer.get("label", answer.get("name", "")), "answer": value})
    responses = SurveyResponse.objects.filter(invitation__reference=submission.reference)
    return {
        "reference": submission.reference,
        "service": submission.service_title,
        "status": submission.get_status_display(),
        "language": submission.language,
        "sent_at": _iso(submission.created_at),
        "email": submission.applicant_email,
        "phone": submission.applicant_phone,
        "answers": answers,
        "attachments": list(files.values()),
        "history": [
            {
                "at": _iso(event.created_at),
                "status": event.get_status_display(),
                "source": event.get_source_display(),
                "message": event.message,
            }
            for event in submission.events.all()
        ],
        "satisfaction_survey": [
            {
                "answered_at": _iso(response.submitted_at),
                "scores": {field_name: getattr(response, field_name) for field_name in FIELDS},
                "comment": response.comment,
            }
            for response in responses
        ],
    }


def _question_data(question):
    return {
        "reference": question.reference,
        "status": question.get_status_display(),
        "category": question.category.name if question.category_id else "",
        "language": question.language,
        "question": question.question,
        "name": question.name,
        "email": question.email,
        "answer": question.answer,
        "received_at": _iso(question.created_at),
        "answered_at": _iso(question.answered_at),
        "closed_at": _iso(question.closed_at),
    }


def _comment_data(comment):
    return {
        "reference": comment_reference(comment),
        "consultation": comment.consultation.title,
        "section": comment.section,
        "comment": comment.comment,
        "name": comment.name,
        "show_name_publicly": comment.show_name,
        "email": comment.email,
        "organisation": comment.organisation,
        "status": comment.get_status_display(),
        "public_reply": comment.reply,
        "received_at": _iso(comment.created_at),
    }


def _messages_data(records):
    """What was sent about these records: when and how; the text of e-mails
    sent to the person themselves (never those to the office)."""

    own = records.emails()
    rows = []
    for message in OutboxMessage.objects.filter(_records_q(records)).order_by("created_at"):
        row = {
            "what": message.kind,
            "to": message.destination,
            "status": message.get_status_display(),
            "created_at": _iso(message.created_at),
            "delivered_at": _iso(message.delivered_at),
        }
        recipients = {normalize_email(address) for address in (message.payload or {}).get("to", [])}
        if message.destination == "email" and recipients and recipients <= own:
            row["subject"] = message.payload.get("subject", "")
            row["body"] = message.payload.get("body", "")
        rows.append(row)
    return rows


def export_person(email=None, phone=None, *, user=None):
    """A ZIP of everything held about the person: ``data.json`` (decrypted)
    and their attachments under ``files/<reference>/``. Raises PersonNotFound.
    The export is recorded (references only)."""
    records = _records_or_not_found(email, phone)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zip_file:
        data = {
            "office": settings.WAGTAIL_SITE_NAME,
            "exported_at": _iso(timezone.now()),
            "about": gettext(
                "Everything this website holds about the person who gave these contact details, "
                "under Law 27 of 2022 on Personal Data Protection. Attachments are in the folder files/."
            ),
            "tickets": [_ticket_data(ticket, zip_file) for ticket in records.tickets],
            "applications": [_submission_data(submission, zip_file) for submission in records.submissions],
            "asked_questions": [_question_data(question) for question in records.questions],
            "consultation_comments": [_comment_data(comment) for comment in records.comments],
            "messages_sent": _messages_data(records),
        }
        zip_file.writestr("data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))
    _audit(_EXPORT, user=user, references=records.references(), counts=_record_counts(records))
    logger.info("Personal data exported: %s", ", ".join(records.references()))
    return buffer.getvalue()


def _record_counts(records):
    counts = dict.fromkeys(KINDS, 0)
    counts.update(
        tickets=len(records.tickets),
        applications=len(records.submissions),
        questions=len(records.questions),
        comments=len(records.comments),
    )
    return counts


@dataclass
class ErasureResult:
    counts: dict
    references: list

    def lines(self):
        return [(str(label), self.counts.get(kind, 0)) for kind, label in KINDS.items()]


def erase_person(email=None, phone=None, *, user=None, now=None):
    """Erase the personal data of every record about the person, whatever
    its age or status, as the purge does (the statistics stay). Messages still
    waiting to be sent about them are cancelled. Raises PersonNotFound."""

    now = now or timezone.now()
    records = _records_or_not_found(email, phone)
    references = records.references()
    counts = Counter(dict.fromkeys(KINDS, 0))
    files = []
    with transaction.atomic():
        for ticket in records.tickets:
            _erase_ticket(ticket, now=now, files=files, counts=counts)
        for submission in records.submissions:
            _erase_submission(submission, now=now, files=files, counts=counts)
        for question in records.questions:
            _erase_question(question, now=now, counts=counts)
        for comment in records.comments:
            _erase_comment(comment, now=now, counts=counts, on_request=True)
        condition = _records_q(records)
        counts["messages"] += _blank_sent_messages(condition, now=now)
        counts["messages"] += OutboxMessage.objects.filter(
            condition, status=OutboxMessage.Status.PENDING
        ).update(
            status=OutboxMessage.Status.DEAD,
            payload={},
            last_error=ERASED_MESSAGE_ERROR,
            next_attempt_at=None,
            updated_at=now,
        )
        _audit(_ERASURE, user=user, references=references, counts=dict(counts), now=now)
    _delete_files(files)
    logger.info("Personal data erased on request: %s", ", ".join(references))
    return ErasureResult(counts=dict(counts), references=references)


# The audit trail ---------------------------------------------------------------------------

_EXPORT, _ERASURE, _PURGE = "export", "erasure", "purge"
LOG_ACTIONS = {_EXPORT: "privacy.export", _ERASURE: "privacy.erase", _PURGE: "privacy.purge"}


def _audit(action, *, user, references, counts, now=None):
    """A PersonalDataRequest and its line in Wagtail's log: who, when, which
    records, how many; never the contact."""
    from wagtail.log_actions import log

    from .models import PersonalDataRequest

    entry = PersonalDataRequest.objects.create(
        action=action,
        requested_by=user if user is not None and user.is_authenticated else None,
        created_at=now or timezone.now(),
        references=references,
        counts={kind: count for kind, count in counts.items() if count},
    )
    log(
        entry,
        LOG_ACTIONS[action],
        user=entry.requested_by,
        data={"references": references, "counts": entry.counts},
    )
    return entry
