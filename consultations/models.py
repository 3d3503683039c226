"""Public consultations on draft regulations and policies (Article 2c).

A consultation page holds the draft and its dates; its state (upcoming, open,
closed) follows from the dates in Palembang time (``services.state``). Comments
are a model of their own, never part of the page: they are not in its
revisions, its search index or the API, and show only once approved.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.crypto import EncryptedTextField, contact_hash
from core.models import BasePage

from . import services

COMMENT_MAX_LENGTH = 3000


class ConsultationIndexPage(BasePage):
    """Open, upcoming and closed consultations of one language."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["consultations.ConsultationPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("public consultations index")

    def consultations(self):
        return ConsultationPage.objects.child_of(self).live().public().specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = services.grouped(self.consultations())
        return context


class ConsultationPage(RoutablePageMixin, BasePage):
    """A draft regulation or policy open for public comment between two dates."""

    summary = models.CharField(
        _("summary"), max_length=300, help_text=_("What the draft is about, in a sentence or two.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    draft_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("draft document"),
    )
    opens_on = models.DateField(
        _("opens on"), help_text=_("Comments are accepted from 00.00 WIB on this day.")
    )
    closes_on = models.DateField(
        _("closes on"), help_text=_("Comments are accepted until 23.59 WIB on this day.")
    )
    draft_sections = models.TextField(
        _("sections of the draft"),
        blank=True,
        help_text=_("One per line, e.g. “Article 3”. People may say which one their comment is about."),
    )
    division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responsible division"),
        help_text=_(
            "Hears of new comments at its e-mail address; without one, the office's general address."
        ),
    )
    responses_summary = RichTextField(
        _("summary of responses"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_(
            "What people said and what the office did with it. Shown once the consultation has closed."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Dates (Palembang time)")),
        FieldPanel("draft_document"),
        FieldPanel("body"),
        FieldPanel("draft_sections"),
        FieldPanel("division"),
        MultiFieldPanel([FieldPanel("responses_summary")], heading=_("After closing")),
    ]
    # The page's own text only: comments are never indexed.
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("responses_summary"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("opens_on"),
        APIField("closes_on"),
        APIField("body"),
        APIField("state"),
        APIField("published_responses_summary"),
    ]
    override_translatable_fields = [
        SynchronizedField("opens_on"),
        SynchronizedField("closes_on"),
        SynchronizedField("draft_document"),
        SynchronizedField("division"),
    ]
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("public consultation")
        verbose_name_plural = _("public consultations")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("The closing date cannot be before the opening date.")})

    def state_at(self, now=None):
        return services.state(self.opens_on, self.closes_on, now)

    @property
    def state(self):
        return self.state_at()

    @property
    def is_open(self):
        return self.state == services.OPEN

    @property
    def is_closed(self):
        return self.state == services.CLOSED

    @property
    def published_responses_summary(self):
        """The summary of responses, only once the consultation has closed."""
        return str(self.responses_summary) if self.is_closed else ""

    @property
    def section_choices(self):
        return [line.strip() for line in self.draft_sections.splitlines() if line.strip()]

    def public_comments(self):
        return services.public_comments(self)

    # The comment form and its thank-you page; the work is in views.py.
    @path("", name="consultation")
    def consultation_route(self, request):
        from .views import consultation

        return consultation(request, self)

    @path("thanks/", name="thanks")
    def thanks_route(self, request):
        from .views import thanks

        return thanks(request, self)

    def get_json_ld(self, request):
        from .schema import consultation_json_ld

        return super().get_json_ld(request) + [consultation_json_ld(self, request)]


class ConsultationComment(models.Model):
    """A comment from the public; shown only when approved, with the name only if asked."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    STATUSES = [(PENDING, _("Waiting for moderation")), (APPROVED, _("Approved")), (REJECTED, _("Rejected"))]

    consultation = models.ForeignKey(
        ConsultationPage, on_delete=models.CASCADE, related_name="comments", verbose_name=_("consultation")
    )
    section = models.CharField(_("section of the draft"), max_length=200, blank=True)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    name = EncryptedTextField(_("name"), blank=True)
    show_name = models.BooleanField(_("show the name publicly"), default=False)
    email = EncryptedTextField(_("e-mail"), blank=True, help_text=_("Never shown publicly."))
    #: Finds the commenter's comments for an export or erasure (privacy app) without decrypting.
    email_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="id")
    status = models.CharField(_("status"), max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    reply = models.TextField(
        _("public reply"), blank=True, help_text=_("Shown under the comment once approved.")
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    replied_at = models.DateTimeField(_("replied"), null=True, blank=True)
    #: Set when privacy.services removed the personal data (retention or a person's request).
    personal_data_purged_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Comment %(number)s on “%(title)s”") % {"number": self.pk, "title": self.consultation.title}

    def save(self, *args, **kwargs):
        now = timezone.now()
        if self.status != self.PENDING and self.moderated_at is None:
            self.moderated_at = now
        if self.reply and self.replied_at is None:
            self.replied_at = now
        self.email_hash = contact_hash(self.email) if self.email else ""
        if kwargs.get("update_fields") is not None and "email" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "email_hash"}
        super().save(*args, **kwargs)

    @property
    def public_name(self):
        """The name (and organisation) shown with the comment, only when the commenter asked."""
        if not self.show_name or not self.name:
            return ""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name
