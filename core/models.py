"""Cross-cutting models: the base page, site settings, menus and alert banners."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin

WEEKDAYS = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class OpeningHoursBlock(blocks.StructBlock):
    """A run of days with the same hours; day names come from gettext, so
    one set of hours serves both languages."""

    first_day = blocks.ChoiceBlock(choices=WEEKDAYS, label=_("From"))
    last_day = blocks.ChoiceBlock(choices=WEEKDAYS, label=_("To"))
    opens = blocks.TimeBlock(label=_("Opens"))
    closes = blocks.TimeBlock(label=_("Closes"))

    class Meta:
        icon = "time"
        label = _("Opening hours")
        template = "core/blocks/opening_hours.html"


def opening_hours_field(**kwargs):
    return StreamField(
        [("hours", OpeningHoursBlock())], blank=True, verbose_name=_("opening hours"), **kwargs
    )


class BasePage(Page):
    """Every page type extends this: breadcrumbs, social sharing, JSON-LD and
    "last updated" live here once."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("social sharing image"),
        help_text=_("Shown when the page is shared; 1200×630 works best."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("social_image")]

    #: Content pages show when they were last changed; listings and forms do not.
    show_last_updated = True
    #: The Open Graph type; articles (news) say "article".
    og_type = "website"

    class Meta:
        abstract = True

    @classmethod
    def get_indexed_objects(cls):
        """Only what the public may read goes into the search index: never a
        draft that was not published, nor a page behind a view restriction.
        (search.indexing takes pages out when they are unpublished or restricted.)"""
        return super().get_indexed_objects().live().public()

    def get_view_restrictions(self):
        """Wagtail's, remembered per cache generation for pages that have none
        (core.routing): the check before every page view then costs no query."""
        from core import routing  # it imports Wagtail's views, which need the models loaded

        return routing.view_restrictions(self, super().get_view_restrictions)

    def get_breadcrumbs(self):
        """Live, public ancestors from the home page down, this page excluded."""
        return self.get_ancestors().filter(depth__gt=1).live().public().specific()

    def get_json_ld(self, request):
        """A list of schema.org objects for this page; page types add theirs."""
        crumbs = list(self.get_breadcrumbs()) + [self]
        return [
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": crumb.title,
                        "item": crumb.get_full_url(request),
                    }
                    for position, crumb in enumerate(crumbs, start=1)
                ],
            }
        ]


@register_setting(icon="site")
class SiteSettings(BaseGenericSetting):
    """Facts about the office that do not change with the language."""

    office_name = models.CharField(
        _("office name"), max_length=200, default="Dinas Tenaga Kerja Kota Palembang"
    )
    # The letterhead (kop surat) and signature block of printed reports.
    government_name = models.CharField(
        _("government name"),
        max_length=200,
        default="Pemerintah Kota Palembang",
        help_text=_("The first line of the letterhead on printed reports."),
    )
    head_of_office_name = models.CharField(_("head of office: name"), max_length=200, blank=True)
    head_of_office_title = models.CharField(
        _("head of office: title"), max_length=200, default="Kepala Dinas Tenaga Kerja Kota Palembang"
    )
    head_of_office_nip = models.CharField(
        _("head of office: NIP"), max_length=30, blank=True, help_text=_("Civil servant number (NIP).")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    opening_hours = opening_hours_field()
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    lapor_url = models.URLField(
        _("SP4N-LAPOR! address"),
        blank=True,
        default="https://www.lapor.go.id/",
        help_text=_("The national complaint system."),
    )
    complaint_email = models.EmailField(_("complaints e-mail"), blank=True)
    complaint_phone = models.CharField(_("complaints telephone or SMS"), max_length=40, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
        help_text=_("The page every public form links to when it asks for consent."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("government_name"), FieldPanel("office_name"), FieldPanel("logo")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("head_of_office_name"),
                FieldPanel("head_of_office_title"),
                FieldPanel("head_of_office_nip"),
            ],
            heading=_("Signature on reports"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp"), FieldPanel("email")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("lapor_url"), FieldPanel("complaint_email"), FieldPanel("complaint_phone")],
            heading=_("Complaint channels"),
        ),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        candidates = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
        ]
        return [(name, url) for name, url in candidates if url]


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """An editor-managed list of links, one per slot and language."""

    MAIN = "main"
    FOOTER = "footer"
    SLOTS = [(MAIN, _("Main navigation")), (FOOTER, _("Footer links"))]

    slot = models.CharField(_("place"), max_length=20, choices=SLOTS, default=MAIN)

    panels = [FieldPanel("slot"), InlinePanel("items", label=_("Links"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        constraints = [
            models.UniqueConstraint(fields=["slot", "locale"], name="one_menu_per_slot_and_locale")
        ]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale})"

    def visible_items(self):
        """Links to drafts, private or deleted pages are dropped, never shown."""
        items = list(self.items.all())
        page_ids = [item.link_page_id for item in items if item.link_page_id]
        shown = {page.pk: page for page in Page.objects.filter(pk__in=page_ids).live().public()}
        links = []
        for item in items:
            if item.link_page_id in shown:
                page = shown[item.link_page_id]
                links.append({"label": item.label or page.title, "url": page.url, "page": page})
            elif not item.link_page_id and item.link_url:
                links.append({"label": item.label or item.link_url, "url": item.link_url, "page": None})
        return links


class NavigationMenuItem(Orderable):
    menu = ParentalKey(NavigationMenu, on_delete=models.CASCADE, related_name="items")
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    link_url = models.URLField(_("or address"), blank=True)
    label = models.CharField(
        _("label"), max_length=80, blank=True, help_text=_("Defaults to the page title.")
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("label")]


class AlertBannerQuerySet(models.QuerySet):
    def active(self, now=None):
        now = now or timezone.now()
        return self.filter(starts_at__lte=now).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def for_page(self, page, locale=None):
        """Banners for the whole site, or for a section this page sits in.

        Sections are matched by translation key, so a banner set on the
        Indonesian section also shows on its English translation.
        """
        locale = locale or Locale.get_active()
        qs = self.active().filter(locale=locale)
        if page is None:
            return qs.filter(section__isnull=True)
        keys = page.get_ancestors(inclusive=True).values_list("translation_key", flat=True)
        return qs.filter(Q(section__isnull=True) | Q(section__translation_key__in=keys))


class AlertBanner(TranslatableMixin, models.Model):
    URGENT = "urgent"
    WARNING = "warning"
    ANNOUNCEMENT = "announcement"
    SEVERITIES = [(URGENT, _("Urgent")), (WARNING, _("Warning")), (ANNOUNCEMENT, _("Announcement"))]

    message = models.CharField(_("message"), max_length=300)
    severity = models.CharField(_("severity"), max_length=20, choices=SEVERITIES, default=ANNOUNCEMENT)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("more information"),
    )
    starts_at = models.DateTimeField(_("show from"), default=timezone.now)
    ends_at = models.DateTimeField(_("show until"), null=True, blank=True)
    section = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("section"),
        help_text=_("Leave empty to show on every page."),
    )

    objects = AlertBannerQuerySet.as_manager()

    panels = [
        FieldPanel("message"),
        FieldPanel("severity"),
        FieldPanel("link_page"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldPanel("section"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("alert banner")
        verbose_name_plural = _("alert banners")
        ordering = ["-starts_at"]

    def __str__(self):
        return self.message

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})

    @property
    def role(self):
        """Urgent banners interrupt screen readers; the others wait their turn."""
        return "alert" if self.severity == self.URGENT else "status"


class ReferenceCounter(models.Model):
    """The last reference number given per prefix and year (core.references)."""

    prefix = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="reference_counter_unique")]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last}"


class PublicHoliday(models.Model):
    """A public holiday or collective leave day (cuti bersama): no working day
    for response deadlines (core.workingdays)."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    panels = [FieldPanel("date"), FieldPanel("name")]

    class Meta:
        ordering = ["date"]
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"
