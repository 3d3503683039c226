"""The regulations library (Perwali 44/2016, Article 5(1)f: supporting regulations)."""

import re
from functools import cached_property

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import BodyBlock
from core.models import BasePage
from core.pagination import paginate

from . import filters, services
from .choices import (  # noqa: F401  (re-exported for the app's users)
    INDONESIAN_NAMES,
    LEGAL_FORCE,
    STATUS_TAG_KINDS,
    RegulationStatus,
    RegulationType,
    RelationKind,
)
from .forms import RegulationFilterForm


class RegulationIndexPage(BasePage):
    """The library: every regulation, filterable by type, year and text."""

    PER_PAGE = 20

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["regulations.RegulationPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("regulations library")

    def regulations(self):
        """The live, public regulations of this library, in its language."""
        return RegulationPage.objects.child_of(self).live().public().filter(locale=self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regulations = self.regulations()
        options = filters.filter_options(regulations)
        chosen = filters.parse_filters(request.GET, options)
        results = filters.filter_regulations(regulations, chosen).select_related("pdf")
        context.update(
            filters=chosen,
            form=RegulationFilterForm(options=options, initial=chosen.as_initial()),
            page_obj=paginate(request, filters.order_regulations(results), self.PER_PAGE),
        )
        return context


class RegulationPage(BasePage):
    """One regulation. The title is its subject, what follows "tentang"."""

    regulation_type = models.CharField(
        _("type"), max_length=10, choices=RegulationType.choices, default=RegulationType.PERWALI
    )
    number = models.CharField(
        _("number"),
        max_length=60,
        help_text=_('As written on the regulation, e.g. "44" or "PER.15/MEN/2014".'),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    issuer = models.CharField(
        _("issued by"), max_length=120, help_text=_('e.g. "Walikota Palembang" or "Menteri Ketenagakerjaan".')
    )
    date_enacted = models.DateField(_("date enacted"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RegulationStatus.choices, default=RegulationStatus.IN_FORCE
    )
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("PDF of the regulation"),
    )
    summary = models.TextField(_("summary"), max_length=600, help_text=_("What the regulation is about."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("regulation_type"), FieldPanel("number"), FieldPanel("year")]),
                FieldRowPanel([FieldPanel("issuer"), FieldPanel("date_enacted")]),
                FieldPanel("status"),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("pdf"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("related_regulations", label=_("Related regulations")),
    ]
    # A later entry with the same name replaces Page's own (title boost 2).
    search_fields = BasePage.search_fields + [
        index.SearchField("title", boost=4),
        index.SearchField("number", boost=4),
        index.SearchField("search_citation", boost=4),
        index.AutocompleteField("number"),
        index.SearchField("issuer"),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("regulation_type"),
        index.FilterField("year"),
        index.FilterField("status"),
    ]
    # Facts are the same in every language; words are translated.
    override_translatable_fields = [
        SynchronizedField("regulation_type", overridable=False),
        SynchronizedField("number", overridable=False),
        SynchronizedField("year", overridable=False),
        SynchronizedField("date_enacted", overridable=False),
        SynchronizedField("status", overridable=False),
        SynchronizedField("pdf"),
        TranslatableField("issuer"),
    ]
    api_fields = [
        APIField("regulation_type"),
        APIField("type_label"),
        APIField("number"),
        APIField("year"),
        APIField("citation"),
        APIField("formal_citation"),
        APIField("issuer"),
        APIField("date_enacted"),
        APIField("status"),
        APIField("status_label"),
        APIField("summary"),
        APIField("body"),
        APIField("pdf"),
        APIField("document_url"),
    ]
    parent_page_types = ["regulations.RegulationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("regulation")
        verbose_name_plural = _("regulations")

    @property
    def citation(self):
        """The short name, e.g. "Perwali No. 44/2016"; a number that already
        ends in its year ("PER.15/MEN/2014") is not followed by it twice."""
        if re.search(rf"/{self.year}$", self.number or ""):
            return _("%(type)s No. %(number)s") % {"type": self.regulation_type, "number": self.number}
        return _("%(type)s No. %(number)s/%(year)s") % {
            "type": self.regulation_type,
            "number": self.number,
            "year": self.year,
        }

    @property
    def formal_citation(self):
        """The Indonesian formal name, e.g. "Peraturan Walikota Nomor 44 Tahun 2016"."""
        name = INDONESIAN_NAMES.get(self.regulation_type, self.regulation_type)
        return f"{name} Nomor {self.number} Tahun {self.year}"

    def search_citation(self):
        """Indexed so that "perwali 44", "44 tahun 2016" and "44/2016" find it."""
        with translation.override(self.locale.language_code if self.locale_id else None):
            label = str(self.get_regulation_type_display())
            citation = str(self.citation)
        return " ".join(
            [self.regulation_type, label, self.formal_citation, citation, f"{self.number}/{self.year}"]
        )

    @property
    def status_tag_kind(self):
        return STATUS_TAG_KINDS.get(self.status, "grey")

    @cached_property
    def related_regulation_groups(self):
        """Shown on the page and in its JSON-LD; worked out once per request."""
        return services.related_groups(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_groups"] = self.related_regulation_groups
        return context

    def get_json_ld(self, request):
        return super().get_json_ld(request) + [services.legislation_json_ld(self, request)]


class RelatedRegulation(Orderable):
    """A link from one regulation to another, with how they relate."""

    page = ParentalKey(RegulationPage, on_delete=models.CASCADE, related_name="related_regulations")
    kind = models.CharField(
        _("relation"), max_length=20, choices=RelationKind.choices, default=RelationKind.RELATED
    )
    target = models.ForeignKey(
        RegulationPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("regulation"),
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related regulation")
        verbose_name_plural = _("related regulations")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.target}"
