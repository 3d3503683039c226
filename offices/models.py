"""The office profile, its divisions, and the directory of public access points
(Article 5(1)c of Mayor Regulation 44/2016: community centres, kiosks, counters)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import BasePage, SiteSettings, opening_hours_field

from . import schema, services
from .choices import ACCESS_POINT_KINDS, DISTRICTS, OFFICE_COUNTER


def _latitude():
    return models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. -2.990934 (south is negative)."),
    )


def _longitude():
    return models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Decimal degrees, e.g. 104.756554."),
    )


class Division(TranslatableMixin, models.Model):
    """A unit of the office (Sekretariat, a Bidang, a UPTD). Names change
    between years, so everything but the code is editable text. Other apps
    (services, tickets) point here with a ForeignKey."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=80, blank=True, help_text=_("E.g. “Penempatan”; used in lists.")
    )
    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("A stable identifier, the same in every language, e.g. “penempatan”."),
    )
    responsibilities = RichTextField(_("what it handles"), features=RICH_TEXT_FEATURES, blank=True)
    head_title = models.CharField(
        _("head's title"), max_length=120, blank=True, help_text=_("E.g. “Kepala Bidang”.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    email = models.EmailField(
        _("e-mail for notices"),
        blank=True,
        help_text=_(
            "Where notices of new tickets, questions and comments for this division go. "
            "Empty: to the office's general address."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("code")]),
        FieldPanel("head_title"),
        FieldPanel("email"),
        FieldPanel("responsibilities"),
        FieldPanel("sort_order"),
    ]

    # The code, the order and the e-mail address are the same in every language.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("responsibilities"),
        TranslatableField("head_title"),
        SynchronizedField("code"),
        SynchronizedField("sort_order"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("division")
        verbose_name_plural = _("divisions")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="one_division_code_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def anchor(self):
        """The id of this division's entry on the office profile."""
        return f"bidang-{self.code}"


class OfficePage(BasePage):
    """The office profile: duties, vision and mission, contact, organisation."""

    introduction = models.CharField(_("introduction"), max_length=500, blank=True)
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Duties, functions, vision and mission."),
    )
    address = models.TextField(_("address"), blank=True, help_text=_("Leave empty to use the site settings."))
    latitude = _latitude()
    longitude = _longitude()
    opening_hours = opening_hours_field(help_text=_("Leave empty to use the site settings."))
    phone = models.CharField(
        _("telephone"), max_length=40, blank=True, help_text=_("Leave empty to use the site settings.")
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Leave empty to use the site settings."))

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
        index.SearchField("address"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("body"),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("opening_hours"),
        APIField("phone"),
        APIField("email"),
    ]
    max_count_per_parent = 1
    # Numbers are the same in every language; wagtail-localize copies them.
    override_translatable_fields = [SynchronizedField("phone")]

    class Meta:
        verbose_name = _("office profile")
        verbose_name_plural = _("office profiles")

    def contact(self, request=None):
        return services.office_contact(self, SiteSettings.load(request_or_site=request))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contact = self.contact(request)
        context["contact"] = contact
        context["map_url"] = services.map_url(contact.latitude, contact.longitude)
        context["coordinates"] = services.coordinates_text(contact.latitude, contact.longitude)
        context["divisions"] = services.divisions_for(self.locale)
        context["directory"] = services.directory_for(self.locale)
        return context

    def get_json_ld(self, request):
        office = SiteSettings.load(request_or_site=request)
        return super().get_json_ld(request) + [
            schema.government_organization(
                name=office.office_name,
                url=self.get_full_url(request),
                description=self.introduction,
                contact=self.contact(request),
                divisions=services.divisions_for(self.locale),
            )
        ]


class AccessPointIndexPage(BasePage):
    """The directory of public access points and service counters."""

    intro = models.CharField(_("introduction"), max_length=500, blank=True)
    per_page = 12

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["offices.AccessPointPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("access point directory")
        verbose_name_plural = _("access point directories")

    def get_context(self, request, *args, **kwargs):
        from core.pagination import paginate

        from .forms import AccessPointFilterForm

        context = super().get_context(request, *args, **kwargs)
        access_points, filters = services.filter_access_points(services.access_points_in(self), request.GET)
        context["filters"] = filters
        context["filter_form"] = AccessPointFilterForm(initial=filters)
        context["is_filtered"] = any(filters.values())
        context["result_count"] = access_points.count()
        context["page_obj"] = paginate(request, access_points, self.per_page)
        return context


class AccessPointPage(BasePage):
    """One place where people reach the office's services."""

    kind = models.CharField(_("kind"), max_length=30, choices=ACCESS_POINT_KINDS, default=OFFICE_COUNTER)
    address = models.TextField(
        _("address"),
        help_text=_("Building, street and kelurahan; the district and the city are added from the district."),
    )
    district = models.CharField(_("district (kecamatan)"), max_length=30, choices=DISTRICTS)
    latitude = _latitude()
    longitude = _longitude()
    opening_hours = opening_hours_field()
    activities = StreamField(
        [("item", blocks.CharBlock(label=_("Item"), max_length=200))],
        blank=True,
        verbose_name=_("what you can do there"),
        help_text=_("Short items, e.g. “Apply for a job-seeker card (AK/I)”."),
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("Step-free access, ramps, seating, toilets, help for visitors with disabilities."),
    )
    division = models.ForeignKey(
        Division,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="access_points",
        verbose_name=_("responsible division"),
    )

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("district")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("opening_hours"),
        FieldPanel("activities"),
        FieldPanel("phone"),
        FieldPanel("accessibility"),
        FieldPanel("division"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("address"),
        index.SearchField("activities"),
        index.FilterField("kind"),
        index.FilterField("district"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("kind_label"),
        APIField("district"),
        APIField("district_name"),
        APIField("address"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("opening_hours"),
        APIField("activities"),
        APIField("phone"),
        APIField("accessibility"),
        APIField("responsible_division"),
    ]
    parent_page_types = ["offices.AccessPointIndexPage"]
    subpage_types = []
    override_translatable_fields = [SynchronizedField("phone")]

    class Meta:
        verbose_name = _("access point")
        verbose_name_plural = _("access points")

    @property
    def address_line(self):
        """The address on one line, for cards."""
        return ", ".join(line.strip(" ,") for line in self.address.splitlines() if line.strip(" ,"))

    @property
    def district_name(self):
        return self.get_district_display()

    @property
    def responsible_division(self):
        """The division in this page's language when it is translated."""
        if self.division is None:
            return None
        return self.division.get_translation_or_none(self.locale) or self.division

    @property
    def hours_summary(self):
        return services.hours_summary(self.opening_hours)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["map_url"] = services.map_url(self.latitude, self.longitude)
        context["coordinates"] = services.coordinates_text(self.latitude, self.longitude)
        context["profile"] = services.profile_for(self.locale)
        return context

    def get_json_ld(self, request):
        office = SiteSettings.load(request_or_site=request)
        return super().get_json_ld(request) + [
            schema.access_point(self, url=self.get_full_url(request), office_name=office.office_name)
        ]
