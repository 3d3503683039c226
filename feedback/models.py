"""Feedback and complaint tickets (pengaduan, aspirasi, saran), requests for
public information (PPID, Law 14/2008), their history, and the published
"what you told us, what we did" summaries.

Personal data (the message, the name, the e-mail address, the phone number,
notes and replies) is stored encrypted; the contact is found again through its
keyed hash only. The rules (deadlines, transitions, overdue, notifications)
live in ``feedback/services.py``.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.crypto import EncryptedTextField
from core.models import BasePage
from core.uploads import private_storage, private_upload_to


class TicketType(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    ASPIRATION = "aspiration", _("Aspiration")
    SUGGESTION = "suggestion", _("Suggestion")
    INFORMATION_REQUEST = "information_request", _("Request for public information (PPID)")


class TicketStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROCESS = "in_process", _("In process")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


#: Reference prefixes (core.references.next_reference).
REFERENCE_PREFIXES = {
    TicketType.COMPLAINT: "ADU",
    TicketType.ASPIRATION: "ASP",
    TicketType.SUGGESTION: "SRN",
    TicketType.INFORMATION_REQUEST: "PPID",
}


class FeedbackTicket(models.Model):
    """One complaint, aspiration, suggestion or information request."""

    reference = models.CharField(_("reference"), max_length=30, unique=True, editable=False)
    type = models.CharField(_("type"), max_length=30, choices=TicketType.choices)
    division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("topic: division"),
    )
    service = models.ForeignKey(
        "services.ServicePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("topic: service"),
    )
    subject = models.CharField(_("subject"), max_length=150)
    message = EncryptedTextField(_("message"))

    anonymous = models.BooleanField(_("anonymous"), default=False)
    name = EncryptedTextField(_("name"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    phone = EncryptedTextField(_("phone"), blank=True)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    lapor_contact_consent = models.BooleanField(
        _("contact may be passed to SP4N-LAPOR!"),
        default=False,
        help_text=_("The person agreed that their contact details go with a forwarded complaint."),
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="id")

    status = models.CharField(
        _("status"), max_length=20, choices=TicketStatus.choices, default=TicketStatus.RECEIVED
    )
    assigned_division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assigned division"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    due_date = models.DateField(_("response due"))
    extended = models.BooleanField(_("deadline extended"), default=False)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)

    lapor_id = models.CharField(_("SP4N-LAPOR! tracking ID"), max_length=40, blank=True)
    forwarded_to_lapor_at = models.DateTimeField(_("forwarded to SP4N-LAPOR!"), null=True, blank=True)

    public_reply = EncryptedTextField(_("public reply"), blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Set when privacy.services removed the personal data (retention or a person's request).
    personal_data_purged_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        ordering = ["-received_at", "-pk"]
        permissions = [("view_ticket_contact", _("Can see the contact details of tickets"))]

    def __str__(self):
        return f"{self.reference} {self.subject}"

    @property
    def trackable(self):
        return bool(self.email_hash or self.phone_hash)

    @property
    def is_overdue(self):
        from .services import is_overdue

        return is_overdue(self)

    @property
    def status_tag_kind(self):
        return {
            TicketStatus.RECEIVED: "blue",
            TicketStatus.IN_PROCESS: "yellow",
            TicketStatus.ANSWERED: "green",
            TicketStatus.CLOSED: "grey",
        }.get(self.status, "blue")

    @property
    def topic_label(self):
        if self.service_id:
            return self.service.title
        if self.division_id:
            return self.division.name
        return ""


class TicketAttachment(models.Model):
    """An image or PDF sent with a ticket, on the private storage."""

    ticket = models.ForeignKey(FeedbackTicket, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), storage=private_storage, upload_to=private_upload_to, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class TicketEvent(models.Model):
    """One line of a ticket's history: who changed what, and when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Received")
        STATUS = "status", _("Status changed")
        ASSIGNMENT = "assignment", _("Assigned")
        NOTE = "note", _("Internal note")
        REPLY = "reply", _("Reply")
        EXTENSION = "extension", _("Deadline extended")
        LAPOR_ID = "lapor_id", _("SP4N-LAPOR! ID set")
        LAPOR_FORWARD = "lapor_forward", _("Forwarded to SP4N-LAPOR!")
        PUBLISHED = "published", _("Published summary")

    #: Kinds the person sees on the tracking page (never notes or staff names).
    PUBLIC_KINDS = {Kind.CREATED, Kind.STATUS, Kind.REPLY, Kind.EXTENSION}

    ticket = models.ForeignKey(FeedbackTicket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    from_status = models.CharField(_("from"), max_length=20, choices=TicketStatus.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=20, choices=TicketStatus.choices, blank=True)
    division = models.ForeignKey(
        "offices.Division", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = EncryptedTextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("ticket event")
        verbose_name_plural = _("ticket events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.ticket.reference}: {self.get_kind_display()}"

    @property
    def is_public(self):
        return self.kind in self.PUBLIC_KINDS


class PublishedTicketQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)


class PublishedTicket(TranslatableMixin, models.Model):
    """ "What you told us, what we did": a ticket and its reply, rewritten by an
    editor without any personal data. It keeps no link to the person: only the
    ticket's type, topic and dates are copied. One per language (its locale);
    the public list of a language shows that language's."""

    ticket = models.OneToOneField(
        FeedbackTicket,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published",
        verbose_name=_("ticket"),
    )
    type = models.CharField(_("type"), max_length=30, choices=TicketType.choices)
    division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("division"),
    )
    title = models.CharField(_("title"), max_length=150)
    what_you_told_us = models.TextField(
        _("what you told us"),
        max_length=3000,
        help_text=_("A summary without names, addresses, numbers or anything else that identifies a person."),
    )
    what_we_did = models.TextField(_("what we did"), max_length=3000)
    received_on = models.DateField(_("received on"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    live = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public list when ticked.")
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = PublishedTicketQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("what_you_told_us"),
        FieldPanel("what_we_did"),
        FieldPanel("type"),
        FieldPanel("division"),
        FieldPanel("received_on"),
        FieldPanel("answered_on"),
        FieldPanel("live"),
    ]

    # The texts are translated; the facts are the same in every language. Not the
    # ticket (one summary per language links back to it: the original) nor
    # ``live``: a translation is published once it has been checked.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("what_you_told_us"),
        TranslatableField("what_we_did"),
        SynchronizedField("type"),
        SynchronizedField("division"),
        SynchronizedField("received_on"),
        SynchronizedField("answered_on"),
    ]
    exclude_fields_in_copy = ["ticket", "live"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("published ticket")
        verbose_name_plural = _("published tickets")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return self.title


class FeedbackPage(RoutablePageMixin, BasePage):
    """The ticket form, its confirmation, the tracking page, the PPID request
    page and the list of published tickets."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    ppid_intro = RichTextField(
        _("information requests (PPID)"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Shown above the request form for public information; leave empty for the standard text."
        ),
    )
    published_intro = models.CharField(_("introduction to published tickets"), max_length=500, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("ppid_intro"),
        FieldPanel("published_intro"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = []
    show_last_updated = False
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("feedback and complaints page")
        verbose_name_plural = _("feedback and complaints pages")

    @path("")
    def form_view(self, request):
        from . import views

        return views.ticket_form(request, self)

    @path("ppid/", name="ppid")
    def ppid_view(self, request):
        from . import views

        return views.ticket_form(request, self, ppid=True)

    @path("sent/", name="sent")
    def sent_view(self, request):
        from . import views

        return views.sent(request, self)

    @path("track/", name="track")
    def track_view(self, request):
        from . import views

        return views.track(request, self)

    @path("published/", name="published")
    def published_view(self, request):
        from . import views

        return views.published(request, self)
