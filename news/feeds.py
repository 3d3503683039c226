"""RSS 2.0 and Atom feeds of one news index, through Django's syndication framework.

A feed lists the live, public items of its index's language only. The news
index page serves them at ``feed/rss/`` and ``feed/atom/``; a new feed object
is made per request, so per-request state on it is safe.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from core.models import SiteSettings

from . import services

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index):
        office = SiteSettings.load(request_or_site=self.request)
        return f"{index.title} | {office.office_name}"

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.intro or index.title

    def items(self, index):
        return services.with_topics(services.news_for_index(index))[:FEED_LENGTH]

    def item_title(self, item):
        # Django's default: readers treat RSS titles as HTML, so they are escaped once more.
        return escape(item.title)

    def item_description(self, item):
        return escape(item.summary)

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
