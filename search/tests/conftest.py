import os

import pytest
from django.urls import NoReverseMatch, reverse


@pytest.fixture(autouse=True)
def _search_urls(settings):
    """The suggestion endpoint's URL, until config/urls.py includes search.urls."""
    try:
        reverse("search_suggest")
    except NoReverseMatch:
        settings.ROOT_URLCONF = "search.tests.urls"


@pytest.fixture(autouse=True)
def _fresh_search_caches():
    from django.core.cache import cache

    from search import services

    cache.clear()
    services._backend.cache_clear()
    services._has_trigram.cache_clear()
    yield
    cache.clear()


def pytest_terminal_summary(terminalreporter):
    if not os.environ.get("ELASTICSEARCH_URL"):
        terminalreporter.write_line(
            "search: Elasticsearch tests skipped: ELASTICSEARCH_URL is not set "
            "(e.g. ELASTICSEARCH_URL=http://127.0.0.1:9200)."
        )
