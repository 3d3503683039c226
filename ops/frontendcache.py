"""The front-end cache: a CDN or caching proxy in front of the site (docs/scaling.md).

What it may keep. ``SharedCacheMiddleware`` adds ``public, s-maxage=FRONTEND_CACHE_SECONDS``
to a response only when all of these hold, and otherwise leaves the page cache's
``private, max-age=0``:

* the page cache (core.pagecache) stored or served it (``X-Page-Cache``): an anonymous GET
  of a public Wagtail page, answered 200, with no ``private``/``no-store`` of its own;
* it sets no cookie. A page with a form puts a CSRF token in the HTML and sets the CSRF
  cookie, so pages with forms, and every response to a visitor with a session (a
  logged-in editor, a flashed message), are never shared;
* the URL has no query string. Everything the CDN holds is then a page's own address (or
  one of its routes), which purging can name: a paginated or filtered listing
  (``?page=2``) is answered by the app and its page cache instead.

Browsers still get ``max-age=0``: they revalidate, the CDN answers.

What is purged. Wagtail's handlers purge a page when it is published or unpublished. The
page cache makes every page stale at once on any change; a CDN can only be told URLs, so
``urls_to_purge`` names what shows the page: the page and its translations (they link to
each other: language switcher, hreflang), and the ancestors of each (the news index, the
section, the home page, which list it), with their routes that take no argument (feeds,
"published" lists). A move purges the old address and the old parent's listings too.
Saving a snippet, a setting, an image or a document (menus, alert banners, footers: every
page) purges every live page, in the background and once for a burst of saves
(``schedule_purge_all``); CloudFront gets one ``/*`` invalidation instead, as it bills per
path. What changes with the clock alone shows within FRONTEND_CACHE_SECONDS, as with the
page cache.

With nothing configured (WAGTAILFRONTENDCACHE empty) none of this runs.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django_tasks import task

logger = logging.getLogger(__name__)

PAGE_CACHE_HEADER = "X-Page-Cache"
CLOUDFRONT = "wagtail.contrib.frontend_cache.backends.CloudfrontBackend"
#: Saves within this many seconds share one purge of every page (``schedule_purge_all``).
PURGE_ALL_WINDOW_SECONDS = 10
PURGE_ALL_PENDING_KEY = "frontendcache:purge-all-pending"


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def shared_seconds():
    return getattr(settings, "FRONTEND_CACHE_SECONDS", 0)


def shareable(request, response, query_string):
    """May a shared cache keep this response for every anonymous visitor? ``query_string``
    as the visitor sent it (the page cache rewrites request.META's)."""
    return (
        request.method in {"GET", "HEAD"}
        and response.status_code == 200
        and response.get(PAGE_CACHE_HEADER) in {"hit", "miss"}
        and not response.cookies
        and not query_string
        and "no-store" not in response.get("Cache-Control", "")
    )


class SharedCacheMiddleware:
    """Outside core.pagecache.PageCacheMiddleware, SessionMiddleware and CsrfViewMiddleware,
    so it sees every cookie they set, on a page-cache hit as on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        response = self.get_response(request)
        seconds = shared_seconds()
        if seconds > 0 and shareable(request, response, query_string):
            patch_cache_control(response, public=True, s_maxage=seconds)
        return response


# Purging


def _route_paths(page):
    """The routes of a RoutablePage that take no argument ("feed/rss/", "published/")."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    if not isinstance(page, RoutablePageMixin):
        return []
    paths = []
    for pattern in page.get_subpage_urls():
        if pattern.name and not pattern.pattern.regex.groups:
            path = page.reverse_subpage(pattern.name).lstrip("/")
            if path:
                paths.append(path)
    return paths


def _page_urls(page, cache_object):
    base = page.get_full_url(cache_object)
    if base is None:
        return []
    return [base + path.lstrip("/") for path in page.get_cached_paths()] + [
        base + path for path in _route_paths(page)
    ]


def pages_showing(page):
    """``page``, its live translations and the live ancestors of each, below the root."""
    from wagtail.models import Page

    pages = {}
    # The page itself even when no longer live: it has just been unpublished or moved.
    translations = [
        page,
        *Page.objects.filter(translation_key=page.translation_key).live().exclude(pk=page.pk),
    ]
    for translation in translations:
        pages.setdefault(translation.pk, translation)
        for ancestor in translation.get_ancestors().filter(depth__gt=1).live():
            pages.setdefault(ancestor.pk, ancestor)
    return [p.specific_deferred for p in pages.values()]


def urls_to_purge(pages, cache_object=None):
    cache_object = cache_object if cache_object is not None else type("Cache", (), {})()
    urls = set()
    for page in pages:
        urls.update(_page_urls(page, cache_object))
    return urls


def purge(urls):
    """Purge through Wagtail (a background task: the worker sends the requests)."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    if urls:
        purge_urls_from_cache(sorted(urls))


def purge_for_page(sender=None, instance=None, **kwargs):
    """page_published, page_unpublished: the page and what shows it."""
    if configured() and instance is not None:
        purge(urls_to_purge(pages_showing(instance)))


def purge_for_move(sender=None, instance=None, parent_page_before=None, url_path_before="", **kwargs):
    """post_page_move: the new place as on publishing, plus the old address and the old
    parent's listings (the pages that showed it there)."""
    if not configured() or instance is None:
        return
    pages = pages_showing(instance)
    if parent_page_before is not None:
        pages += pages_showing(parent_page_before)
    urls = urls_to_purge(pages)
    old = _old_url(instance, url_path_before)
    if old:
        urls.add(old)
    purge(urls)


def _old_url(page, url_path_before):
    """The page's full URL before the move: its URL now with the old path in place of the new."""
    url = page.get_full_url()
    now = page.url_path
    if not url or not url_path_before or url_path_before == now:
        return None
    common = 0
    while common < min(len(now), len(url_path_before)) and now[common] == url_path_before[common]:
        common += 1
    # Back to the last "/" both share: what follows differs between before and now.
    common = now.rfind("/", 0, common + 1) + 1
    new_tail = now[common:]
    if not url.endswith(new_tail):
        return None
    return url[: len(url) - len(new_tail)] + url_path_before[common:]


def _shows_on_every_page(instance):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, Page):
        return False
    return isinstance(
        instance, BaseGenericSetting | BaseSiteSetting | AbstractImage | AbstractDocument
    ) or type(instance) in set(get_snippet_models())


def purge_for_content(sender=None, instance=None, **kwargs):
    """A snippet, setting, image or document saved or deleted: every page may show it."""
    if configured() and instance is not None and _shows_on_every_page(instance):
        schedule_purge_all()


def schedule_purge_all():
    """One purge of every page, at the end of a short window: the saves made meanwhile (a
    bulk import, seed_demo, an editor saving a menu item by item) share it. Without the
    cache (Redis down) none is scheduled; pages then follow within FRONTEND_CACHE_SECONDS."""
    task = purge_all_pages
    if task.get_backend().supports_defer:
        if not cache.add(PURGE_ALL_PENDING_KEY, True, timeout=PURGE_ALL_WINDOW_SECONDS):
            return  # one is already waiting for the end of this window
        task = task.using(run_after=timezone.now() + timedelta(seconds=PURGE_ALL_WINDOW_SECONDS))
    task.enqueue()


def all_page_urls():
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gt=1).specific(defer=True).iterator()
    return urls_to_purge(pages)


def _site_wildcards():
    from wagtail.models import Site

    return {site.root_url.rstrip("/") + "/*" for site in Site.objects.all()}


@task()
def purge_all_pages():
    """Every live page from every configured cache (CloudFront: one ``/*`` per site)."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    urls = None
    for name, config in (getattr(settings, "WAGTAILFRONTENDCACHE", None) or {}).items():
        if config.get("BACKEND") == CLOUDFRONT:
            targets = _site_wildcards()
        else:
            urls = all_page_urls() if urls is None else urls
            targets = urls
        logger.info("Purging %d URLs from the front-end cache %s.", len(targets), name)
        purge_urls_from_cache_task.call(sorted(targets), backends=[name])


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(purge_for_page, dispatch_uid="frontendcache:published")
    page_unpublished.connect(purge_for_page, dispatch_uid="frontendcache:unpublished")
    post_page_move.connect(purge_for_move, dispatch_uid="frontendcache:moved")
    post_save.connect(purge_for_content, dispatch_uid="frontendcache:content-saved")
    post_delete.connect(purge_for_content, dispatch_uid="frontendcache:content-deleted")
