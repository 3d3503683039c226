from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site

from core import fragments

from . import services

SUGGEST_MAX_AGE = 300


def _menu_sections(request):
    """The site's top-level sections in this language (the guides and services among them)."""
    site = Site.find_for_request(request)
    home = site.root_page.localized if site else None
    if home is None or not home.live:
        return Page.objects.none()
    return home.get_children().live().public().in_menu()


def _faq_page(locale):
    """The questions-and-answers page of this language, when the site has one."""
    pages = services.public_pages(locale)
    return (
        pages.filter(content_type__model__icontains="faq").first()
        or pages.filter(slug__in=["faq", "tanya-jawab", "questions-and-answers"]).first()
    )


@require_GET
def search(request):
    """Live, public pages in the request's language; nothing ever fails on bad input."""
    locale = Locale.get_active()
    query = services.clean_query(request.GET.get("q", ""))
    page_type = request.GET.get("type", "")
    page_number = request.GET.get("page", "")
    # Everyone asking the same thing gets the same results until editors publish: they
    # are kept per query, filter and page for the cache generation (core.fragments).
    key = None
    if query:
        key = fragments.cache_key("search", request, per_page=False, vary_on=(query, page_type, page_number))
    results, terms, found_count = fragments.get_or_render(
        key, lambda: _results(request, locale, query, page_type, page_number)
    )
    if terms and not page_number and not page_type:
        services.record_search(query, locale.language_code, found_count)
    response = render(request, "search/search.html", {"search_query": query, "results": results})
    # Results change when editors publish: never cache a results page in shared caches.
    patch_cache_control(response, private=True, max_age=0)
    return response


def _results(request, locale, query, page_type, page_number):
    """The results part of the page as HTML, with the query's terms and what it found."""
    outcome = services.run_search(
        query, locale=locale, request=request, page_type=page_type, page_number=page_number or 1
    )
    first_view = not page_number and not page_type
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "page_obj": outcome.page_obj,
        "pagination_query": _links_query(outcome),
        "answers": services.answers_for(outcome.query, outcome.terms, locale)
        if outcome.terms and first_view
        else [],
    }
    if outcome.query and not outcome.has_results:
        context["sections"] = _menu_sections(request)
        context["faq_page"] = _faq_page(locale)
    html = render_to_string("search/includes/results.html", context, request=request)
    return html, outcome.terms, outcome.found_count


def _links_query(outcome):
    """What the filter and page links keep of the query: the words and the type."""
    query = QueryDict(mutable=True)
    query["q"] = outcome.query
    if outcome.selected_type:
        query["type"] = outcome.selected_type
    return query


@require_GET
def suggest(request):
    """JSON: up to eight live, public pages of the request's language for the typed text."""
    results = services.suggest(request.GET.get("q", ""), locale=Locale.get_active(), request=request)
    # The query is not echoed: the script knows what it asked for.
    response = JsonResponse({"results": results})
    patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
    response["Content-Language"] = get_language()
    return response
