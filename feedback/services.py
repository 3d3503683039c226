"""The rules of tickets, as plain functions tested without HTTP: deadlines in
working days, status transitions, overdue, the PPID extension, forwarding to
SP4N-LAPOR!, notifications and the redaction of published summaries.

Every change goes through a function here, which records a ``TicketEvent``
with the user and the time, inside one transaction with the outbox rows
(e-mails, LAPOR!) it causes.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.crypto import contact_hash
from core.references import next_reference
from core.workingdays import add_working_days
from integrations import outbox
from integrations.email import enqueue_email
from offices.services import notify_addresses

from .models import (
    REFERENCE_PREFIXES,
    FeedbackTicket,
    PublishedTicket,
    TicketAttachment,
    TicketEvent,
    TicketStatus,
    TicketType,
)

Kind = TicketEvent.Kind

#: Working days to answer, per type, unless settings.TICKET_RESPONSE_WORKING_DAYS says otherwise.
DEFAULT_RESPONSE_WORKING_DAYS = {
    TicketType.COMPLAINT: 5,
    TicketType.ASPIRATION: 10,
    TicketType.SUGGESTION: 10,
}
#: Law 14/2008, Article 22(7) and (8): ten working days, extendable once by seven.
PPID_WORKING_DAYS = 10
PPID_EXTENSION_WORKING_DAYS = 7

OPEN_STATUSES = (TicketStatus.RECEIVED, TicketStatus.IN_PROCESS)

#: Which status may follow which. A closed ticket can be reopened.
TRANSITIONS = {
    TicketStatus.RECEIVED: {TicketStatus.IN_PROCESS, TicketStatus.ANSWERED, TicketStatus.CLOSED},
    TicketStatus.IN_PROCESS: {TicketStatus.ANSWERED, TicketStatus.CLOSED},
    TicketStatus.ANSWERED: {TicketStatus.IN_PROCESS, TicketStatus.CLOSED},
    TicketStatus.CLOSED: {TicketStatus.IN_PROCESS},
}


class TicketError(ValidationError):
    """A change the rules do not allow; the message is for the editor."""


# Deadlines ---------------------------------------------------------------------


def response_working_days(ticket_type):
    """Working days the office has to answer a ticket of this type."""
    if ticket_type == TicketType.INFORMATION_REQUEST:
        return PPID_WORKING_DAYS
    configured = getattr(settings, "TICKET_RESPONSE_WORKING_DAYS", {})
    return int(configured.get(str(ticket_type), DEFAULT_RESPONSE_WORKING_DAYS[ticket_type]))


def due_date_for(ticket_type, received_on):
    """The day by which a ticket received on ``received_on`` must be answered."""
    return add_working_days(received_on, response_working_days(ticket_type))


def is_overdue(ticket, today=None):
    """Still open (received or in process) after its due date."""
    today = today or timezone.localdate()
    return ticket.status in OPEN_STATUSES and ticket.due_date is not None and ticket.due_date < today


def overdue_q(today=None):
    """The queryset filter matching ``is_overdue``."""
    return Q(status__in=OPEN_STATUSES, due_date__lt=today or timezone.localdate())


def can_extend(ticket):
    return (
        ticket.type == TicketType.INFORMATION_REQUEST
        and not ticket.extended
        and ticket.status in OPEN_STATUSES
    )


# Creating a ticket ---------------------------------------------------------------


@dataclass
class NewTicket:
    """What the public form collected (the form's cleaned data, typed)."""

    type: str
    subject: str
    message: str
    division: object = None
    service: object = None
    anonymous: bool = False
    name: str = ""
    email: str = ""
    phone: str = ""
    lapor_contact_consent: bool = False
    language: str = "id"
    attachments: tuple = ()


def _canonical(obj):
    """The default-language version of a translatable division or page, so
    that the inbox filters by one division, whatever language was used."""
    if obj is None:
        return None
    from wagtail.models import Locale

    default = Locale.get_default()
    if obj.locale_id == default.pk:
        return obj
    return obj.get_translation_or_none(default) or obj


def create_ticket(data, *, now=None):
    """Store a ticket, its attachments, its first event and its e-mails in
    one transaction; returns the ticket."""
    now = now or timezone.now()
    service = _canonical(data.service)
    division = _canonical(data.division)
    if division is None and service is not None and getattr(service, "division_id", None):
        division = _canonical(service.division)
    anonymous = bool(data.anonymous)
    with transaction.atomic():
        ticket = FeedbackTicket(
            reference=next_reference(REFERENCE_PREFIXES[TicketType(data.type)]),
            type=data.type,
            division=division,
            service=service,
            subject=data.subject.strip(),
            message=data.message.strip(),
            anonymous=anonymous,
            name="" if anonymous else data.name.strip(),
            email=data.email.strip(),
            phone=data.phone.strip(),
            email_hash=contact_hash(data.email) if data.email.strip() else "",
            phone_hash=contact_hash(data.phone) if data.phone.strip() else "",
            lapor_contact_consent=bool(data.lapor_contact_consent) and not anonymous,
            language=data.language,
            received_at=now,
            due_date=due_date_for(data.type, timezone.localdate(now)),
            assigned_division=division,
        )
        ticket.save()
        for upload in data.attachments:
            if not upload:
                continue
            TicketAttachment.objects.create(
                ticket=ticket,
                file=upload,
                original_name=(upload.name or "")[:255],
                content_type=getattr(upload, "content_type_detected", "") or "",
                size=upload.size,
                uploaded_at=now,
            )
        TicketEvent.objects.create(
            ticket=ticket, kind=Kind.CREATED, to_status=ticket.status, created_at=now, division=division
        )
        notify_division_of_new_ticket(ticket)
        notify_person(ticket, "feedback/email/ticket_received")
    return ticket


# Changes by staff ----------------------------------------------------------------


def _event(ticket, kind, user, **fields):
    return TicketEvent.objects.create(ticket=ticket, kind=kind, user=user, **fields)


def change_status(ticket, status, user, *, note="", notify=True):
    """Move the ticket to ``status`` if the rules allow it."""
    status = TicketStatus(status)
    if status == ticket.status:
        raise TicketError(_("The ticket already has this status."))
    if status not in TRANSITIONS[TicketStatus(ticket.status)]:
        raise TicketError(
            _("A ticket cannot go from “%(from)s” to “%(to)s”.")
            % {"from": TicketStatus(ticket.status).label, "to": status.label}
        )
    with transaction.atomic():
        previous = ticket.status
        ticket.status = status
        ticket.closed_at = timezone.now() if status == TicketStatus.CLOSED else None
        ticket.save()
        _event(ticket, Kind.STATUS, user, from_status=previous, to_status=status, text=note)
        if notify:
            notify_person(ticket, "feedback/email/ticket_updated")
    return ticket


def assign(ticket, division, user):
    with transaction.atomic():
        ticket.assigned_division = division
        ticket.save()
        _event(ticket, Kind.ASSIGNMENT, user, division=division)
    return ticket


def add_note(ticket, text, user):
    text = (text or "").strip()
    if not text:
        raise TicketError(_("Write the note first."))
    with transaction.atomic():
        ticket.save(update_fields=["updated_at"])
        return _event(ticket, Kind.NOTE, user, text=text)


def reply(ticket, text, user):
    """Write (or rewrite) the public reply; an open ticket becomes answered.
    The person is told by e-mail that there is a reply (not its text)."""
    text = (text or "").strip()
    if not text:
        raise TicketError(_("Write the reply first."))
    with transaction.atomic():
        previous = ticket.status
        ticket.public_reply = text
        ticket.replied_at = timezone.now()
        if ticket.status in OPEN_STATUSES:
            ticket.status = TicketStatus.ANSWERED
        ticket.save()
        _event(ticket, Kind.REPLY, user, from_status=previous, to_status=ticket.status, text=text)
        notify_person(ticket, "feedback/email/ticket_updated")
    return ticket


def extend_deadline(ticket, reason, user):
    """PPID only, once, with a recorded reason: seven more working days."""
    reason = (reason or "").strip()
    if ticket.type != TicketType.INFORMATION_REQUEST:
        raise TicketError(_("Only requests for public information have an extendable deadline."))
    if ticket.extended:
        raise TicketError(
            _("The deadline has already been extended once; the law allows no second extension.")
        )
    if ticket.status not in OPEN_STATUSES:
        raise TicketError(_("Only an open request can be extended."))
    if not reason:
        raise TicketError(_("Give the reason for the extension."))
    with transaction.atomic():
        ticket.due_date = add_working_days(ticket.due_date, PPID_EXTENSION_WORKING_DAYS)
        ticket.extended = True
        ticket.extension_reason = reason
        ticket.save()
        _event(ticket, Kind.EXTENSION, user, text=reason)
        notify_person(ticket, "feedback/email/ticket_updated")
    return ticket


LAPOR_ID_RE = re.compile(r"^[A-Za-z0-9-]{3,40}$")


def set_lapor_id(ticket, lapor_id, user):
    lapor_id = (lapor_id or "").strip()
    if lapor_id and not LAPOR_ID_RE.match(lapor_id):
        raise TicketError(_("A LAPOR! tracking ID has 3 to 40 letters, digits or hyphens."))
    with transaction.atomic():
        ticket.lapor_id = lapor_id
        ticket.save()
        _event(ticket, Kind.LAPOR_ID, user, text=lapor_id)
    return ticket


def lapor_payload(ticket):
    """What SP4N-LAPOR! needs to take a complaint over: its text, category,
    topic and dates. The reporter's contact goes only if the person agreed on
    the form (``lapor_contact_consent``) and did not ask for anonymity;
    attachments stay here (LAPOR! staff ask the office for them)."""
    reporter = None
    if ticket.lapor_contact_consent and not ticket.anonymous:
        reporter = {"name": ticket.name, "email": ticket.email, "phone": ticket.phone}
    return {
        "reference": ticket.reference,
        "lapor_id": ticket.lapor_id or None,
        "category": ticket.type,
        "title": ticket.subject,
        "content": ticket.message,
        "language": ticket.language,
        "received_at": ticket.received_at.isoformat(),
        "due_date": ticket.due_date.isoformat(),
        "division": ticket.assigned_division.name if ticket.assigned_division_id else None,
        "service": ticket.service.title if ticket.service_id else None,
        "anonymous": ticket.anonymous,
        "reporter": reporter,
        "attachment_count": ticket.attachments.count(),
    }


def forward_to_lapor(ticket, user):
    """Queue the complaint for SP4N-LAPOR! (the "lapor" destination), once."""
    if ticket.type != TicketType.COMPLAINT:
        raise TicketError(_("Only complaints are forwarded to SP4N-LAPOR!."))
    if ticket.forwarded_to_lapor_at:
        raise TicketError(_("This complaint has already been forwarded to SP4N-LAPOR!."))
    with transaction.atomic():
        ticket.forwarded_to_lapor_at = timezone.now()
        ticket.save()
        message = outbox.enqueue("lapor", "ticket.complaint", lapor_payload(ticket), reference=ticket)
        _event(ticket, Kind.LAPOR_FORWARD, user)
    return message


# Publishing ----------------------------------------------------------------------

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# 16 digits (NIK, family card number), spaces, dots or hyphens allowed between them.
NIK_RE = re.compile(r"(?<![\d])\d(?:[ .-]?\d){15}(?![\d])")
# Indonesian numbers: +62 / 62 / 0 and 8 to 13 more digits, or "(0711) 351234".
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+62|62|0)[ .-]?\d(?:[ .-]?\d){7,12}|\(0\d{2,3}\)[ .-]?\d(?:[ .-]?\d){4,8})(?!\d)"
)


def redact_personal_data(text, *, known=(), language=None):
    """``text`` with e-mail addresses, 16-digit identity numbers, phone
    numbers and the ``known`` strings (the sender's name, e-mail and phone)
    replaced by a bracketed note. A first pass for the editor, who checks
    the rest (names of others, addresses) by hand."""
    with translation.override(language or translation.get_language()):
        removed_email = "[" + gettext("e-mail removed") + "]"
        removed_nik = "[" + gettext("identity number removed") + "]"
        removed_phone = "[" + gettext("phone number removed") + "]"
        removed_name = "[" + gettext("name removed") + "]"
    text = text or ""
    for value in sorted((k.strip() for k in known if k and len(k.strip()) >= 3), key=len, reverse=True):
        text = re.sub(re.escape(value), removed_name, text, flags=re.IGNORECASE)
    text = EMAIL_RE.sub(removed_email, text)
    text = NIK_RE.sub(removed_nik, text)
    text = PHONE_RE.sub(removed_phone, text)
    return text


def publication_draft(ticket):
    """A PublishedTicket (unsaved, not live) prefilled from the ticket, with
    the obvious personal data removed."""
    from wagtail.models import Locale

    known = [ticket.name, ticket.email, ticket.phone]
    locale = Locale.objects.filter(language_code=ticket.language).first() or Locale.get_default()
    return PublishedTicket(
        ticket=ticket,
        type=ticket.type,
        division=ticket.assigned_division or ticket.division,
        locale=locale,
        title=redact_personal_data(ticket.subject, known=known, language=ticket.language)[:150],
        what_you_told_us=redact_personal_data(ticket.message, known=known, language=ticket.language)[:3000],
        what_we_did=redact_personal_data(ticket.public_reply, known=known, language=ticket.language)[:3000],
        received_on=timezone.localdate(ticket.received_at),
        answered_on=timezone.localdate(ticket.replied_at) if ticket.replied_at else None,
        live=False,
    )


def start_publication(ticket, user):
    """The ticket's PublishedTicket, created as a redacted draft the first time."""
    existing = PublishedTicket.objects.filter(ticket=ticket).first()
    if existing:
        return existing
    with transaction.atomic():
        draft = publication_draft(ticket)
        draft.save()
        _event(ticket, Kind.PUBLISHED, user)
    return draft


# Notifications -------------------------------------------------------------------


def admin_url(ticket):
    try:
        path = reverse("feedback_tickets:inspect", args=[ticket.pk])
    except NoReverseMatch:
        path = "/admin/"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def tracking_url(language):
    """The tracking page in ``language``, or "" when there is no feedback page."""
    from wagtail.models import Locale

    from .models import FeedbackPage

    page = FeedbackPage.objects.live().public().filter(locale__language_code=language).first()
    if page is None:
        page = FeedbackPage.objects.live().public().filter(locale=Locale.get_default()).first()
    if page is None:
        return ""
    url = page.get_full_url()
    return (url + page.reverse_subpage("track")) if url else ""


def notify_division_of_new_ticket(ticket):
    """Tell the division (or the dialogue team): reference, type, topic and a
    link to the admin. Never the message or the contact."""
    recipients = notify_addresses(ticket.assigned_division)
    if not recipients:
        return
    context = {
        "reference": ticket.reference,
        "type_label": TicketType(ticket.type).label,
        "topic": ticket.topic_label,
        "due_date": ticket.due_date,
        "admin_url": admin_url(ticket),
    }
    enqueue_email(
        recipients,
        "feedback/email/new_ticket_division",
        context,
        language=settings.LANGUAGE_CODE,
        reference=ticket,
    )


def notify_person(ticket, template):
    """E-mail the person in their language, if they gave an address. The
    e-mail names the reference and status, never the message or the reply
    text (those are on the tracking page, behind the reference and contact)."""
    if not ticket.email:
        return
    context = {
        "reference": ticket.reference,
        "type_label": TicketType(ticket.type).label,
        "status_label": TicketStatus(ticket.status).label,
        "due_date": ticket.due_date,
        "has_reply": bool(ticket.public_reply),
        "tracking_url": tracking_url(ticket.language),
    }
    enqueue_email(ticket.email, template, context, language=ticket.language, reference=ticket)


# Tracking ------------------------------------------------------------------------


def public_history(ticket):
    """The events the person may see: received, status changes, the reply,
    the extension. Never notes, assignments or staff names."""
    return [event for event in ticket.events.all() if event.is_public]
