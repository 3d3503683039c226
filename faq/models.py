"""Questions and answers (FAQ), votes on them, and questions asked by the public.

Modelled on the idea of "Ask CFPB": one clear question per entry, a short
direct answer first, then the detail, then related questions and services.
Entries and categories are translatable snippets (wagtail-localize); the
``FAQIndexPage`` shows them. The rules (ordering by helpfulness, the text
filter, votes, the moderation of asked questions) live in ``faq.services``.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, Orderable, RevisionMixin, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core import fragments
from core.blocks import RICH_TEXT_FEATURES
from core.crypto import EncryptedTextField
from core.models import BasePage

QUESTION_MAX_LENGTH = 200
SHORT_ANSWER_MAX_LENGTH = 400
VOTE_COMMENT_MAX_LENGTH = 500
ASKED_QUESTION_MAX_LENGTH = 1000
ASKER_NAME_MAX_LENGTH = 100
ASKER_EMAIL_MAX_LENGTH = 254
ANSWER_MAX_LENGTH = 5000


class FAQCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"), max_length=100, help_text=_("The category's part of the address, e.g. “kartu-kuning”.")
    )
    description = models.CharField(_("description"), max_length=300, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)
    division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("division"),
        help_text=_(
            "The division that answers questions asked in this category; "
            "without one, only administrators see them."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
        FieldPanel("division"),
    ]
    override_translatable_fields = [SynchronizedField("sort_order"), SynchronizedField("division")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("FAQ category")
        verbose_name_plural = _("FAQ categories")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="faq_category_slug_per_locale")
        ]

    def __str__(self):
        return self.name


class FAQEntryQuerySet(models.QuerySet):
    def public(self):
        return self.filter(live=True)

    def with_votes(self):
        """Annotates ``yes_votes`` and ``no_votes`` (one query for a listing)."""
        return self.annotate(
            yes_votes=models.Count("votes", filter=models.Q(votes__helpful=True, votes__counted=True)),
            no_votes=models.Count("votes", filter=models.Q(votes__helpful=False, votes__counted=True)),
        )


class FAQEntry(DraftStateMixin, RevisionMixin, TranslatableMixin, index.Indexed, ClusterableModel):
    """One question with a short direct answer, then the detail."""

    question = models.CharField(
        _("question"),
        max_length=QUESTION_MAX_LENGTH,
        help_text=_("One clear question, as people would ask it, e.g. “How do I get a job-seeker card?”."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text=_("The question's own address (…/q/<slug>/) and its link on the FAQ page."),
    )
    category = models.ForeignKey(
        FAQCategory, on_delete=models.PROTECT, related_name="entries", verbose_name=_("category")
    )
    short_answer = models.TextField(
        _("short answer"),
        max_length=SHORT_ANSWER_MAX_LENGTH,
        validators=[MaxLengthValidator(SHORT_ANSWER_MAX_LENGTH)],
        help_text=_("The direct answer in one to three sentences; it is shown first."),
    )
    full_answer = RichTextField(
        _("full answer"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The detail: steps, exceptions, where to go. Link to the service page."),
    )
    pinned_order = models.PositiveSmallIntegerField(
        _("pinned position"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to order by helpfulness. Pinned questions come first in their "
            "category, lowest number first."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = FAQEntryQuerySet.as_manager()

    panels = [
        FieldPanel("question"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("pinned_order")]),
        FieldPanel("short_answer"),
        FieldPanel("full_answer"),
        InlinePanel("related_services", label=_("Related services")),
    ]
    override_translatable_fields = [SynchronizedField("pinned_order")]
    # The admin's snippet search; the site search does not list snippets.
    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("short_answer"),
        index.SearchField("full_answer"),
        index.AutocompleteField("question"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")
        ordering = ["category__sort_order", "pinned_order", "question"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="faq_entry_slug_per_locale")]

    def __str__(self):
        return self.question

    def clean(self):
        super().clean()
        if self.category_id and self.locale_id and self.category.locale_id != self.locale_id:
            raise ValidationError({"category": _("Choose a category in the same language as the question.")})

    # --- Helpfulness (annotated by ``with_votes`` in listings) -----------------------------

    @cached_property
    def _vote_counts(self):
        if hasattr(self, "yes_votes"):
            return self.yes_votes, self.no_votes
        counted = self.votes.filter(counted=True)
        return counted.filter(helpful=True).count(), counted.filter(helpful=False).count()

    @property
    def yes_count(self):
        return self._vote_counts[0]

    yes_count.fget.short_description = _("Helpful")

    @property
    def no_count(self):
        return self._vote_counts[1]

    no_count.fget.short_description = _("Not helpful")

    @property
    def helpful_ratio(self):
        """ "45 of 50 (90%)"; "–" with no votes."""
        yes, no = self._vote_counts
        total = yes + no
        if not total:
            return "–"
        return _("%(yes)s of %(total)s (%(percent)s%%)") % {
            "yes": yes,
            "total": total,
            "percent": round(100 * yes / total),
        }

    helpful_ratio.fget.short_description = _("Helpful ratio")

    @property
    def helpfulness_score(self):
        from .services import wilson_lower_bound

        return wilson_lower_bound(*self._vote_counts)

    def recent_comments(self):
        """The last comments left with votes, for editors (never shown publicly)."""
        comments = [vote.comment for vote in self.votes.order_by("-created_at")[:20] if vote.comment]
        return "\n\n".join(comments) or "–"

    recent_comments.short_description = _("Recent comments")

    @property
    def anchor(self):
        return f"q-{self.slug}"


class FAQEntryService(Orderable):
    """A service the question is about; shown under the answer and on the service page."""

    entry = ParentalKey(FAQEntry, on_delete=models.CASCADE, related_name="related_services")
    service = models.ForeignKey(
        "services.ServicePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )

    panels = [FieldPanel("service")]
    translatable_fields = [SynchronizedField("service")]

    class Meta(Orderable.Meta):
        verbose_name = _("related service")
        verbose_name_plural = _("related services")


class Vote(models.Model):
    """An answer to "Was this answer helpful?" from one visitor on one entry.

    ``voter`` is a keyed hash of the visitor's vote cookie; a second vote from
    the same visitor replaces the first. ``address`` is the keyed hash of the
    client address (``core.publicforms.client_fingerprint``): only
    ``FAQ_MAX_VOTES_PER_ADDRESS`` voters of one address count per entry, so
    clearing the cookie does not stuff the counts.
    """

    entry = models.ForeignKey(FAQEntry, on_delete=models.CASCADE, related_name="votes")
    voter = models.CharField(max_length=64)
    address = models.CharField(max_length=64, db_index=True)
    helpful = models.BooleanField(_("helpful"))
    counted = models.BooleanField(default=True)
    comment = EncryptedTextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["entry", "voter"], name="faq_one_vote_per_voter")]

    def __str__(self):
        return f"{self.entry_id}: {'yes' if self.helpful else 'no'}"


class AskedQuestion(models.Model):
    """A question sent through "Ask a question", waiting for an editor.

    The asker's words, name and e-mail are personal data: encrypted at rest,
    never copied into an FAQ entry (an editor writes the public question), not
    in any search index.
    """

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        ANSWERED = "answered", _("Answered")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    #: A question in one of these has been dealt with: its retention period runs from ``closed_at``.
    CLOSED_STATUSES = (Status.ANSWERED, Status.PUBLISHED, Status.REJECTED)

    reference = models.CharField(_("reference number"), max_length=30, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, editable=False)
    category = models.ForeignKey(
        FAQCategory,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="asked_questions",
        verbose_name=_("category"),
    )
    #: Who moderates the question (governance.scoping); taken from the category, changeable.
    division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("division"),
        help_text=_("The division that answers; without one, only administrators see the question."),
    )
    question = EncryptedTextField(_("question asked"))
    name = EncryptedTextField(_("name"), blank=True)
    email = EncryptedTextField(_("e-mail"), blank=True)
    email_hash = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    answer = models.TextField(
        _("answer"),
        blank=True,
        max_length=ANSWER_MAX_LENGTH,
        help_text=_("Sent to the asker by e-mail when you set the status to “Answered”."),
    )
    public_question = models.CharField(
        _("question as published"),
        max_length=QUESTION_MAX_LENGTH,
        blank=True,
        help_text=_("Rewrite the question without any personal details before publishing it."),
    )
    entry = models.ForeignKey(
        FAQEntry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published as"),
        editable=False,
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
        editable=False,
    )
    notified_at = models.DateTimeField(_("asker told"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    #: Set when privacy.services removed the personal data (retention or a person's request).
    personal_data_purged_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("category"), FieldPanel("division")],
            heading=_("Moderation"),
        ),
        FieldPanel("answer"),
        FieldPanel("public_question"),
    ]

    class Meta:
        verbose_name = _("asked question")
        verbose_name_plural = _("asked questions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference

    def save(self, *args, **kwargs):
        # The moment the question was first dealt with, whatever path changed
        # its status (the moderation form, publishing, the demo).
        if self.status in self.CLOSED_STATUSES:
            if self.closed_at is None:
                self.closed_at = timezone.now()
        else:
            self.closed_at = None
        if kwargs.get("update_fields") is not None and "status" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "closed_at"}
        super().save(*args, **kwargs)

    @property
    def has_email(self):
        return bool(self.email)

    def question_excerpt(self):
        text = " ".join((self.question or "").split())
        return text[:80] + ("…" if len(text) > 80 else "")

    question_excerpt.short_description = _("question asked")


def new_voter_id():
    return uuid.uuid4().hex


class FAQIndexPage(RoutablePageMixin, BasePage):
    """The questions and answers of one language, by category."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)
    ask_intro = RichTextField(
        _("introduction to “Ask a question”"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the question form, e.g. how soon the office answers."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("ask_intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = []
    show_last_updated = False

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")

    def entries(self):
        """The live entries of this page's language."""
        return FAQEntry.objects.public().filter(locale=self.locale)

    def get_context(self, request, *args, **kwargs):
        from . import services
        from .forms import FAQSearchForm

        context = super().get_context(request, *args, **kwargs)
        query = services.clean_query(request.GET.get("q", ""))
        voted = services.voted_entries(request)
        thanks = request.GET.get("thanks", "")
        # Lazy: the template reads the listing inside a fragment (core.fragments), shared
        # by every visitor who filters nothing and has not voted.
        context.update(
            fragments.lazy_items(lambda: self.listing(query), ("groups", "result_count", "total_count")),
            query=query,
            search_form=FAQSearchForm(initial={"q": query}),
            voted=voted,
            thanks=thanks,
            shared_listing=None if (query or voted or thanks) else "all",
        )
        return context

    def listing(self, query):
        """The entries matching ``query`` grouped by category, and the counts."""
        from . import services

        entries = services.ordered_entries(self.entries())
        shown = services.filter_entries(entries, query)
        return {
            "groups": services.group_by_category(shown),
            "result_count": len(shown),
            "total_count": len(entries),
        }

    def base_context(self, request):
        """The context of the routes: the page, without the listing."""
        return super().get_context(request)

    def get_json_ld(self, request):
        from . import services

        if getattr(request, "faq_skip_json_ld", False):
            return super().get_json_ld(request)
        entry = getattr(request, "faq_entry", None)
        entries = [entry] if entry else services.ordered_entries(self.entries())
        return super().get_json_ld(request) + [services.faq_json_ld(entries)]

    @path("q/<slug:slug>/", name="question")
    def question_view(self, request, slug):
        from . import views

        return views.question(self, request, slug)

    @path("vote/<slug:slug>/", name="vote")
    def vote_view(self, request, slug):
        from . import views

        return views.vote(self, request, slug)

    @path("ask/", name="ask")
    def ask_view(self, request):
        from . import views

        return views.ask(self, request)

    @path("ask/sent/", name="ask_sent")
    def ask_sent_view(self, request):
        from . import views

        return views.ask_sent(self, request)

    def entry_url(self, entry):
        return self.url + self.reverse_subpage("question", kwargs={"slug": entry.slug})
