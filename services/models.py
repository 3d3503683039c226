"""The service directory, the published service standards and service journeys.

A ServicePage is the published standard of one service (Law 25/2009 Article 21,
Permenpan RB 15/2014): fourteen components as structured fields, six facing
the public and eight on its management. The rules (filtering, formatting,
journeys, schema.org) live in plain modules beside this one.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.functional import SimpleLazyObject, cached_property
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
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, DocumentLinkBlock, StepBlock
from core.crypto import EncryptedJSONField, EncryptedTextField
from core.models import BasePage, opening_hours_field
from core.uploads import FILE_TYPES, private_storage, private_upload_to

from . import standard
from .choices import (
    AUDIENCE_FIELDS,
    HOW_TO_APPLY_TAG_KINDS,
    Audience,
    Category,
    FieldKind,
    HowToApply,
    SubmissionStatus,
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


class ServiceIndexPage(RoutablePageMixin, BasePage):
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

    @path("track/", name="track")
    def track(self, request):
        """Where applicants follow their applications (services.tracking)."""
        from .tracking import tracking_view

        return tracking_view(self, request)

    def tracking_url(self):
        return self.url + self.reverse_subpage("track")

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


class ServicePage(RoutablePageMixin, BasePage):
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
    transaction_backend = models.ForeignKey(
        "integrations.TransactionBackend",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        verbose_name=_("transaction back-end"),
        help_text=_("The system that receives the applications sent with the online form."),
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
            [
                HelpPanel(
                    content=_(
                        "Only for an online form: the questions people answer, and the back-end that "
                        "receives the applications. The first e-mail and the first phone question are "
                        "the applicant's contact, used for the confirmation and for tracking."
                    )
                ),
                FieldPanel("transaction_backend"),
                InlinePanel("form_fields", label=_("Question")),
            ],
            heading=_("Online form"),
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
        SynchronizedField("transaction_backend"),
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
        if self.how_to_apply == HowToApply.ONLINE_FORM and not self.transaction_backend_id:
            errors["transaction_backend"] = _(
                "An online form needs the transaction back-end that receives its applications."
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
        # Lazy: the template reads them inside fragments (core.fragments), so a page
        # whose fragments are cached does not compute them.
        context.update(
            legal_bases=SimpleLazyObject(self.legal_basis_regulations),
            related_services=SimpleLazyObject(self.related_pages),
            journey_positions=SimpleLazyObject(lambda: journeys.positions_for(self)),
            text_components=SimpleLazyObject(
                lambda: standard.text_components(self, standard.TEXT_COMPONENTS)
            ),
            guarantee_components=SimpleLazyObject(
                lambda: standard.text_components(self, standard.GUARANTEE_COMPONENTS)
            ),
        )
        if self.accepts_applications:
            from .onlineform import build_form

            context.setdefault("online_form", build_form(self)())
            context["apply_url"] = self.url + self.reverse_subpage("apply")
        return context

    # --- The online form (services.onlineform, services.submissions) ----------------------

    @property
    def accepts_applications(self):
        return self.how_to_apply == HowToApply.ONLINE_FORM and self.transaction_backend_id is not None

    @path("apply/", name="apply")
    def apply(self, request):
        from .onlineform import apply_view

        return apply_view(self, request)

    @path("apply/done/", name="apply_done")
    def apply_done(self, request):
        from .onlineform import done_view

        return done_view(self, request)

    def directory_page(self):
        parent = self.get_parent()
        return parent.specific if parent is not None else None

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


# --- Online forms ------------------------------------------------------------------------


class FileTypesFormField(forms.MultipleChoiceField):
    """Tick boxes in the admin for a comma-separated list of file types."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        if isinstance(value, str):
            return [item for item in value.split(",") if item]
        return value

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial or ""), data)

    def clean(self, value):
        return ",".join(super().clean(value))


class FileTypesField(models.CharField):
    """The file types a question accepts, e.g. "pdf,jpeg" (codes of core.uploads.FILE_TYPES)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return FileTypesFormField(
            choices=[(code, label) for code, (_mime, label) in FILE_TYPES.items()],
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class ServiceFormField(TranslatableMixin, Orderable):
    """One question of a service's online form.

    The words (label, hint) are translated; what the question is and how it is
    checked (kind, name, limits, choices) are the same in every language, so
    a back-end gets the same answers whatever language the applicant used.
    """

    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="form_fields")
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("hint"), max_length=300, blank=True)
    kind = models.CharField(
        _("kind of answer"), max_length=20, choices=FieldKind.choices, default=FieldKind.TEXT
    )
    name = models.SlugField(
        _("name for the back-end"),
        max_length=50,
        blank=True,
        allow_unicode=False,
        help_text=_("The key of this answer in what the back-end receives. Made from the question if empty."),
    )
    required = models.BooleanField(_("required"), default=True)
    choices = models.TextField(
        _("choices"), blank=True, help_text=_("For a choice from a list: one choice per line.")
    )
    max_length = models.PositiveIntegerField(
        _("maximum length"), null=True, blank=True, help_text=_("For text: the most characters allowed.")
    )
    min_value = models.IntegerField(_("smallest number"), null=True, blank=True)
    max_value = models.IntegerField(_("largest number"), null=True, blank=True)
    file_types = FileTypesField(
        _("file types"),
        blank=True,
        help_text=_("For a file upload: the types accepted (checked by content)."),
    )
    max_file_mb = models.DecimalField(
        _("largest file (MB)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.1)],
        help_text=_("For a file upload. Empty: the site's limit."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("help_text"),
        FieldPanel("name"),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("max_length"), FieldPanel("min_value"), FieldPanel("max_value")]),
        FieldRowPanel([FieldPanel("file_types"), FieldPanel("max_file_mb")]),
    ]
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        SynchronizedField("kind"),
        SynchronizedField("name"),
        SynchronizedField("required"),
        SynchronizedField("choices"),
        SynchronizedField("max_length"),
        SynchronizedField("min_value"),
        SynchronizedField("max_value"),
        SynchronizedField("file_types"),
        SynchronizedField("max_file_mb"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.label

    @property
    def choice_list(self):
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]

    @property
    def allowed_file_types(self):
        chosen = [code for code in (self.file_types or "").split(",") if code in FILE_TYPES]
        return tuple(chosen) or ("pdf", "jpeg", "png")

    @property
    def max_file_bytes(self):
        if self.max_file_mb is None:
            return settings.PUBLIC_UPLOAD_MAX_BYTES
        return int(self.max_file_mb * 1024 * 1024)

    def fill_name(self):
        if not (self.name or "").strip():
            from .onlineform import field_key

            self.name = field_key(self)[:50]

    def save(self, *args, **kwargs):
        self.fill_name()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.fill_name()
        errors = {}
        if self.kind == FieldKind.CHOICE and len(self.choice_list) < 2:
            errors["choices"] = _("A choice from a list needs at least two choices, one per line.")
        if self.kind == FieldKind.FILE and self.max_file_mb is not None:
            if self.max_file_bytes > settings.PUBLIC_UPLOAD_MAX_BYTES:
                errors["max_file_mb"] = _("At most %(limit)s MB, the site's limit for uploads.") % {
                    "limit": round(settings.PUBLIC_UPLOAD_MAX_BYTES / 1024 / 1024, 1)
                }
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            errors["max_value"] = _("The largest number must not be smaller than the smallest.")
        if errors:
            raise ValidationError(errors)


# --- Applications sent with an online form --------------------------------------------------


class ServiceSubmission(models.Model):
    """One application. The answers (NIK included) and the contact are encrypted
    at rest; the keyed hashes find it again for tracking. Never indexed for search."""

    reference = models.CharField(_("reference number"), max_length=30, unique=True, editable=False)
    service = models.ForeignKey(
        ServicePage,
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name=_("service"),
    )
    service_title = models.CharField(_("service title"), max_length=255)
    backend = models.ForeignKey(
        "integrations.TransactionBackend",
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
        verbose_name=_("transaction back-end"),
    )
    language = models.CharField(_("language"), max_length=10)
    answers = EncryptedJSONField(_("answers"), default=list)
    nik_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    email_hash = models.CharField(max_length=64, blank=True, editable=False)
    phone_hash = models.CharField(max_length=64, blank=True, editable=False)
    applicant_email = EncryptedTextField(_("applicant's e-mail"), blank=True)
    applicant_phone = EncryptedTextField(_("applicant's phone"), blank=True)
    status = models.CharField(
        _("status"), max_length=30, choices=SubmissionStatus.choices, default=SubmissionStatus.SUBMITTED
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    #: Set when privacy.services removed the personal data (retention or a person's request).
    personal_data_purged_at = models.DateTimeField(
        _("personal data removed"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-created_at"]
        permissions = [("change_submission_status", "Can record a status change of an application")]

    def __str__(self):
        return self.reference

    @property
    def status_tag_kind(self):
        from .choices import STATUS_TAG_KINDS

        return STATUS_TAG_KINDS.get(self.status, "grey")


class SubmissionAttachment(models.Model):
    """A file sent with an application: in private storage, never at a public URL."""

    submission = models.ForeignKey(
        ServiceSubmission, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("application")
    )
    field_name = models.CharField(_("question"), max_length=50)
    file = models.FileField(_("file"), storage=private_storage, upload_to=private_upload_to, max_length=200)
    original_name = EncryptedTextField(_("original file name"))
    detected_type = models.CharField(_("type"), max_length=10)
    size = models.PositiveIntegerField(_("size in bytes"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return f"{self.submission_id}/{self.pk}"

    @property
    def content_type(self):
        return FILE_TYPES.get(self.detected_type, ("application/octet-stream",))[0]

    @property
    def download_name(self):
        """A safe name for the download: the question's key and the reference, not the original name."""
        extension = "jpg" if self.detected_type == "jpeg" else self.detected_type
        return f"{self.submission.reference}-{self.field_name}-{self.pk}.{extension}"


class SubmissionStatusEvent(models.Model):
    """One step in an application's history, as the applicant sees it."""

    class Source(models.TextChoices):
        SITE = "site", _("This site")
        BACKEND = "backend", _("Transaction back-end")
        STAFF = "staff", _("Staff")

    submission = models.ForeignKey(
        ServiceSubmission, on_delete=models.CASCADE, related_name="events", verbose_name=_("application")
    )
    status = models.CharField(_("status"), max_length=30, choices=SubmissionStatus.choices)
    message = EncryptedTextField(_("message to the applicant"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    event_id = models.CharField(_("event id"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "event_id"],
                condition=~models.Q(event_id=""),
                name="services_status_event_once",
            )
        ]

    def __str__(self):
        return f"{self.submission_id} {self.status}"

    @property
    def status_tag_kind(self):
        from .choices import STATUS_TAG_KINDS

        return STATUS_TAG_KINDS.get(self.status, "grey")
