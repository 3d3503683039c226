"""Results kept per query, filter and page until editors publish (search.views,
core.fragments): what a visitor sees is never stale, never another visitor's."""

import pytest

from search.models import SearchQueryStat

from .factories import guide

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fragments_on(settings):
    settings.FRAGMENT_CACHE_SECONDS = 600


def search(client, **params):
    response = client.get("/id/search/", params)
    assert response.status_code == 200
    return response.text


def test_a_page_published_after_a_search_shows_in_its_results_at_once(client, homes):
    guide(homes.id, "Pelatihan las", slug="pelatihan-las")
    search(client, q="pelatihan")

    page = guide(homes.id, "Pelatihan menjahit", slug="pelatihan-menjahit")
    page.save_revision().publish()

    assert 'href="/id/pelatihan-menjahit/"' in search(client, q="pelatihan")


def test_each_query_filter_and_page_gets_its_own_results(client, homes):
    for n in range(12):
        guide(homes.id, f"Lowongan {n}", slug=f"lowongan-{n}")
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")

    first = search(client, q="lowongan")
    second = search(client, q="lowongan", page=2)
    other = search(client, q="kartu")

    assert first.count('class="card__link"') == 10
    assert second.count('class="card__link"') == 2
    assert 'href="/id/kartu-kuning/"' in other and 'href="/id/lowongan-1/"' not in other


def test_links_in_kept_results_never_repeat_another_visitors_parameters(client, homes):
    for n in range(12):
        guide(homes.id, f"Lowongan {n}", slug=f"lowongan-{n}")

    search(client, q="lowongan", utm_source="koran", sesi="a1b2c3")
    html = search(client, q="lowongan")

    assert 'href="?q=lowongan&amp;page=2"' in html
    assert "koran" not in html and "a1b2c3" not in html


def test_every_search_is_counted_though_its_results_were_kept(client, homes):
    guide(homes.id, "Kartu kuning", slug="kartu-kuning")

    search(client, q="kartu kuning")
    search(client, q="kartu kuning")

    assert SearchQueryStat.objects.get(query="kartu kuning").hits == 2


def test_the_second_identical_search_costs_fewer_queries(client, homes):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    guide(homes.id, "Kartu kuning", slug="kartu-kuning")
    with CaptureQueriesContext(connection) as first:
        search(client, q="kartu")
    with CaptureQueriesContext(connection) as second:
        search(client, q="kartu")

    assert len(second) < len(first)
