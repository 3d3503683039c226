"""Whole-page cache for anonymous visitors (the cache of CACHES["default"]:
Redis when REDIS_URL is set, process memory otherwise).

What is cached: the rendered HTML of a Wagtail page (and its RoutablePage
sub-pages) answered 200 to an anonymous GET, keyed by host, path and query.
Never cached: logged-in users, previews, private pages, responses that set a
cookie of their own or say ``private``/``no-store``, POSTs.

Forms on cached pages keep working: before the HTML is stored, each
per-visitor value in it (the CSRF token and the signed start time of public
forms) is replaced by a placeholder, and every visitor gets fresh values put
back in. So CSRF protection stays on and the minimum-time check still times
this visitor, not the first one.

Invalidation is by generation: publishing, unpublishing, moving or deleting a
page, and saving any snippet, setting, image, document or model registered
with ``invalidate_on`` bumps one counter that is part of every key, so no
listing, menu or home-page block can show something stale. Cheap to do,
impossible to get wrong; publishing is rare compared with reading.
"""

import re
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.middleware.csrf import get_token
from django.utils.cache import patch_cache_control

GENERATION_KEY = "pagecache:generation"
CSRF_PLACEHOLDER = "__PAGECACHE_CSRF__"
STARTED_PLACEHOLDER = "__PAGECACHE_STARTED__"
_CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_STARTED_VALUE = re.compile(r'(name="started" value=")[^"]*(")')
#: Cookies a cacheable response may set: only the CSRF cookie, which every
#: visitor gets for themselves when the cached page is served.
_ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME}


def seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def generation():
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = int(time.time() * 1000)
        cache.add(GENERATION_KEY, value, timeout=None)
        value = cache.get(GENERATION_KEY, value)
    return value


def invalidate(**kwargs):
    """Make every cached page stale at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, int(time.time() * 1000), timeout=None)


def invalidate_on(model):
    """Pages show this model's records (e.g. approved comments): saving or
    deleting one makes cached pages stale."""
    uid = f"pagecache:{model._meta.label_lower}"
    post_save.connect(invalidate, sender=model, dispatch_uid=uid + ":save", weak=False)
    post_delete.connect(invalidate, sender=model, dispatch_uid=uid + ":delete", weak=False)


def cache_key(request):
    return f"pagecache:{generation()}:{request.get_host()}:{request.get_full_path()}"


def may_serve_cached(request):
    """Anonymous visitors without a session: someone with a session may see
    something of their own (a flashed message, a tracked application)."""
    return (
        seconds() > 0
        and request.method in {"GET", "HEAD"}
        and not getattr(request, "is_preview", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not request.user.is_authenticated
    )


def mark_cacheable(page, request, *args, **kwargs):
    """Wagtail's before_serve_page hook: this page's response may be stored."""
    if may_serve_cached(request) and not page.get_view_restrictions().exists():
        request._pagecache_cacheable = True


def _storable(request, response):
    if not getattr(request, "_pagecache_cacheable", False) or response.status_code != 200:
        return False
    if response.streaming or response.get("Content-Type", "").split(";")[0] != "text/html":
        return False
    control = response.get("Cache-Control", "")
    if "private" in control or "no-store" in control:
        return False
    return set(response.cookies) <= _ALLOWED_COOKIES


def _punch_holes(html):
    html = _CSRF_VALUE.sub(rf"\g<1>{CSRF_PLACEHOLDER}\g<2>", html)
    return _STARTED_VALUE.sub(rf"\g<1>{STARTED_PLACEHOLDER}\g<2>", html)


def _fill_holes(request, html):
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    if STARTED_PLACEHOLDER in html:
        from .publicforms import _SIGNER_SALT

        html = html.replace(STARTED_PLACEHOLDER, signing.dumps(time.time(), salt=_SIGNER_SALT))
    return html


class PageCacheMiddleware:
    """After authentication and locale; GZip (outside it) compresses what it returns."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponse

        if may_serve_cached(request):
            stored = cache.get(cache_key(request))
            if stored is not None:
                html, headers = stored
                response = HttpResponse(_fill_holes(request, html))
                for name, value in headers:
                    response[name] = value
                response["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        storable = _storable(request, response)
        if getattr(request, "_pagecache_cacheable", False):
            # Browsers and shared caches revalidate: the HTML holds per-visitor tokens.
            patch_cache_control(response, private=True, max_age=0)
        if storable:
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() in {"content-type", "vary", "cache-control", "link"}
            ]
            html = response.content.decode(response.charset)
            cache.set(cache_key(request), (_punch_holes(html), headers), timeout=seconds())
            response["X-Page-Cache"] = "miss"
        return response


def _shows_on_pages(instance):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page
    from wagtail.snippets.models import get_snippet_models

    if isinstance(instance, Page):
        return False  # pages invalidate through their publishing signals
    return isinstance(
        instance, BaseGenericSetting | BaseSiteSetting | AbstractImage | AbstractDocument
    ) or type(instance) in set(get_snippet_models())


def _invalidate_if_shown(sender, instance, **kwargs):
    if seconds() > 0 and _shows_on_pages(instance):
        invalidate()


def _invalidate_for_page(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        invalidate()


def connect_signals():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    page_published.connect(invalidate, dispatch_uid="pagecache:published")
    page_unpublished.connect(invalidate, dispatch_uid="pagecache:unpublished")
    post_page_move.connect(invalidate, dispatch_uid="pagecache:moved")
    post_delete.connect(_invalidate_for_page, dispatch_uid="pagecache:page-deleted")
    post_save.connect(_invalidate_if_shown, dispatch_uid="pagecache:content-saved")
    post_delete.connect(_invalidate_if_shown, dispatch_uid="pagecache:content-deleted")
