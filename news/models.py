"""News, announcements and events: pages, listings and feeds.

The page models stay thin; what the listings show and how the feeds are built
lives in ``news.services``, ``news.feeds`` and ``news.ical``.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core import fragments
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import BasePage
from core.pagination import paginate

from . import services
from .feeds import NewsAtomFeed, NewsRssFeed
from .forms import NewsFilterForm
from .ical import calendar_for_index

NEWS_PER_PAGE = 10
PAST_EVENTS_PER_PAGE = 10


class NewsPageQuerySet(PageQuerySet):
    def latest_for(self, locale):
        """Live, public news of one language, newest first."""
        return self.live().public().filter(locale=locale).order_by("-date", "-pk")


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news and announcements of one language, with its RSS and Atom feeds."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["news.NewsPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("news index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: the template reads the listing inside a fragment (core.fragments), so
        # a listing already rendered for these filters costs no query.
        context.update(
            fragments.lazy_items(
                lambda: self.listing(request),
                ("news_page", "filters", "filter_form", "active_topic", "pagination_query"),
            ),
            feeds=self.feed_links(request),
        )
        return context

    def listing(self, request):
        """The filtered, paginated news of this index for ``request.GET``, with its form."""
        items = services.news_for_index(self)
        topics = services.topics_of(items)
        filters = services.parse_news_filters(request.GET, topics)
        return {
            "news_page": paginate(request, services.filter_news(items, **filters), NEWS_PER_PAGE),
            "filters": filters,
            "filter_form": NewsFilterForm(topics=topics, initial=filters),
            "active_topic": next((topic for topic in topics if topic.slug == filters["tag"]), None),
            "pagination_query": services.filter_query(filters),
        }

    def feed_links(self, request=None):
        """Absolute addresses of this index's feeds, for <link rel="alternate"> and the page."""
        base = self.get_full_url(request)
        if not base:
            return {}
        return {
            "rss": base + self.reverse_subpage("rss_feed"),
            "atom": base + self.reverse_subpage("atom_feed"),
        }

    @path("feed/rss/", name="rss_feed")
    def rss_feed(self, request):
        return NewsRssFeed()(request, index=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return NewsAtomFeed()(request, index=self)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(BasePage):
    NEWS = "news"
    ANNOUNCEMENT = "announcement"
    KINDS = [(NEWS, _("News")), (ANNOUNCEMENT, _("Announcement"))]
    og_type = "article"

    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("Shown in listings and feeds."))
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("topics"))

    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("summary"),
        APIField("body"),
        APIField("tags"),
    ]
    objects = NewsPageManager()

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item or announcement")
        verbose_name_plural = _("news items and announcements")

    @property
    def tag_kind(self):
        """Colour of the status tag in listings."""
        return "yellow" if self.kind == self.ANNOUNCEMENT else "blue"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        context["index_page"] = index_page
        # Through the cluster, so a preview shows unsaved topics too.
        context["topics"] = sorted(self.tags.all(), key=lambda tag: tag.name.lower())
        if isinstance(index_page, NewsIndexPage):
            context["feeds"] = index_page.feed_links(request)
        return context

    def get_json_ld(self, request):
        return super().get_json_ld(request) + [services.news_article_json_ld(self, request)]


class EventIndexPage(RoutablePageMixin, BasePage):
    """Upcoming and past events of one language, with an iCalendar feed."""

    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    subpage_types = ["news.EventPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("events index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        events = services.events_for_index(self)
        # Upcoming events are few and all shown; only the archive is paginated.
        context.update(
            upcoming_events=services.upcoming_events(events, now),
            past_events=paginate(request, services.past_events(events, now), PAST_EVENTS_PER_PAGE),
            ical_url=self.ical_url(request),
        )
        return context

    def ical_url(self, request=None):
        base = self.get_full_url(request)
        return base + self.reverse_subpage("ical_feed") if base else ""

    @path("feed/ical/", name="ical_feed")
    def ical_feed(self, request):
        response = HttpResponse(
            calendar_for_index(self, now=timezone.now()), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="{self.slug}.ics"'
        return response


class EventPage(BasePage):
    JOB_FAIR = "job_fair"
    TRAINING_INTAKE = "training_intake"
    INFORMATION_SESSION = "information_session"
    OTHER = "other"
    KINDS = [
        (JOB_FAIR, _("Job fair")),
        (TRAINING_INTAKE, _("Training intake")),
        (INFORMATION_SESSION, _("Information session")),
        (OTHER, _("Other event")),
    ]
    TAG_KINDS = {JOB_FAIR: "green", TRAINING_INTAKE: "blue", INFORMATION_SESSION: "yellow", OTHER: "grey"}

    kind = models.CharField(_("kind"), max_length=30, choices=KINDS, default=OTHER)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    location_name = models.CharField(
        _("place"), max_length=200, help_text=_("For example: Gedung Serbaguna Disnaker.")
    )
    address = models.TextField(_("address"), blank=True)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("Shown in listings and calendars."))
    audience = models.TextField(
        _("who it is for"), blank=True, help_text=_("For example: job seekers holding a job-seeker card.")
    )
    how_to_register = RichTextField(_("how to register"), features=RICH_TEXT_FEATURES, blank=True)
    registration_url = models.URLField(
        _("registration address"), blank=True, help_text=_("Where people register online, if they can.")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        MultiFieldPanel([FieldPanel("location_name"), FieldPanel("address")], heading=_("Where")),
        FieldPanel("summary"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("how_to_register"), FieldPanel("registration_url")], heading=_("Registration")
        ),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("location_name"),
        index.SearchField("audience"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("location_name"),
        APIField("address"),
        APIField("summary"),
        APIField("audience"),
        APIField("how_to_register"),
        APIField("registration_url"),
        APIField("body"),
    ]
    parent_page_types = ["news.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def tag_kind(self):
        return self.TAG_KINDS.get(self.kind, "grey")

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def registration_host(self):
        """The site people register on, named before they leave this one."""
        return urlsplit(self.registration_url).hostname or ""

    @property
    def is_single_day(self):
        return timezone.localdate(self.start) == timezone.localdate(self.end)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        index_page = self.get_parent().specific
        if isinstance(index_page, EventIndexPage):
            context["ical_url"] = index_page.ical_url(request)
        return context

    def get_json_ld(self, request):
        return super().get_json_ld(request) + [services.event_json_ld(self, request)]
