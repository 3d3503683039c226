"""Wagtail's site lookup and page routing, remembered per process and cache generation.

For every page view Wagtail finds the site by host name (one query), then walks the
page tree from the site's root to the page, one or two queries per level: six to
eight queries before the page does anything, a third of the time of a page whose
fragments are cached (``core.fragments``). What they find only changes when a page
is published, unpublished, moved or deleted, or a site or locale is saved, and each
of these starts a new cache generation (``core.pagecache``). So each process keeps
the site of each host and the page each path ended on, for the current generation
only, and a view of a path it has seen costs one query: the page itself, whose own
``route`` then checks that it is live and resolves any sub-path (``RoutablePageMixin``).

Wagtail then asks every page for its view restrictions (two queries: the page and
its ancestors, then their restrictions). Saving or deleting a restriction also
starts a new generation, so the pages found to have none are remembered too
(``view_restrictions``); a page that has some is asked every time, and whether a
visitor passes one (password, signed in, group) is always decided per request.

It follows ``FRAGMENT_CACHE_SECONDS``: off (0, the test settings) means Wagtail's own
lookups on every request.
"""

import pickle
import threading
from collections import OrderedDict

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from core import fragments, pagecache

#: Paths remembered per process. A routable page accepts sub-paths with any slug
#: (e.g. /tanya-jawab/q/<slug>/), so the number of paths is bounded here.
MAX_ROUTES = 5000


class _Generation:
    """What one cache generation found: the site of each host, the route of each path."""

    def __init__(self, generation):
        self.generation = generation
        self.sites = {}
        self.routes = OrderedDict()
        #: Pages with no view restriction on them or an ancestor (bounded by the pages).
        self.unrestricted = set()
        self._lock = threading.Lock()

    def remember_route(self, key, value):
        with self._lock:
            self.routes[key] = value
            while len(self.routes) > MAX_ROUTES:
                self.routes.popitem(last=False)


class _Memo:
    """The values of the current generation; a new generation starts empty.

    ``current`` hands out the generation's own store, not the memo: a thread that
    looked something up while another thread moved on to a newer generation writes
    what it found (perhaps already stale) into the store of the generation it
    started with, never into the newer one.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._held = _Generation(None)

    def current(self, generation):
        held = self._held
        if held.generation != generation:
            with self._lock:
                if self._held.generation != generation:
                    self._held = _Generation(generation)
                held = self._held
        return held


_memo = _Memo()


def forget():
    """Drop everything remembered (tests start each from an empty process state)."""
    global _memo
    _memo = _Memo()


def enabled():
    return fragments.seconds() > 0


def find_site(request):
    """``Site.find_for_request``, remembered per host and port."""
    hostname = split_domain_port(request._get_raw_host())[0]
    key = (hostname, request.get_port())
    memo = _memo.current(pagecache.generation())
    if key not in memo.sites:
        try:
            memo.sites[key] = pickle.dumps(get_site_for_hostname(*key))  # with its root page
        except Site.DoesNotExist:
            memo.sites[key] = None
    stored = memo.sites[key]
    # A copy per request: the root page and what it caches are the request's own, never
    # an object that threads of other requests render at the same time.
    return None if stored is None else pickle.loads(stored)  # noqa: S301 - our own bytes


def _route_key(site, path):
    return (site.pk, get_language(), path)


def remembered_route(request, site, path):
    """The route of ``path`` from the page it ended on last time, or None."""
    found = _memo.current(pagecache.generation()).routes.get(_route_key(site, path))
    if found is None:
        return None
    model_label, pk, depth_below_root = found
    components = [component for component in path.split("/") if component]
    try:
        page = apps.get_model(model_label)._default_manager.get(pk=pk)
        return page.route(request, components[depth_below_root:])
    except (LookupError, ObjectDoesNotExist, Http404):
        return None


def remember_route(site, path, route):
    """Keep which page ``path`` ended on, and how deep below the site's root it is."""
    page = route[0]
    _memo.current(pagecache.generation()).remember_route(
        _route_key(site, path), (page._meta.label, page.pk, page.depth - site.root_page.depth)
    )


def view_restrictions(page, query):
    """``page.get_view_restrictions()``: ``query()``, or none at all without a query when
    this generation already found that the page has none."""
    if not enabled() or page.pk is None:
        return query()
    memo = _memo.current(pagecache.generation())
    if page.pk in memo.unrestricted:
        return PageViewRestriction.objects.none()
    restrictions = query()
    if not restrictions:  # evaluated once; a caller iterating it reads the same rows
        memo.unrestricted.add(page.pk)
    return restrictions


class RoutingMemoMiddleware(MiddlewareMixin):
    """Gives Wagtail the remembered site and route before its page view runs, and
    remembers the route Wagtail found otherwise. Last in MIDDLEWARE: the language
    (part of the key) must be active."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Page views only: /healthz and the like must answer without the database.
        if view_func is not wagtail_views.serve or not enabled():
            return
        site = request._wagtail_site = find_site(request)
        if site is None:
            return
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        route = remembered_route(request, site, path)
        if route is not None:
            request._wagtail_route_for_request = route  # what Page.route_for_request reads
            return
        route = Page.route_for_request(request, path)
        if route is not None:
            remember_route(site, path, route)
