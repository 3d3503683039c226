from django.shortcuts import render
from wagtail.models import Locale, Page

from core.pagination import paginate

MAX_QUERY_LENGTH = 200


def search(request):
    """Search live, public pages in the language of the request."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = pages.search(query)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "page_obj": paginate(request, results, per_page=10) if query else None},
    )
