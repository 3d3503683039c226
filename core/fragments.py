"""Fragments every page shows (header, menus, language links, alerts, footer),
rendered once per page, language and cache generation instead of on every
uncached view.

The page cache (``core.pagecache``) serves whole pages to anonymous visitors;
these fragments also speed up what it cannot serve: editors, visitors with a
session, pages past their cache lifetime, and the first view after a publish.
They are stored under the page cache's generation, so whatever makes cached
pages stale (publishing, moving, a snippet or setting saved) makes them stale
too. ``FRAGMENT_CACHE_SECONDS = 0`` turns them off (the test settings do).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from wagtail.models import Page

from core import pagecache

#: Where a form's CSRF token was in a stored fragment (fragment_tags puts each
#: visitor's own back); HTML never holds a NUL byte.
CSRF_MARK = "\x00csrf\x00"


def seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def cache_key(name, request, page=None, per_page=True, vary_on=()):
    """The key of fragment ``name`` for this request, or None when it must be
    rendered fresh: caching is off, the request is a preview (the page in
    hand may be an unsaved draft), or ``page`` is something other than a
    saved Wagtail page. With ``per_page``, views that are not pages (no
    ``page``) share one copy. ``vary_on``: further values the fragment
    depends on (a path, a page number), one copy per combination; a view that
    is not a page, or a value of None, renders the fragment fresh."""
    if seconds() <= 0 or request is None or getattr(request, "is_preview", False):
        return None
    parts = ["fragment", name, str(pagecache.generation()), get_language() or "", request.get_host()]
    if per_page:
        if page is None:
            if vary_on:
                # Values of views that are not pages (paths of 404s, queries) are unbounded.
                return None
            parts.append("-")
        elif isinstance(page, Page) and page.pk is not None:
            parts.append(str(page.pk))
        else:
            return None
    if any(value is None for value in vary_on):
        return None
    if vary_on:
        joined = "\x1f".join(str(value) for value in vary_on)
        parts.append(hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest())
    return ":".join(parts)


def lazy_items(compute, names):
    """Context entries ``names`` of the dict ``compute()`` returns, computed on the
    first read of any of them: a template that finds its fragment kept reads none."""
    values = SimpleLazyObject(compute)
    return {name: SimpleLazyObject(lambda name=name: values[name]) for name in names}


def get_or_render(key, render):
    """The cached value under ``key`` (HTML, or any picklable value), else
    ``render()``'s, stored."""
    if key is None:
        return render()
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, seconds())
    return html


def expand_richtext(html):
    """Wagtail's ``expand_db_html`` (links to pages and documents resolved to
    URLs in the current language), kept per text, language and generation:
    a page of FAQ answers otherwise costs a few queries per answer that
    links to a page."""
    from wagtail.rich_text import expand_db_html

    if not html:
        return ""
    if seconds() <= 0:
        return expand_db_html(html)
    digest = hashlib.sha1(html.encode(), usedforsecurity=False).hexdigest()
    key = f"fragment:richtext:{pagecache.generation()}:{get_language() or ''}:{digest}"
    return get_or_render(key, lambda: expand_db_html(html))
