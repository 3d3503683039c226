from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page, Site

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
    outcome = services.run_search(
        request.GET.get("q", ""),
        locale=locale,
        request=request,
        page_type=request.GET.get("type", ""),
        page_number=request.GET.get("page", 1),
    )
    first_view = not request.GET.get("page") and not request.GET.get("type")
    if outcome.terms and first_view:
        services.record_search(outcome.query, locale.language_code, outcome.found_count)
    context = {
        "search_query": outcome.query,
        "outcome": outcome,
        "page_obj": outcome.page_obj,
        "answers": services.answers_for(outcome.query, outcome.terms, locale)
        if outcome.terms and first_view
        else [],
    }
    if outcome.query and not outcome.has_results:
        context["sections"] = _menu_sections(request)
        context["faq_page"] = _faq_page(locale)
    response = render(request, "search/search.html", context)
    # Results change when editors publish: never cache a results page in shared caches.
    patch_cache_control(response, private=True, max_age=0)
    return response


@require_GET
def suggest(request):
    """JSON: up to eight live, public pages of the request's language for the typed text."""
    results = services.suggest(request.GET.get("q", ""), locale=Locale.get_active(), request=request)
    # The query is not echoed: the script knows what it asked for.
    response = JsonResponse({"results": results})
    patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
    response["Content-Language"] = get_language()
    return response
