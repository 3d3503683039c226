"""The rules of applications, as plain functions (tested without HTTP).

``submit`` stores an application with its files, its first status, its outbox
message to the service's transaction back-end and its confirmation e-mail in
one transaction: either all of it is stored or none of it (files written
before a failure are removed again). ``record_status`` applies a status change
once per event id, e-mails the applicant and, when an application is
completed, invites them to the satisfaction survey.

What the back-end receives (``build_payload``): the reference, the service,
the answers by question key and, for files, their metadata with a signed
download URL that expires (``attachment_url``). Files are not inlined as
base64: that would copy documents of up to PUBLIC_UPLOAD_MAX_BYTES each into
the outbox table, where they would stay until the payload is purged, and
retries would resend them whole. The URL carries no personal data, only the
attachment's id and back-end, signed and time-limited.
"""

import hashlib
import logging

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from wagtail.models import Locale

from core.crypto import contact_hash, keyed_hash, normalize_email
from core.references import next_reference, normalize_reference
from integrations import outbox
from integrations.email import enqueue_email
from satisfaction.services import invitation_for, invite

from .choices import FieldKind, SubmissionStatus
from .models import ServiceSubmission, SubmissionAttachment, SubmissionStatusEvent

logger = logging.getLogger(__name__)

REFERENCE_PREFIX = "LYN"
MESSAGE_KIND = "service.submission"
ATTACHMENT_SALT = "services.attachment.download"
#: Seconds a back-end's download URL stays valid (a back-end may be down for days).
DEFAULT_ATTACHMENT_URL_MAX_AGE = 14 * 24 * 3600

Source = SubmissionStatusEvent.Source


class SubmissionNotFound(Exception):
    pass


# URLs ------------------------------------------------------------------------------------


def base_url(request=None):
    """Where back-ends reach this site: SERVICES_PUBLIC_BASE_URL, else the
    request's own address, else WAGTAILADMIN_BASE_URL."""
    configured = getattr(settings, "SERVICES_PUBLIC_BASE_URL", "")
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def callback_url(backend, request=None):
    return base_url(request) + reverse("services:callback", args=[backend.slug])


def attachment_max_age():
    return getattr(settings, "SERVICES_ATTACHMENT_URL_MAX_AGE", DEFAULT_ATTACHMENT_URL_MAX_AGE)


def attachment_token(attachment):
    backend = attachment.submission.backend
    return signing.dumps({"a": attachment.pk, "b": backend.slug if backend else ""}, salt=ATTACHMENT_SALT)


def attachment_url(attachment, request=None):
    return base_url(request) + reverse("services:attachment", args=[attachment_token(attachment)])


def attachment_for_token(token):
    """The attachment a download token names; raises signing.BadSignature
    (or SignatureExpired) for a forged or old token, SubmissionNotFound when
    the attachment is gone or its application moved to another back-end."""
    data = signing.loads(token, salt=ATTACHMENT_SALT, max_age=attachment_max_age())
    attachment = (
        SubmissionAttachment.objects.select_related("submission__backend").filter(pk=data.get("a")).first()
    )
    if attachment is None:
        raise SubmissionNotFound
    backend = attachment.submission.backend
    if (backend.slug if backend else "") != data.get("b"):
        raise SubmissionNotFound
    return attachment


def service_in_language(service, language):
    """The service page in ``language`` when translated, else the page itself."""
    if service is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    translated = service.get_translation_or_none(locale) if locale else None
    return (translated or service).specific


def tracking_url(service, language):
    page = service_in_language(service, language)
    if page is None:
        return ""
    directory = page.get_parent().specific
    if not hasattr(directory, "tracking_url"):
        return ""
    return (directory.get_full_url() or "").rstrip("/") + "/" + directory.reverse_subpage("track")


def canonical_service(page):
    """The service in the site's default language: one record per service
    whatever language the applicant used."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


# Submitting ------------------------------------------------------------------------------


def _digest(uploaded):
    sha = hashlib.sha256()
    for chunk in uploaded.chunks():
        sha.update(chunk)
    uploaded.seek(0)
    return sha.hexdigest()


def collect_answers(form):
    """From a valid form: the answers list (files left for later), the uploads,
    and the contact and NIK found in it."""
    answers, uploads = [], []
    contact = {"email": "", "phone": "", "nik": ""}
    for key, field in form.service_fields:
        value = form.cleaned_data.get(key)
        answer = {"name": key, "label": str(field.label), "kind": field.kind}
        if field.kind == FieldKind.FILE:
            answer["value"] = None
            if value:
                uploads.append((len(answers), key, value))
        elif field.kind == FieldKind.DATE:
            answer["value"] = value.isoformat() if value else ""
        else:
            answer["value"] = "" if value is None else value
            if field.kind == FieldKind.EMAIL and value and not contact["email"]:
                contact["email"] = normalize_email(value)
            elif field.kind == FieldKind.PHONE and value and not contact["phone"]:
                contact["phone"] = value.strip()
            elif field.kind == FieldKind.NIK and value and not contact["nik"]:
                contact["nik"] = value
        answers.append(answer)
    return answers, uploads, contact


def submit(page, form, *, language, request=None):
    """Store the application sent with ``form`` on service ``page``; returns it."""
    backend = page.transaction_backend
    if backend is None:
        raise ValueError("This service has no transaction back-end.")
    answers, uploads, contact = collect_answers(form)
    written = []
    storage = SubmissionAttachment._meta.get_field("file").storage
    try:
        with transaction.atomic():
            submission = ServiceSubmission.objects.create(
                reference=next_reference(REFERENCE_PREFIX),
                service=canonical_service(page),
                service_title=page.title,
                backend=backend,
                language=language,
                answers=answers,
                nik_hash=keyed_hash("nik:" + contact["nik"]) if contact["nik"] else "",
                email_hash=contact_hash(contact["email"]),
                phone_hash=contact_hash(contact["phone"]),
                applicant_email=contact["email"],
                applicant_phone=contact["phone"],
            )
            for position, key, uploaded in uploads:
                attachment = SubmissionAttachment(
                    submission=submission,
                    field_name=key,
                    original_name=(uploaded.name or "")[:200],
                    detected_type=uploaded.detected_type,
                    size=uploaded.size,
                    sha256=_digest(uploaded),
                )
                attachment.file.save(uploaded.name or "upload", uploaded, save=False)
                written.append(attachment.file.name)
                attachment.save()
                answers[position]["value"] = {"attachment": attachment.pk}
            if uploads:
                submission.answers = answers
                submission.save(update_fields=["answers"])
            SubmissionStatusEvent.objects.create(
                submission=submission, status=SubmissionStatus.SUBMITTED, source=Source.SITE
            )
            outbox.enqueue(
                backend.destination,
                MESSAGE_KIND,
                build_payload(submission, request=request),
                reference=submission,
            )
            if submission.applicant_email:
                enqueue_email(
                    submission.applicant_email,
                    "services/email/submission_received",
                    email_context(submission, page=page),
                    language=language,
                    reference=submission,
                )
    except BaseException:
        for name in written:
            try:
                storage.delete(name)
            except Exception:  # the original error matters more
                logger.error("Could not remove a file of a failed application")
        raise
    logger.info("Application %s stored for service %s", submission.reference, submission.service_id)
    return submission


def build_payload(submission, *, request=None):
    """What the transaction back-end receives."""
    attachments = {a.pk: a for a in submission.attachments.all()}
    answers = {}
    for answer in submission.answers:
        value = answer.get("value")
        if answer.get("kind") == FieldKind.FILE:
            attachment = attachments.get(value.get("attachment")) if isinstance(value, dict) else None
            value = (
                {
                    "filename": attachment.download_name,
                    "content_type": attachment.content_type,
                    "size": attachment.size,
                    "sha256": attachment.sha256,
                    "url": attachment_url(attachment, request),
                    "url_expires_in": attachment_max_age(),
                }
                if attachment
                else None
            )
        answers[answer["name"]] = value
    service = submission.service
    return {
        "reference": submission.reference,
        "service": {
            "id": service.pk if service else None,
            "slug": service.slug if service else "",
            "title": submission.service_title,
        },
        "language": submission.language,
        "submitted_at": submission.created_at.isoformat(),
        "answers": answers,
        "questions": [
            {"name": a["name"], "label": a.get("label", ""), "kind": a.get("kind", "")}
            for a in submission.answers
        ],
        "callback_url": callback_url(submission.backend, request),
    }


def email_context(submission, *, page=None):
    service = page or service_in_language(submission.service, submission.language)
    return {
        "reference": submission.reference,
        "service_title": service.title if service else submission.service_title,
        "status_label": SubmissionStatus(submission.status).label,
        "status": submission.status,
        "tracking_url": tracking_url(submission.service, submission.language),
    }


# Status changes --------------------------------------------------------------------------


def record_status(submission, status, *, source, message="", event_id="", user=None):
    """Record a status change once per ``event_id``; returns ``(event, created)``."""
    if status not in SubmissionStatus.values:
        raise ValueError(f"Unknown status {status!r}")
    event_id = (event_id or "")[:100]
    with transaction.atomic():
        locked = ServiceSubmission.objects.select_for_update().get(pk=submission.pk)
        if event_id:
            existing = locked.events.filter(event_id=event_id).first()
            if existing is not None:
                return existing, False
        previous = locked.status
        try:
            with transaction.atomic():
                event = SubmissionStatusEvent.objects.create(
                    submission=locked,
                    status=status,
                    message=(message or "").strip()[:2000],
                    source=source,
                    event_id=event_id,
                    created_by=user,
                )
        except IntegrityError:  # the same event, recorded by a racing request
            return locked.events.get(event_id=event_id), False
        locked.status = status
        locked.save(update_fields=["status", "updated_at"])
        if status != previous:
            if locked.applicant_email:
                enqueue_email(
                    locked.applicant_email,
                    "services/email/status_changed",
                    email_context(locked),
                    language=locked.language,
                    reference=locked,
                )
            if status == SubmissionStatus.COMPLETED:
                invite_to_survey(locked)
    submission.status = status
    logger.info("Application %s: status %s (%s)", locked.reference, status, source)
    return event, True


def record_callback(backend, reference, status, *, message="", event_id):
    """A status change reported by ``backend``; only for its own applications."""
    submission = ServiceSubmission.objects.filter(
        reference=normalize_reference(reference), backend=backend
    ).first()
    if submission is None:
        raise SubmissionNotFound
    return record_status(submission, status, source=Source.BACKEND, message=message, event_id=event_id)


def invite_to_survey(submission):
    """Invite the applicant to the satisfaction survey (SKM)."""
    service = service_in_language(submission.service, submission.language)
    return invite(
        service_page=service,
        reference=submission.reference,
        email=submission.applicant_email,
        language=submission.language,
    )


def survey_invitation(submission):
    return invitation_for(submission.reference)
