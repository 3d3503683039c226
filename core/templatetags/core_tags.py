"""Template tags for the site-wide pieces every page shows."""

import json

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from core import fragments
from core.models import AlertBanner, NavigationMenu, SiteSettings

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _localized_home(request):
    root = _site_root(request)
    if root is None:
        return None
    return root.localized if root.localized.live else root


@register.simple_tag(takes_context=True)
def home_page(context):
    return _localized_home(context.get("request"))


@register.simple_tag(takes_context=True)
def menu_items(context, slot=NavigationMenu.MAIN):
    """The editor's menu for this slot and language, or, when there is none,
    the home page's live public children marked "show in menus"."""
    request = context.get("request")
    locale = Locale.get_active()
    menu = NavigationMenu.objects.filter(slot=slot, locale=locale).first()
    if menu is not None:
        items = menu.visible_items()
    elif slot == NavigationMenu.MAIN:
        home = _localized_home(request)
        children = home.get_children().live().public().in_menu() if home else Page.objects.none()
        items = [{"label": page.title, "url": page.url, "page": page} for page in children]
    else:
        items = []
    current = context.get("page")
    root = _site_root(request)
    for item in items:
        item["current"] = _is_current_section(current, item["page"], root)
    return items


def _is_current_section(current, linked, root):
    """The link is to this page or to a section this page sits in. A link to
    the home page is current only on the home page, or every page would be in
    its section."""
    if not isinstance(current, Page) or linked is None:
        return False
    if current.pk == linked.pk:
        return True
    if root is not None and linked.translation_key == root.translation_key:
        return False
    return current.path.startswith(linked.path)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language: the translated page when it is live, else that
    language's home page with ``has_translation`` false."""
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        return _view_language_links(request)
    key = fragments.cache_key("language_links", request, page)
    return fragments.get_or_render(key, lambda: _page_language_links(request, page))


def _page_language_links(request, page):
    active = Locale.get_active()
    links = []
    for locale in Locale.objects.order_by("pk"):
        info = get_language_info(locale.language_code)
        target = page.get_translation_or_none(locale)
        has_translation = bool(target and target.live and not target.get_view_restrictions().exists())
        if not has_translation:
            root = _site_root(request)
            home = root.get_translation_or_none(locale) if root else None
            target = home if home and home.live else None
        links.append(
            {
                "code": locale.language_code,
                "name": info["name_local"],
                "url": target.get_url(request) if target else f"/{locale.language_code}/",
                "full_url": target.get_full_url(request) if target else None,
                "has_translation": has_translation,
                "current": locale.pk == active.pk,
            }
        )
    return links


def _view_language_links(request):
    """Links for a response that is not a Wagtail page: a view of its own
    (search) is the same view in the other language, with its query; an
    error page links to each language's home page. Either way nothing is
    "not translated"."""
    active = get_language()
    match = getattr(request, "resolver_match", None) if request else None
    own_view = match is not None and match.url_name != "wagtail_serve"
    root = _site_root(request)
    homes = {}
    if root is not None and not own_view:
        homes = {home.locale.language_code: home for home in root.get_translations(inclusive=True).live()}
    links = []
    for code, _name in settings.LANGUAGES:
        if own_view:
            url = translate_url(request.get_full_path(), code)
        else:
            url = homes[code].get_url(request) if code in homes else f"/{code}/"
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "full_url": request.build_absolute_uri(url) if request else None,
                "has_translation": True,
                "current": code == active,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def active_alerts(context):
    page = context.get("page")
    return list(
        AlertBanner.objects.for_page(page if isinstance(page, Page) else None).select_related("link_page")
    )


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """``?…&page=<number>``: the query of ``pagination_query`` when the listing gives
    one (only the filters it understood, so a cached listing never repeats another
    visitor's stray parameters), else the request's, with the page number set."""
    query = context.get("pagination_query")
    if query is None:
        query = context.request.GET
    query = query.copy()
    query["page"] = number
    return "?" + query.urlencode()


@register.simple_tag(takes_context=True)
def json_ld(context):
    """schema.org data of the page as <script type="application/ld+json">.

    A data block, not a script: the strict Content-Security-Policy allows it.
    """
    page = context.get("page")
    if not hasattr(page, "get_json_ld"):
        return ""
    data = page.get_json_ld(context.get("request"))
    if not data:
        return ""
    # Escape characters that could close the script element early.
    text = (
        json.dumps(data, ensure_ascii=False, cls=_JSONEncoder)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


class _JSONEncoder(json.JSONEncoder):
    def default(self, o):
        if hasattr(o, "isoformat"):
            return o.isoformat()
        return str(o)


@register.filter
def weekday_name(value):
    from core.models import WEEKDAYS

    return dict(WEEKDAYS).get(str(value), value)


@register.simple_tag(takes_context=True)
def privacy_notice_url(context):
    """The URL of the privacy notice chosen in the site settings, in the current
    language ("" without one): its live translation, else the page itself when live.

    The footer and every consent field show it: one query, once per request and
    language, and kept with the cached fragments of the cache generation."""
    request = context.get("request")
    language = get_language() or ""
    memo = getattr(request, "_privacy_notice_urls", None)
    if memo is None:
        memo = {}
        if request is not None:
            request._privacy_notice_urls = memo
    if language not in memo:
        key = fragments.cache_key("privacy_notice_url", request)
        memo[language] = fragments.get_or_render(key, lambda: _privacy_notice_url(request))
    return memo[language]


def _privacy_notice_url(request):
    page_id = SiteSettings.load(request_or_site=request).privacy_page_id
    if not page_id:
        return ""
    group = Page.objects.filter(pk=page_id).values("translation_key")
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=group)
        .filter(Q(pk=page_id) | Q(locale__language_code=get_language()))
    )
    chosen = sorted(candidates, key=lambda page: page.pk == page_id)  # the translation first
    return chosen[0].get_url(request) if chosen else ""
