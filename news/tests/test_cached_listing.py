"""The news list kept per filter and page until editors publish (core.fragments): each
visitor sees the list they asked for, current, with links of their own."""

import pytest

from news.models import NewsPage
from news.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600


@pytest.fixture
def index(homes):
    return NewsIndexPageFactory(parent=homes.id)


def listing(client, **params):
    response = client.get("/id/berita/", params)
    assert response.status_code == 200
    return response.text


def test_an_item_published_after_the_list_was_kept_shows_at_once(client, index):
    listing(client)

    item = NewsPageFactory(parent=index, title="Bursa kerja dibuka", slug="bursa")
    item.save_revision().publish()

    assert 'href="/id/berita/bursa/"' in listing(client)


def test_each_filter_gets_its_own_list(client, index):
    NewsPageFactory(parent=index, title="Bursa kerja dibuka", slug="bursa")
    NewsPageFactory(parent=index, title="Jadwal libur", slug="libur", kind=NewsPage.ANNOUNCEMENT)

    everything = listing(client)
    announcements = listing(client, kind=NewsPage.ANNOUNCEMENT)

    assert 'href="/id/berita/bursa/"' in everything and 'href="/id/berita/libur/"' in everything
    assert 'href="/id/berita/libur/"' in announcements
    assert 'href="/id/berita/bursa/"' not in announcements


def test_page_links_keep_the_filters_and_nothing_else(client, index):
    for _ in range(25):
        NewsPageFactory(parent=index, kind=NewsPage.ANNOUNCEMENT)

    listing(client, kind=NewsPage.ANNOUNCEMENT, utm_source="koran", sesi="a1b2c3")
    html = listing(client, kind=NewsPage.ANNOUNCEMENT)

    assert 'href="?kind=announcement&amp;page=2"' in html
    assert "koran" not in html and "a1b2c3" not in html


def test_the_second_view_of_the_list_costs_fewer_queries(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    NewsPageFactory(parent=index, tags=["Pelatihan"])
    with CaptureQueriesContext(connection) as first:
        listing(client)
    with CaptureQueriesContext(connection) as second:
        listing(client)

    assert len(second) < len(first) / 2
