"""The service directory, the published service standards and service journeys.

A ServicePage is the published standard of one service (Law 25/2009 Article 21,
Permenpan RB 15/2014): fourteen components as structured fields, six facing
the public and eight on its management. The rules (filtering, formatting,
journeys, schema.org) live in plain modules beside this one.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, DocumentLinkBlock, StepBlock
from core.models import BasePage, opening_hours_field

from . import standard
from .choices import (
    AUDIENCE_FIELDS,
    HOW_TO_APPLY_TAG_KINDS,
    Audience,
    Category,
    HowToApply,
    TimeUnit,
)

#: Rich text of the standard's components: short prose and lists, no headings
#: (the page gives every component its own heading).
STANDARD_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class RequirementBlock(blocks.StructBlock):
    item = blocks.CharBlock(
        label=_("Requirement"), max_length=300, help_text=_("E.g. “Identity card (KTP), original”.")
    )
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        max_length=300,
        help_text=_("Optional, e.g. “Bring a photocopy too”."),
    )

    class Meta:
        icon = "tick"
        label = _("Requirement")


class ServiceIndexPage(BasePage):
    """The service directory of one language, with the office's service pledge."""

    PER_PAGE = 20

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    pledge = RichTextField(
        _("service pledge (Maklumat Pelayanan)"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The office's published promise on its services, as signed by the head of the office."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("pledge")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("pledge")]
    subpage_types = ["services.ServicePage", "services.JourneyPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("service directory")
        verbose_name_plural = _("service directories")

    def services(self):
        """The live, public services of this directory, in its language."""
        return ServicePage.objects.child_of(self).live().public().filter(locale=self.locale)

    def journeys(self):
        return (
            JourneyPage.objects.child_of(self)
            .live()
            .public()
            .filter(locale=self.locale)
            .order_by(Lower("title"))
        )

    def get_context(self, request, *args, **kwargs):
        from core.pagination import paginate

        from . import filters
        from .forms import ServiceFilterForm

        context = super().get_context(request, *args, **kwargs)
        services = self.services()
        options = filters.filter_options(services, self.locale)
        chosen = filters.parse_filters(request.GET, options)
        results = filters.order_services(filters.filter_services(services, chosen))
        context.update(
            filters=chosen,
            filter_form=ServiceFilterForm(options=options, initial=chosen.as_initial()),
            letters=filters.letter_links(services, chosen),
            has_divisions=bool(options.divisions),
            page_obj=paginate(request, results, self.PER_PAGE),
            journeys=self.journeys(),
        )
        return context


class ServicePage(BasePage):
    """One service and its published standard."""

    # --- What it is and who it is for -------------------------------------------------
    summary = models.CharField(
        _("summary"), max_length=250, help_text=_("One sentence: what the service gives people.")
    )
    for_citizens = models.BooleanField(_("citizens and job seekers (G2C)"), default=False)
    for_businesses = models.BooleanField(_("employers and businesses (G2B)"), default=False)
    for_institutions = models.BooleanField(_("government institutions (G2G)"), default=False)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    division = models.ForeignKey(
        "offices.Division",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        verbose_name=_("responsible division"),
    )

    # --- How to act --------------------------------------------------------------------
    how_to_apply = models.CharField(
        _("how to apply"),
        max_length=20,
        choices=HowToApply.choices,
        default=HowToApply.COUNTER,
        help_text=_(
            "Online form: people apply on this site. External system: people start on another "
            "government system. At the counter: people come in person."
        ),
    )
    external_url = models.URLField(
        _("address of the external system"),
        max_length=500,
        blank=True,
        help_text=_("Where “Start now” leads, e.g. https://account.kemnaker.go.id/."),
    )
    external_system = models.CharField(
        _("name of the external system"), max_length=100, blank=True, help_text=_("E.g. SIAPkerja or WLKP.")
    )
    counter_location = models.TextField(
        _("counter location"),
        blank=True,
        help_text=_("Where people apply in person: building, floor, counter number and address."),
    )
    counter_hours = opening_hours_field(help_text=_("Leave empty to use the office's opening hours."))
    counter_phone = models.CharField(
        _("counter telephone"),
        max_length=40,
        blank=True,
        help_text=_("Leave empty to use the office's telephone."),
    )

    # --- The six public components (service delivery) ---------------------------------
    requirements = StreamField(
        [("requirement", RequirementBlock())], verbose_name=_("requirements (persyaratan)")
    )
    procedure = StreamField(
        [("step", StepBlock())], verbose_name=_("system, mechanism and procedure (prosedur)")
    )
    time_amount = models.PositiveIntegerField(_("time to complete"), validators=[MinValueValidator(1)])
    time_unit = models.CharField(
        _("unit"), max_length=20, choices=TimeUnit.choices, default=TimeUnit.WORKING_DAYS
    )
    time_note = models.CharField(
        _("note on the time"),
        max_length=250,
        blank=True,
        help_text=_("E.g. “from the day the complete documents are received”."),
    )
    cost = models.DecimalField(
        _("cost in rupiah"),
        max_digits=14,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0)],
        help_text=_("0 means free of charge."),
    )
    cost_note = models.CharField(
        _("note on the cost"),
        max_length=250,
        blank=True,
        help_text=_("E.g. the regulation that sets the fee, or “no fee of any kind”."),
    )
    product = models.TextField(
        _("product of the service (produk pelayanan)"),
        help_text=_("What the person receives, e.g. “Job-seeker card (AK/I), valid two years”."),
    )
    complaints = RichTextField(
        _("handling of complaints, suggestions and input"),
        features=STANDARD_FEATURES,
        blank=True,
        help_text=_("Leave empty to show the complaint channels from the site settings."),
    )

    # --- The eight management components -----------------------------------------------
    legal_basis_other = models.TextField(
        _("other legal bases"),
        blank=True,
        help_text=_("Regulations not in the library, one per line."),
    )
    facilities = RichTextField(
        _("facilities (sarana, prasarana dan/atau fasilitas)"), features=STANDARD_FEATURES, blank=True
    )
    staff_competence = RichTextField(
        _("staff competence (kompetensi pelaksana)"), features=STANDARD_FEATURES, blank=True
    )
    internal_supervision = RichTextField(
        _("internal supervision (pengawasan internal)"), features=STANDARD_FEATURES, blank=True
    )
    number_of_staff = models.PositiveSmallIntegerField(
        _("number of staff (jumlah pelaksana)"), null=True, blank=True
    )
    service_guarantee = RichTextField(
        _("service guarantee (jaminan pelayanan)"), features=STANDARD_FEATURES, blank=True
    )
    security_guarantee = RichTextField(
        _("security and safety guarantee (jaminan keamanan dan keselamatan)"),
        features=STANDARD_FEATURES,
        blank=True,
    )
    performance_evaluation = RichTextField(
        _("staff performance evaluation (evaluasi kinerja pelaksana)"), features=STANDARD_FEATURES, blank=True
    )

    # --- Around the standard -------------------------------------------------------------
    blank_forms = StreamField(
        [("document", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("blank forms to download"),
        help_text=_("Forms people fill in before they apply (PDF, DOCX, ODT)."),
    )

    overview_panels = BasePage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("for_citizens"),
                        FieldPanel("for_businesses"),
                        FieldPanel("for_institutions"),
                    ],
                    heading=_("Audiences"),
                ),
                FieldRowPanel([FieldPanel("category"), FieldPanel("division")]),
            ],
            heading=_("Who it is for"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("how_to_apply"),
                FieldRowPanel([FieldPanel("external_system"), FieldPanel("external_url")]),
            ],
            heading=_("How to apply"),
        ),
        MultiFieldPanel(
            [FieldPanel("counter_location"), FieldPanel("counter_phone"), FieldPanel("counter_hours")],
            heading=_("Counter"),
        ),
        FieldPanel("blank_forms"),
        InlinePanel("related_services", label=_("Related services")),
    ]
    delivery_panels = [
        HelpPanel(
            content=_(
                "The six components of the service standard that face the public (Permenpan RB 15/2014)."
            )
        ),
        FieldPanel("requirements"),
        FieldPanel("procedure"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("time_amount"), FieldPanel("time_unit")]), FieldPanel("time_note")],
            heading=_("Time to complete (jangka waktu penyelesaian)"),
        ),
        MultiFieldPanel([FieldPanel("cost"), FieldPanel("cost_note")], heading=_("Cost (biaya/tarif)")),
        FieldPanel("product"),
        FieldPanel("complaints"),
    ]
    management_panels = [
        HelpPanel(content=_("The eight components of the service standard on its management.")),
        MultiFieldPanel(
            [
                InlinePanel("legal_bases", label=_("Regulations in the library")),
                FieldPanel("legal_basis_other"),
            ],
            heading=_("Legal basis (dasar hukum)"),
        ),
        FieldPanel("facilities"),
        FieldPanel("staff_competence"),
        FieldPanel("internal_supervision"),
        FieldPanel("number_of_staff"),
        FieldPanel("service_guarantee"),
        FieldPanel("security_guarantee"),
        FieldPanel("performance_evaluation"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(overview_panels, heading=_("Service")),
            ObjectList(delivery_panels, heading=_("Service delivery")),
            ObjectList(management_panels, heading=_("Management")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(BasePage.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("product"),
        index.SearchField("requirements"),
        index.SearchField("procedure"),
        index.AutocompleteField("summary"),
        index.FilterField("category"),
        index.FilterField("how_to_apply"),
        index.FilterField("for_citizens"),
        index.FilterField("for_businesses"),
        index.FilterField("for_institutions"),
    ]
    # Facts are the same in every language; words are translated. The division
    # is resolved to the page's language when shown (``responsible_division``).
    override_translatable_fields = [
        SynchronizedField("division"),
        SynchronizedField("external_url"),
        SynchronizedField("counter_phone"),
    ]
    # The public API (api app): the whole published standard.
    api_fields = [
        APIField("summary"),
        APIField("audiences"),
        APIField("audience_labels"),
        APIField("category"),
        APIField("category_label"),
        APIField("responsible_division"),
        APIField("how_to_apply"),
        APIField("how_to_apply_text"),
        APIField("external_system"),
        APIField("external_url"),
        APIField("counter_location"),
        APIField("counter_hours"),
        APIField("counter_phone"),
        APIField("requirements"),
        APIField("procedure"),
        APIField("time_amount"),
        APIField("time_unit"),
        APIField("time_note"),
        APIField("time_text"),
        APIField("cost"),
        APIField("cost_note"),
        APIField("cost_text"),
        APIField("product"),
        APIField("complaints"),
        APIField("legal_basis"),
        APIField("legal_basis_other"),
        APIField("facilities"),
        APIField("staff_competence"),
        APIField("internal_supervision"),
        APIField("number_of_staff"),
        APIField("service_guarantee"),
        APIField("security_guarantee"),
        APIField("performance_evaluation"),
        APIField("blank_forms"),
    ]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def clean(self):
        super().clean()
        errors = {}
        if self.how_to_apply == HowToApply.EXTERNAL:
            if not (self.external_url or "").strip():
                errors["external_url"] = _(
                    "An external system needs the address where people start, e.g. https://account.kemnaker.go.id/."
                )
            if not (self.external_system or "").strip():
                errors["external_system"] = _(
                    "An external system needs its name, e.g. SIAPkerja, so people know where they go."
                )
        if self.how_to_apply == HowToApply.COUNTER and not (self.counter_location or "").strip():
            errors["counter_location"] = _("A counter-only service needs the place of the counter.")
        if not self.audiences:
            errors["for_citizens"] = _("Choose at least one audience.")
        if errors:
            raise ValidationError(errors)

    # --- What the templates show ----------------------------------------------------------

    @property
    def audiences(self):
        """The audience codes this service serves, in the fixed order G2C, G2B, G2G."""
        return [code for code, field in AUDIENCE_FIELDS.items() if getattr(self, field)]

    @property
    def audience_labels(self):
        return [Audience(code).label for code in self.audiences]

    @property
    def cost_text(self):
        return standard.cost_text(self.cost)

    @property
    def time_text(self):
        return standard.duration_text(self.time_amount, self.time_unit)

    @property
    def how_to_apply_tag_kind(self):
        return HOW_TO_APPLY_TAG_KINDS.get(self.how_to_apply, "grey")

    @property
    def how_to_apply_text(self):
        """How to apply, for a listing: names the external system."""
        if self.how_to_apply == HowToApply.EXTERNAL and self.external_system:
            return _("Online at %(system)s") % {"system": self.external_system}
        if self.how_to_apply == HowToApply.ONLINE_FORM:
            return _("Online form on this site")
        return _("At the counter")

    @cached_property
    def responsible_division(self):
        """The division in this page's language when it is translated."""
        if self.division is None:
            return None
        return self.division.get_translation_or_none(self.locale) or self.division

    @property
    def procedure_steps(self):
        """The steps as objects with ``title`` and ``text`` for components/step_list.html."""
        return [block.value for block in self.procedure]

    @property
    def requirement_items(self):
        return [block.value for block in self.requirements]

    def legal_basis_regulations(self):
        """The live, public regulations in this page's language, with the note of each link."""
        from regulations.models import RegulationPage

        links = list(self.legal_bases.select_related("regulation"))
        shown = {
            page.translation_key: page
            for page in standard.in_locale([link.regulation for link in links], self.locale, RegulationPage)
        }
        result = []
        for link in links:
            page = shown.pop(link.regulation.translation_key, None)
            if page is not None:
                result.append({"regulation": page, "note": link.note})
        return result

    @property
    def other_legal_bases(self):
        return standard.lines(self.legal_basis_other)

    def related_pages(self):
        """Related services that are live and public in this page's language."""
        targets = [link.target for link in self.related_services.select_related("target")]
        return [
            page
            for page in standard.in_locale(targets, self.locale, ServicePage)
            if page.translation_key != self.translation_key
        ]

    def get_context(self, request, *args, **kwargs):
        from . import journeys

        context = super().get_context(request, *args, **kwargs)
        context.update(
            legal_bases=self.legal_basis_regulations(),
            related_services=self.related_pages(),
            journey_positions=journeys.positions_for(self),
        )
        return context

    def get_json_ld(self, request):
        from core.models import SiteSettings

        from .schema import government_service

        office = SiteSettings.load(request_or_site=request)
        return super().get_json_ld(request) + [government_service(self, request, office)]


class ServiceLegalBasis(TranslatableMixin, Orderable):
    """A regulation of the library on which a service rests."""

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="legal_bases")
    regulation = models.ForeignKey(
        "regulations.RegulationPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("regulation"),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Optional, e.g. “Article 5 paragraph (1)”.")
    )

    panels = [FieldPanel("regulation"), FieldPanel("note")]
    # Translatable (wagtail-localize offers the note for translation); the
    # link itself is matched by translation key when shown, so it stays the
    # same in every language instead of needing a translated regulation first.
    translatable_fields = [SynchronizedField("regulation"), TranslatableField("note")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")


class RelatedService(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="related_services")
    target = models.ForeignKey(
        ServicePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )

    panels = [FieldPanel("target")]
    translatable_fields = [SynchronizedField("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related service")
        verbose_name_plural = _("related services")


class JourneyPage(BasePage):
    """Services chained step by step, e.g. job-seeker card → training → placement."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        InlinePanel("steps", label=_("Steps"), min_num=1),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service journey")
        verbose_name_plural = _("service journeys")

    def get_context(self, request, *args, **kwargs):
        from . import journeys

        context = super().get_context(request, *args, **kwargs)
        context["journey_steps"] = journeys.journey_steps(self)
        return context

    def get_json_ld(self, request):
        from . import journeys

        steps = journeys.journey_steps(self)
        return super().get_json_ld(request) + [
            {
                "@context": "https://schema.org",
                "@type": "ItemList",
                "name": self.title,
                "itemListOrder": "https://schema.org/ItemListOrderAscending",
                "numberOfItems": len(steps),
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": step.number,
                        "name": step.service.title,
                        "url": step.service.get_full_url(request),
                    }
                    for step in steps
                ],
            }
        ]


class JourneyStep(TranslatableMixin, Orderable):
    journey = ParentalKey(JourneyPage, on_delete=models.CASCADE, related_name="steps")
    service = models.ForeignKey(
        ServicePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("service")
    )
    explanation = models.CharField(
        _("explanation"),
        max_length=300,
        blank=True,
        help_text=_("Why this step comes here, in a sentence. Defaults to the service's summary."),
    )

    panels = [FieldPanel("service"), FieldPanel("explanation")]
    translatable_fields = [SynchronizedField("service"), TranslatableField("explanation")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("journey step")
        verbose_name_plural = _("journey steps")
