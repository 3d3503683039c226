from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import BasePage

from .blocks import FeaturedLinkBlock


class HomePage(BasePage):
    intro = RichTextField(_("welcome message"), features=RICH_TEXT_FEATURES, blank=True)
    featured_links = StreamField(
        [("link", FeaturedLinkBlock())],
        blank=True,
        verbose_name=_("featured services and links"),
    )
    news_count = models.PositiveSmallIntegerField(_("number of latest news items"), default=4)

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("featured_links"),
        FieldPanel("news_count"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    max_count_per_parent = 1
    show_last_updated = False

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        # Lazy: read inside the home page's fragment (core.fragments); building the
        # query alone costs two (the locale, the view restrictions).
        context["latest_news"] = SimpleLazyObject(
            lambda: list(NewsPage.objects.latest_for(self.locale)[: self.news_count])
        )
        return context

    def get_json_ld(self, request):
        from core.models import SiteSettings

        office = SiteSettings.load(request_or_site=request)
        organization = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": office.office_name,
            "url": self.get_full_url(request),
        }
        if office.address:
            organization["address"] = office.address
        if office.phone:
            organization["telephone"] = office.phone
        if office.email:
            organization["email"] = office.email
        return [organization]


class StandardPage(BasePage):
    """Information pages and guides."""

    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One or two sentences, shown in listings.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.get_children().live().public().specific()
        return context
