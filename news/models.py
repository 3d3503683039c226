from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import BodyBlock
from core.models import BasePage


class NewsPageQuerySet(PageQuerySet):
    def latest_for(self, locale):
        """Live, public news of one language, newest first."""
        return self.live().public().filter(locale=locale).order_by("-date", "-pk")


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(BasePage):
    intro = models.CharField(_("introduction"), max_length=300, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    subpage_types = ["news.NewsPage"]
    show_last_updated = False

    class Meta:
        verbose_name = _("news index")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(BasePage):
    NEWS = "news"
    ANNOUNCEMENT = "announcement"
    KINDS = [(NEWS, _("News")), (ANNOUNCEMENT, _("Announcement"))]

    kind = models.CharField(_("kind"), max_length=20, choices=KINDS, default=NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.CharField(_("summary"), max_length=300, help_text=_("Shown in listings and feeds."))
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("topics"))

    objects = NewsPageManager()

    content_panels = BasePage.content_panels + [
        FieldPanel("kind"),
        FieldPanel("date"),
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
