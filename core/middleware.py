"""Django's LocaleMiddleware, minus its redirect of every 404 to /id/….

Django answers a 404 outside the language prefixes with a redirect to the same
path under the visitor's language whenever ``is_valid_path`` accepts that path.
Wagtail's catch-all page route accepts any /id/…/ path, so a missing API item,
an unknown back-end callback or a mistyped admin URL became a 302 to a second
404. Here the redirect happens only when the prefixed path leads somewhere: to
a page that exists, or to another language-prefixed view; never for a path
under a root prefix mounted without a language (/admin/, /api/v2/, /services/…).
"""

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import Resolver404, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Site


class LocaleMiddleware(DjangoLocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and self._keeps_not_found(request):
            # What Django does to a response it does not redirect.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)

    def _keeps_not_found(self, request):
        if translation.get_language_from_path(request.path_info):
            return False  # Django never redirects these.
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        if _resolves(request.path_info, urlconf) or _under_unprefixed_mount(request.path_info, urlconf):
            # The view itself answered 404, or the path is in a machine or admin area.
            return True
        language_path = f"/{translation.get_language()}{request.path_info}"
        match = _resolves(language_path, urlconf)
        if match is None and settings.APPEND_SLASH and not language_path.endswith("/"):
            match = _resolves(language_path + "/", urlconf)
        if match is None or match.url_name != "wagtail_serve":
            return False  # Django decides, as for any other view.
        return not _page_exists(request, match.args[0] if match.args else match.kwargs.get("path", ""))


def _resolves(path, urlconf):
    try:
        return resolve(path, urlconf)
    except Resolver404:
        return None


def _under_unprefixed_mount(path_info, urlconf):
    return _prefix_matches(get_resolver(urlconf).url_patterns, path_info.lstrip("/"))


def _prefix_matches(patterns, path):
    for pattern in patterns:
        if not isinstance(pattern, URLResolver) or isinstance(pattern.pattern, LocalePrefixPattern):
            continue
        if str(pattern.pattern):
            if pattern.pattern.match(path):
                return True
        elif _prefix_matches(pattern.url_patterns, path):  # path("", include(...))
            return True
    return False


def _page_exists(request, page_path):
    """Whether a live page of the current site and language answers ``page_path``
    (Wagtail's own routing, without caching the result on the request)."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    try:
        site.root_page.localized.specific.route(request, [part for part in page_path.split("/") if part])
    except Http404:
        return False
    return True
