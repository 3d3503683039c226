"""What the news and event listings show, and their schema.org data.

Plain functions over querysets and pages; every listing starts from live,
public pages of one language.
"""

from django.db.models import Prefetch
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag

ATTENDANCE_OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
EVENT_SCHEDULED = "https://schema.org/EventScheduled"


def news_for_index(index_page):
    """Live, public news items under ``index_page``, in its language, newest first."""
    from .models import NewsPage

    return NewsPage.objects.latest_for(index_page.locale).child_of(index_page)


def with_topics(items):
    """``items`` with their tags fetched in one query (feeds show them as categories)."""
    from .models import NewsPageTag

    return items.prefetch_related(
        Prefetch("tagged_items", queryset=NewsPageTag.objects.select_related("tag").order_by("tag__name"))
    )


def topics_of(items):
    """The topics used by ``items``, by name: the choices of the topic filter."""
    return list(
        Tag.objects.filter(news_newspagetag_items__content_object__in=items).distinct().order_by("name")
    )


def parse_news_filters(params, topics):
    """The kind and topic asked for in ``params``; unknown values become "" (no filter)."""
    from .models import NewsPage

    kind = params.get("kind", "")
    tag = params.get("tag", "")
    return {
        "kind": kind if kind in dict(NewsPage.KINDS) else "",
        "tag": tag if any(topic.slug == tag for topic in topics) else "",
    }


def filter_query(filters):
    """The filters in force as a query, for the pagination links."""
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in filters.items() if value})
    return query


def filter_news(items, kind="", tag=""):
    if kind:
        items = items.filter(kind=kind)
    if tag:
        items = items.filter(tagged_items__tag__slug=tag)
    return items


def events_for_index(index_page):
    """Live, public events under ``index_page``, in its language."""
    from .models import EventPage

    return EventPage.objects.live().public().filter(locale=index_page.locale).child_of(index_page)


def upcoming_events(events, now):
    """Events that have not ended at ``now`` (still running counts), soonest first."""
    return events.filter(end__gte=now).order_by("start", "pk")


def past_events(events, now):
    """Events that ended before ``now``, most recent first."""
    return events.filter(end__lt=now).order_by("-start", "-pk")


def social_image_url(page):
    if not page.social_image_id:
        return None
    return page.social_image.get_rendition("fill-1200x630|format-jpeg").full_url


def publisher_json_ld(request, page):
    from core.models import SiteSettings

    office = SiteSettings.load(request_or_site=request)
    home = page.get_ancestors().filter(depth=2).first()
    publisher = {"@type": "GovernmentOrganization", "name": office.office_name}
    if home is not None:
        publisher["url"] = home.get_full_url(request)
    return publisher


def news_article_json_ld(page, request):
    modified = page.last_published_at or page.latest_revision_created_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.summary,
        "datePublished": page.date.isoformat(),
        "dateModified": timezone.localtime(modified).isoformat() if modified else page.date.isoformat(),
        "inLanguage": page.locale.language_code,
        "publisher": publisher_json_ld(request, page),
        "mainEntityOfPage": page.get_full_url(request),
    }
    image = social_image_url(page)
    if image:
        data["image"] = [image]
    keywords = [tag.name for tag in page.tags.all()]
    if keywords:
        data["keywords"] = keywords
    return data


def event_json_ld(page, request):
    location = {"@type": "Place", "name": page.location_name}
    if page.address:
        location["address"] = {
            "@type": "PostalAddress",
            "streetAddress": ", ".join(line.strip() for line in page.address.splitlines() if line.strip()),
            "addressCountry": "ID",
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": EVENT_SCHEDULED,
        "eventAttendanceMode": ATTENDANCE_OFFLINE,
        "location": location,
        "organizer": publisher_json_ld(request, page),
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
    }
    image = social_image_url(page)
    if image:
        data["image"] = [image]
    if page.audience:
        data["audience"] = {"@type": "Audience", "audienceType": " ".join(page.audience.split())}
    return data
